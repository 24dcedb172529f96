import { QUICK, type BenchOptions } from '../../bench/options';
import { runBench } from '../../bench/index';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeCharts } from '../../bench/charts/write';
import { renderReport } from '../../bench/report';

/** Runs every code path of `npm run bench` at tiny sizes; asserts the shape of the results, never timings. */
const TINY: BenchOptions = {
  ...QUICK,
  calls: { serial: 20, concurrent: 100, pipelined: 200 },
  benchmarkRequests: { wide: 1_000, single: 500 },
  corpusSizes: [2, 4],
  tscSizes: [2],
};

describe('bench (smoke)', () => {
  it('measures every client, mode, redis-benchmark configuration and build step', async () => {
    const progress: string[] = [];
    const report = await runBench(TINY, (line) => progress.push(line));
    // Progress goes to the collector, not into the middle of jest's output.
    expect(progress).toEqual(['run time part', expect.stringMatching(/^redis-server pid \d+ on /), 'build time part']);
    const runtime = report.runtime!;
    expect(runtime.rows.map((r) => `${r.mode} / ${r.variant}`)).toHaveLength(18);
    expect(new Set(runtime.rows.map((r) => r.variant))).toEqual(
      new Set([
        'generated typed function',
        'generated typed function, --target functions (FCALL)',
        'generated typed function, node-redis',
        'ioredis defineCommand',
        'ioredis evalsha',
        'node-redis defineScript',
      ]),
    );
    for (const row of [...runtime.rows, ...runtime.serverRows]) {
      expect(row.samples).toHaveLength(TINY.rounds);
      for (const sample of row.samples) expect(sample.seconds).toBeGreaterThan(0);
    }
    expect(runtime.serverRows.map((r) => r.mode)).toEqual(['-c 50 -P 16', '-c 1 -P 50']);
    // The same script on the same key: the count goes 1, 2, ... 6 across the six clients.
    const counts = runtime.sameScriptCheck.map(({ reply }) => (Array.isArray(reply) ? reply[1] : (reply as { count: number }).count));
    expect(counts).toEqual([1, 2, 3, 4, 5, 6]);

    const build = report.build!;
    expect(build.rows.map((r) => r.scripts)).toEqual([2, 4]);
    for (const row of build.rows) {
      for (const samples of [row.floor, row.cold, row.noop, row.check]) {
        expect(samples).toHaveLength(TINY.buildRuns);
        expect(samples[0]!.peakRssMb).toBeGreaterThan(0);
        expect(samples[0]!.cpuSeconds).toBeGreaterThan(0);
      }
      // runtime files + one module per script + index.ts
      expect(row.generatedFiles).toBe(build.rows[0]!.generatedFiles - 2 + row.scripts);
    }

    // The step-by-step cold build ends with generate() run four more times in the same process.
    expect(build.phases.filter((p) => p.step.startsWith('generate()')).map((p) => p.step)).toEqual([
      'generate() in full (parse, analyse, model, emit), 2nd pass',
      'generate() in full, 3rd pass',
      'generate() in full, 4th pass',
      'generate() in full, 5th pass',
    ]);
    expect(build.jit.floor).toHaveLength(TINY.buildRuns);
    expect(build.jit.cold).toHaveLength(TINY.buildRuns);
    for (const sample of [...build.jit.floor, ...build.jit.cold]) expect(Number.isInteger(sample.compiles) && sample.compileMs >= 0).toBe(true);

    // tsc --noEmit: per client, its baseline, then an application importing a client of each size.
    expect(build.tsc.rows.map((r) => `${r.client} ${r.scripts}`)).toEqual(['ioredis 0', 'ioredis 2', 'node-redis 0', 'node-redis 2']);
    for (const row of build.tsc.rows) expect(row.samples).toHaveLength(TINY.tscRuns);
    expect(build.tsc.rows[1]!.generatedFiles).toBeGreaterThan(2);

    const markdown = renderReport(report);
    expect(markdown).toContain('## Targets');
    expect(markdown).toContain('generated node-redis ÷ node-redis `defineScript`');
    expect(markdown).toContain('redis-benchmark EVALSHA');
    expect(markdown).toContain('tsc --noEmit');
    expect(markdown).toContain('| cold ÷ floor, CPU, per round |');
    expect(markdown).toContain('| functions TurboFan compiled |');
    expect(markdown).toContain('](results-calls.svg)');
    expect(markdown).toContain('](results-build-time.svg)');
    expect(markdown).toContain('](results-build-memory.svg)');

    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'luagen-bench-charts-'));
    try {
      const written = await writeCharts(report, dir);
      expect(written).toEqual(['results-charts.json', 'results-calls.svg', 'results-build-time.svg', 'results-build-memory.svg']);
      const calls = await fs.readFile(path.join(dir, 'results-calls.svg'), 'utf8');
      for (const variant of new Set(runtime.rows.map((r) => r.variant))) expect(calls).toContain(`>${variant}</text>`);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
