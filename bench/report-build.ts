import type { ProcessSample } from './build/measure';
import type { BuildResult, BuildRow } from './build/run';
import { fixed, linearFit, median, spread, spreadText } from './stats';

const seconds = (samples: readonly ProcessSample[]) => spreadText(spread(samples.map((s) => s.seconds)), (n) => fixed(n, 3));
const rss = (samples: readonly ProcessSample[]) => `${Math.round(median(samples.map((s) => s.peakRssMb)))}`;
export const med = (samples: readonly ProcessSample[]) => median(samples.map((s) => s.seconds));

/** `a ÷ b` per round (runs are interleaved, so the i-th samples ran side by side): median (min–max). */
export function pairedRatio(a: readonly ProcessSample[], b: readonly ProcessSample[]): string {
  return spreadText(spread(a.map((sample, i) => sample.seconds / (b[i]?.seconds ?? NaN))), (n) => fixed(n, 2));
}

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
  const base = med(result.tscBaseline);
  const lines = [
    '| generated client | files | size | tsc --noEmit s: median (min–max) | above the baseline | peak RSS MB |',
    '|---|---:|---:|---:|---:|---:|',
    `| baseline: one file importing ioredis and zod | 1 | – | ${seconds(result.tscBaseline)} | – | ${rss(result.tscBaseline)} |`,
  ];
  // The largest corpora are not type-checked (see BenchOptions.largeCorpus).
  for (const row of result.rows.filter((r) => r.tsc.length > 0)) {
    lines.push(
      `| ${row.scripts} scripts | ${row.generatedFiles} | ${Math.round(row.generatedBytes / 1024)} KiB | ${seconds(row.tsc)} | ` +
        `+${fixed(med(row.tsc) - base, 2)} s | ${rss(row.tsc)} |`,
    );
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
    ['tsc --noEmit', (r) => r.tsc],
  ];
  const lines = ['| measure | fixed cost ms | ms per script | R² of the linear fit |', '|---|---:|---:|---:|'];
  for (const [name, pick] of measures) {
    const s = scaling(result.rows.filter((r) => pick(r).length > 0), pick);
    lines.push(`| ${name} | ${fixed(s.fixedMs, 0)} | ${fixed(s.perScriptMs, 3)} | ${fixed(s.r2, 4)} |`);
  }
  return lines.join('\n');
}
