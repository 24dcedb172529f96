import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LIMIT, WINDOW_MS } from './variants';
import type { RunSample } from './drive';

/** A redis-benchmark configuration: `-c clients -P pipeline`. */
export interface BenchmarkConfig {
  readonly clients: number;
  readonly pipeline: number;
  readonly requests: number;
}

export function benchmarkArgs(port: number, sha1: string, keys: number, config: BenchmarkConfig): string[] {
  return [
    '-h', '127.0.0.1', '-p', String(port),
    '-n', String(config.requests), '-r', String(keys),
    '-c', String(config.clients), '-P', String(config.pipeline), '--csv',
    'EVALSHA', sha1, '1', 'bench:rl:__rand_int__', String(LIMIT), String(WINDOW_MS),
  ];
}

function run(command: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${command} exited ${code}: ${err}`))));
  });
}

/** `"EVALSHA ...","123456.79",...` → 123456.79 (the requests/s redis-benchmark reports). */
function parseRps(csv: string): number {
  const last = csv.trim().split('\n').filter((line) => !line.startsWith('"test"')).pop() ?? '';
  const rps = Number(last.split(',')[1]?.replace(/"/g, ''));
  if (!Number.isFinite(rps) || rps <= 0) throw new Error(`cannot read requests/s from redis-benchmark output: ${csv}`);
  return rps;
}

/** Runs redis-benchmark under /usr/bin/time to get its CPU too; server CPU from INFO as for the clients. */
export async function runRedisBenchmark(
  port: number, sha1: string, keys: number, config: BenchmarkConfig, serverCpu: () => Promise<number>,
): Promise<RunSample> {
  const timeFile = path.join(os.tmpdir(), `luagen-bench-time-${process.pid}.txt`);
  const serverBefore = await serverCpu();
  const csv = await run('/usr/bin/time', ['-f', '%U %S', '-o', timeFile, 'redis-benchmark', ...benchmarkArgs(port, sha1, keys, config)]);
  const serverCpuMicros = (await serverCpu()) - serverBefore;
  const [user, system] = (await fs.readFile(timeFile, 'utf8')).trim().split(/\s+/).map(Number);
  await fs.rm(timeFile, { force: true });
  const rps = parseRps(csv);
  return {
    calls: config.requests,
    seconds: config.requests / rps,
    clientCpuMicros: ((user ?? 0) + (system ?? 0)) * 1e6,
    serverCpuMicros,
  };
}
