import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runBuildBench } from './build/run';
import { writeCharts } from './charts/write';
import { machineInfo } from './machine';
import { parseOptions, type BenchOptions } from './options';
import { startServer } from './redis-server';
import { renderReport, type BenchReport } from './report';
import { runRuntimeBench, type RuntimeResult } from './runtime/run';

/** Where progress lines go: stderr for `npm run bench`, a collector in tests (so jest's output stays clean). */
export type ProgressLog = (text: string) => void;

const log: ProgressLog = (text) => process.stderr.write(`bench: ${text}\n`);

async function runtimePart(options: BenchOptions, progress: ProgressLog): Promise<RuntimeResult> {
  const server = await startServer();
  progress(`redis-server pid ${server.pid} on ${server.host}:${server.port}`);
  try {
    return await runRuntimeBench(server, options);
  } finally {
    await server.stop();
  }
}

/** Runs the benchmark (both halves unless told otherwise) and returns the report. */
export async function runBench(options: BenchOptions, progress: ProgressLog = log): Promise<BenchReport> {
  const machine = machineInfo();
  const startedAt = new Date();
  const start = process.hrtime.bigint();
  progress(`run time part${options.parts.runtime ? '' : ' skipped'}`);
  const runtime = options.parts.runtime ? await runtimePart(options, progress) : undefined;
  progress(`build time part${options.parts.build ? '' : ' skipped'}`);
  const build = options.parts.build ? await runBuildBench(options) : undefined;
  const totalSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  const loadAfter = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  return { machine, options, runtime, build, startedAt, totalSeconds, loadAfter };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const report = await runBench(options);
  const markdown = renderReport(report);
  process.stdout.write(markdown);
  if (options.resultsFile) {
    const resultsPath = path.resolve(__dirname, '..', options.resultsFile);
    await fs.writeFile(resultsPath, markdown);
    const charts = await writeCharts(report, path.dirname(resultsPath));
    log(`wrote ${options.resultsFile} and ${charts.join(', ')}`);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
