import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { BenchReport } from '../report';
import { chartSet, renderCharts, type ChartSet } from './bench-charts';

/** The chart data beside RESULTS.md, so that `npx tsx bench/charts/write.ts` can draw the charts again without a run. */
export const CHART_DATA_FILE = 'results-charts.json';

async function writeAll(charts: ChartSet, dir: string): Promise<string[]> {
  const files = renderCharts(charts);
  await Promise.all(files.map((f) => fs.writeFile(path.join(dir, f.file), f.svg)));
  return files.map((f) => f.file);
}

/** Writes the SVG charts and their data into `dir` (RESULTS.md's folder); returns the file names. */
export async function writeCharts(report: Pick<BenchReport, 'runtime' | 'build'>, dir: string): Promise<string[]> {
  const charts = chartSet(report);
  await fs.writeFile(path.join(dir, CHART_DATA_FILE), `${JSON.stringify(charts, null, 2)}\n`);
  return [CHART_DATA_FILE, ...(await writeAll(charts, dir))];
}

/** Draws the charts again from the saved data (after a change to the chart code). */
async function redraw(dir: string): Promise<void> {
  const charts = JSON.parse(await fs.readFile(path.join(dir, CHART_DATA_FILE), 'utf8')) as ChartSet;
  process.stderr.write(`bench: wrote ${(await writeAll(charts, dir)).join(', ')}\n`);
}

if (require.main === module) {
  redraw(path.resolve(__dirname, '..')).catch((error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
