import type { ProcessSample } from '../../bench/build/measure';
import type { BuildResult, BuildRow } from '../../bench/build/run';
import { linearScale, logScale } from '../../bench/charts/axis';
import { wrap } from '../../bench/charts/bar-chart';
import { chartImages, chartSet, renderCharts } from '../../bench/charts/bench-charts';
import { escapeXml } from '../../bench/charts/svg';
import type { RunSample } from '../../bench/runtime/drive';
import type { RuntimeResult, RuntimeRow } from '../../bench/runtime/run';

/** The chart writer on fixed data shaped as `npm run bench` produces it; checks the SVG it draws. */
const run = (callsPerSecond: number): RunSample => ({ calls: callsPerSecond, seconds: 1, clientCpuMicros: 1, serverCpuMicros: 1 });
const row = (mode: string, variant: string, rates: number[]): RuntimeRow => ({ mode, variant, samples: rates.map(run) });
const RUNTIME = {
  rows: [
    row('1 caller', 'ioredis defineCommand', [30_000, 32_000, 34_000]),
    row('1 caller', 'generated typed function', [29_000, 31_000, 33_000]),
    row('pipelines of 100', 'ioredis defineCommand', [60_000, 64_000, 70_000]),
    row('pipelines of 100', 'generated typed function', [58_000, 61_000, 69_000]),
  ],
  serverRows: [row('-c 50 -P 16', 'redis-benchmark EVALSHA', [200_000, 240_000, 250_000])],
} as unknown as RuntimeResult;

const sample = (seconds: number, peakRssMb: number): ProcessSample => ({ seconds, peakRssMb, cpuSeconds: seconds * 1.5, exitCode: 0, stdout: '' });
const buildRow = (scripts: number, floor: number, cold: number, rss: number): BuildRow =>
  ({
    scripts,
    floor: [sample(floor, 50), sample(floor * 1.2, 52)],
    cold: [sample(cold, rss), sample(cold * 1.1, rss + 10)],
    noop: [sample(0.12, 55), sample(0.13, 56)],
    check: [sample(0.13, 55), sample(0.14, 57)],
  }) as unknown as BuildRow;
const BUILD = { rows: [buildRow(10, 0.1, 0.5, 120), buildRow(100, 0.17, 0.6, 145), buildRow(1000, 0.32, 1.56, 232)] } as unknown as BuildResult;

/** Every `<tag ...>` closed in order: the document is well-formed XML (no parser in the dependencies). */
function expectWellFormed(svg: string): void {
  const stack: string[] = [];
  for (const [, closing, name, selfClosing] of svg.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    if (closing) expect(stack.pop()).toBe(name);
    else if (!selfClosing) stack.push(name!);
  }
  expect(stack).toEqual([]);
  expect(svg).not.toMatch(/NaN|Infinity|undefined/);
}

const numbers = (svg: string, pattern: RegExp) => [...svg.matchAll(pattern)].map((m) => Number(m[1]));

