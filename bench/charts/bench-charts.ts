import type { ProcessSample } from '../build/measure';
import type { BuildResult, BuildRow } from '../build/run';
import type { BenchReport } from '../report';
import type { RunSample } from '../runtime/drive';
import type { RuntimeRow } from '../runtime/run';
import { spread } from '../stats';
import { barChart } from './bar-chart';
import type { BarChartData, LineChartData } from './data';
import { lineChart } from './line-chart';

/** The charts `npm run bench` writes beside RESULTS.md, as data (saved, so they can be drawn again) and as SVG. */
export interface ChartSet {
  readonly calls?: BarChartData;
  readonly buildTime?: LineChartData;
  readonly buildMemory?: LineChartData;
}

/** File names, relative to RESULTS.md's folder, and the alt text RESULTS.md gives them. */
export const CHART_FILES = {
  calls: { file: 'results-calls.svg', alt: 'Calls per second by call shape and client, median with min–max' },
  buildTime: { file: 'results-build-time.svg', alt: 'Build time against the number of scripts, with the floor' },
  buildMemory: { file: 'results-build-memory.svg', alt: 'Peak memory of a build against the number of scripts, with the floor' },
} as const;

const rate = (s: RunSample) => s.calls / s.seconds;

function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** Calls/s by call shape (groups) and client (series); redis-benchmark's rows show the server's limit. */
export function callsChart(rows: readonly RuntimeRow[]): BarChartData {
  const series = distinct(rows.map((r) => r.variant));
  const groups = distinct(rows.map((r) => r.mode)).map((mode) => ({
    label: mode,
    values: series.map((variant) => {
      const row = rows.find((r) => r.mode === mode && r.variant === variant);
      return row ? spread(row.samples.map(rate)) : undefined;
    }),
  }));
  return { title: 'Calls per second by call shape and client', yLabel: 'calls/s', series, groups };
}

const MEASURES: readonly { name: string; pick: (row: BuildRow) => readonly ProcessSample[]; reference?: boolean }[] = [
  { name: 'floor (read, luaparse, write)', pick: (r) => r.floor, reference: true },
  { name: 'cold build', pick: (r) => r.cold },
  { name: 'no-op build', pick: (r) => r.noop },
  { name: 'check', pick: (r) => r.check },
];

function buildChart(build: BuildResult, title: string, yLabel: string, value: (s: ProcessSample) => number): LineChartData {
  return {
    title,
    xLabel: 'scripts in the project',
    yLabel,
    series: MEASURES.map((m) => ({
      name: m.name,
      reference: m.reference,
      points: build.rows.map((row) => ({ x: row.scripts, ...spread(m.pick(row).map(value)) })),
    })),
  };
}

export function chartSet(report: Pick<BenchReport, 'runtime' | 'build'>): ChartSet {
  const { runtime, build } = report;
  return {
    calls: runtime ? callsChart([...runtime.rows, ...runtime.serverRows]) : undefined,
    buildTime: build ? buildChart(build, 'Build time against the number of scripts', 'seconds', (s) => s.seconds) : undefined,
    buildMemory: build ? buildChart(build, 'Peak memory (RSS) against the number of scripts', 'MB', (s) => s.peakRssMb) : undefined,
  };
}

/** Each chart of the set as an SVG file (name relative to RESULTS.md's folder). */
export function renderCharts(charts: ChartSet): { file: string; svg: string }[] {
  const files: { file: string; svg: string }[] = [];
  if (charts.calls) files.push({ file: CHART_FILES.calls.file, svg: barChart(charts.calls) });
  if (charts.buildTime) files.push({ file: CHART_FILES.buildTime.file, svg: lineChart(charts.buildTime) });
  if (charts.buildMemory) files.push({ file: CHART_FILES.buildMemory.file, svg: lineChart(charts.buildMemory) });
  return files;
}

/** Markdown image lines for the charts of the set. */
export function chartImages(charts: ChartSet, keys: readonly (keyof ChartSet)[]): string[] {
  return keys.filter((key) => charts[key]).map((key) => `![${CHART_FILES[key].alt}](${CHART_FILES[key].file})`);
}
