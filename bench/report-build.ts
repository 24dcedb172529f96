import type { ProcessSample } from './build/measure';
import type { BuildResult, BuildRow } from './build/run';
import { fixed, linearFit, median, spread, spreadText } from './stats';

const seconds = (samples: readonly ProcessSample[]) => spreadText(spread(samples.map((s) => s.seconds)), (n) => fixed(n, 3));
const cpu = (samples: readonly ProcessSample[]) => spreadText(spread(samples.map((s) => s.cpuSeconds)), (n) => fixed(n, 2));
const rss = (samples: readonly ProcessSample[]) => `${Math.round(median(samples.map((s) => s.peakRssMb)))}`;
export const med = (samples: readonly ProcessSample[]) => median(samples.map((s) => s.seconds));

/** `a ÷ b` per round (runs are interleaved, so the i-th samples ran side by side): median (min–max). */
export function pairedRatio(a: readonly ProcessSample[], b: readonly ProcessSample[]): string {
  return spreadText(spread(a.map((sample, i) => sample.seconds / (b[i]?.seconds ?? NaN))), (n) => fixed(n, 2));
}

/** `a ÷ b` of CPU time per round: median (min–max). */
export function pairedCpuRatio(a: readonly ProcessSample[], b: readonly ProcessSample[]): string {
  return spreadText(spread(a.map((sample, i) => sample.cpuSeconds / (b[i]?.cpuSeconds ?? NaN))), (n) => fixed(n, 2));
}

export const medCpu = (samples: readonly ProcessSample[]) => median(samples.map((s) => s.cpuSeconds));

export function buildTable(result: BuildResult): string {
  const lines = [
    '| scripts | corpus | runs | floor s | cold build s | no-op build s | check s | cold ÷ floor per round | peak RSS MB (floor / cold / no-op / check) |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const row of result.rows) {
    lines.push(
      `| ${row.scripts} | ${row.corpusLines} lines, ${Math.round(row.corpusBytes / 1024)} KiB | ${row.cold.length} | ${seconds(row.floor)} | ${seconds(row.cold)} | ` +
        `${seconds(row.noop)} | ${seconds(row.check)} | ${pairedRatio(row.cold, row.floor)} | ` +
        `${rss(row.floor)} / ${rss(row.cold)} / ${rss(row.noop)} / ${rss(row.check)} |`,
    );
  }
  return lines.join('\n');
}

export function tscTable(result: BuildResult): string {
  const lines = [
    '| client | the application imports | generated files | size | tsc --noEmit s: median (min–max) | above the baseline | peak RSS MB |',
    '|---|---|---:|---:|---:|---:|---:|',
  ];
  for (const row of result.tsc.rows) {
    const base = result.tsc.rows.find((r) => r.client === row.client && r.scripts === 0);
    const imports = row.scripts === 0 ? `baseline: ${row.client} and zod only` : `a client of ${row.scripts} scripts`;
    const above = row.scripts === 0 || !base ? '–' : `+${fixed(med(row.samples) - med(base.samples), 2)} s`;
    const size = row.scripts === 0 ? '– | –' : `${row.generatedFiles} | ${Math.round(row.generatedBytes / 1024)} KiB`;
    lines.push(`| ${row.client} | ${imports} | ${size} | ${seconds(row.samples)} | ${above} | ${rss(row.samples)} |`);
  }
  return lines.join('\n');
}

/** Fixed cost and cost per script of a measure, fitted over the corpus sizes. */
export function scaling(rows: readonly BuildRow[], pick: (row: BuildRow) => readonly ProcessSample[]): { perScriptMs: number; fixedMs: number; r2: number } {
  const fit = linearFit(rows.map((row) => ({ x: row.scripts, y: med(pick(row)) * 1000 })));
  return { perScriptMs: fit.slope, fixedMs: fit.intercept, r2: fit.r2 };
}

export function scalingTable(result: BuildResult): string {
  const measures: [string, (row: BuildRow) => readonly ProcessSample[]][] = [
    ['floor', (r) => r.floor],
    ['cold build', (r) => r.cold],
    ['no-op build', (r) => r.noop],
    ['check', (r) => r.check],
  ];
  const lines = ['| measure | fixed cost ms | ms per script | R² of the linear fit |', '|---|---:|---:|---:|'];
  for (const [name, pick] of measures) {
    const s = scaling(result.rows.filter((r) => pick(r).length > 0), pick);
    lines.push(`| ${name} | ${fixed(s.fixedMs, 0)} | ${fixed(s.perScriptMs, 3)} | ${fixed(s.r2, 4)} |`);
  }
  return lines.join('\n');
}

/** CPU time (user + system, every thread) of the same runs as the build table. */
export function cpuTable(result: BuildResult): string {
  const lines = [
    '| scripts | floor CPU s | cold build CPU s | no-op build CPU s | check CPU s | cold ÷ floor, CPU, per round |',
    '|---:|---:|---:|---:|---:|---:|',
  ];
  for (const row of result.rows) {
    lines.push(`| ${row.scripts} | ${cpu(row.floor)} | ${cpu(row.cold)} | ${cpu(row.noop)} | ${cpu(row.check)} | ${pairedCpuRatio(row.cold, row.floor)} |`);
  }
  return lines.join('\n');
}

/** Milliseconds of generate()'s work on its first pass (the step-by-step rows) and on each later pass. */
export function generatePasses(build: BuildResult): { readonly first: number; readonly later: readonly { step: string; ms: number }[] } {
  const firstSteps = build.phases.filter((p) => /^(parse|analyse|model|emit)/.test(p.step));
  return { first: firstSteps.reduce((sum, p) => sum + p.ms, 0), later: build.phases.filter((p) => p.step.startsWith('generate()')) };
}

const spreadOf = (values: readonly number[], digits: number) => spreadText(spread(values), (n) => fixed(n, digits));

/** TurboFan's work in the floor and in a cold build (`--trace-opt`). */
export function jitTable(build: BuildResult): string {
  const { floor, cold } = build.jit;
  return [
    '| `node --trace-opt`, median (min–max) | floor | cold build |',
    '|---|---:|---:|',
    `| functions TurboFan compiled | ${spreadOf(floor.map((j) => j.compiles), 0)} | ${spreadOf(cold.map((j) => j.compiles), 0)} |`,
    `| their compile time on V8's background threads, ms | ${spreadOf(floor.map((j) => j.compileMs), 0)} | ${spreadOf(cold.map((j) => j.compileMs), 0)} |`,
  ].join('\n');
}