describe('bench charts', () => {
  const charts = chartSet({ runtime: RUNTIME, build: BUILD });
  const files = renderCharts(charts);
  const svg = (file: string) => files.find((f) => f.file === file)!.svg;

  it('draws three charts, named as RESULTS.md links them, deterministically', () => {
    expect(files.map((f) => f.file)).toEqual(['results-calls.svg', 'results-build-time.svg', 'results-build-memory.svg']);
    expect(renderCharts(chartSet({ runtime: RUNTIME, build: BUILD }))).toEqual(files);
    for (const { svg: text } of files) {
      expectWellFormed(text);
      expect(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="760"')).toBe(true);
    }
    expect(chartImages(charts, ['calls', 'buildTime'])).toEqual([
      '![Calls per second by call shape and client, median with min–max](results-calls.svg)',
      '![Build time against the number of scripts, with the floor](results-build-time.svg)',
    ]);
    expect(renderCharts(chartSet({ runtime: undefined, build: BUILD })).map((f) => f.file)).toEqual(['results-build-time.svg', 'results-build-memory.svg']);
  });

  it('calls/s: one bar per client and call shape at the median, whiskers at min and max, on a 0-based axis', () => {
    const calls = svg('results-calls.svg');
    expect(calls).toContain('<title>Calls per second by call shape and client</title>');
    // 4 clients' bars + redis-benchmark, legend swatches (3) + background excluded by the title child.
    const bars = [...calls.matchAll(/<rect x="[^"]+" y="([^"]+)" width="[^"]+" height="([^"]+)" fill="[^"]+"><title>([^<]+)<\/title><\/rect>/g)];
    expect(bars.map((b) => b[3])).toEqual([
      'ioredis defineCommand, 1 caller: median 32,000 (min 30,000, max 34,000)',
      'generated typed function, 1 caller: median 31,000 (min 29,000, max 33,000)',
      'ioredis defineCommand, pipelines of 100: median 64,000 (min 60,000, max 70,000)',
      'generated typed function, pipelines of 100: median 61,000 (min 58,000, max 69,000)',
      'redis-benchmark EVALSHA, -c 50 -P 16: median 240,000 (min 200,000, max 250,000)',
    ]);
    // The y axis runs 0..250,000 over 260 px from y=304 up to y=44: a bar's height is proportional to its median.
    const heights = bars.map((b) => Number(b[2]));
    expect(heights[4]).toBeCloseTo((240_000 / 250_000) * 260, 0);
    expect(heights[0]).toBeCloseTo((32_000 / 250_000) * 260, 0);
    for (const b of bars) expect(Number(b[1]) + Number(b[2])).toBeCloseTo(304, 5);
    expect(calls).toContain('>250,000</text>');
    expect(calls).toContain('>0</text>');
    for (const label of ['1 caller', 'pipelines of 100', '-c 50 -P 16', 'redis-benchmark EVALSHA', 'calls/s']) expect(calls).toContain(`>${label}</text>`);
    // The whisker of redis-benchmark spans 200,000..250,000.
    const whiskerYs = numbers(calls, /<line x1="[^"]+" y1="([^"]+)" x2="[^"]+" y2="[^"]+" stroke="#222"/g);
    expect(whiskerYs).toContain(Number((304 - (200_000 / 250_000) * 260).toFixed(1)));
  });

  it('build time and memory: one line per measure over a log axis of scripts, the floor dashed', () => {
    const time = svg('results-build-time.svg');
    expect(time).toContain('<title>Build time against the number of scripts</title>');
    for (const tick of ['10', '100', '1,000']) expect(time).toContain(`>${tick}</text>`);
    expect([...time.matchAll(/<path [^>]*stroke-dasharray="6 4"/g)]).toHaveLength(1);
    expect([...time.matchAll(/<path /g)]).toHaveLength(4);
    expect(time).toContain('<title>cold build, 1,000: median 1.64 (min 1.56, max 1.72)</title>');
    expect(time).toContain('<title>floor (read, luaparse, write), 10: median 0.11 (min 0.1, max 0.12)</title>');
    const memory = svg('results-build-memory.svg');
    expect(memory).toContain('<title>cold build, 1,000: median 237 (min 232, max 242)</title>');
    expect(memory).toContain('>MB</text>');
    // Equal steps on the log axis: 10 → 100 → 1000 are evenly spaced.
    const xs = numbers(time, /<circle cx="([^"]+)"/g).slice(0, 3);
    expect(xs[1]! - xs[0]!).toBeCloseTo(xs[2]! - xs[1]!, 0);
  });

  it('escapes text and picks round axis ends', () => {
    expect(escapeXml('a < b & "c"')).toBe('a &lt; b &amp; &quot;c&quot;');
    expect(linearScale(238_000, 300, 0).ticks).toEqual([0, 50_000, 100_000, 150_000, 200_000, 250_000]);
    expect(linearScale(1.72, 300, 0).ticks).toEqual([0, 0.5, 1, 1.5, 2]);
    expect(logScale(10, 1000, 0, 200).ticks).toEqual([10, 100, 1000]);
    expect(logScale(10, 1000, 0, 200)(100)).toBe(100);
    expect(wrap('pipelines of 100 (1 in flight)', 130)).toEqual(['pipelines of 100 (1', 'in flight)']);
    expect(wrap('1 caller', 130)).toEqual(['1 caller']);
  });
});
