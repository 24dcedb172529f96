import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** One run of a child process: wall time (measured here), peak RSS and CPU time (GNU time's %M, %U + %S). */
export interface ProcessSample {
  readonly seconds: number;
  readonly peakRssMb: number;
  /** User plus system CPU seconds of the process, every thread (V8's compiler and GC threads included). */
  readonly cpuSeconds: number;
  readonly exitCode: number;
  readonly stdout: string;
}

let counter = 0;

/** Runs `command args` under `/usr/bin/time -f '%M %U %S'` in `cwd`; rejects when the exit code is not expected. */
export async function measureProcess(
  command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env, expectedExit = 0,
): Promise<ProcessSample> {
  const timeFile = path.join(os.tmpdir(), `luagen-bench-rss-${process.pid}-${counter++}.txt`);
  const start = process.hrtime.bigint();
  const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-f', '%M %U %S', '-o', timeFile, command, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.once('error', reject);
    child.once('exit', (exitCode) => resolve({ code: exitCode ?? -1, stdout: out, stderr: err }));
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const [rss, user, system] = ((await fs.readFile(timeFile, 'utf8')).trim().split('\n').pop() ?? '').split(' ').map(Number);
  await fs.rm(timeFile, { force: true });
  if (code !== expectedExit) {
    throw new Error(`${command} ${args.join(' ')} exited ${code} (expected ${expectedExit}):\n${stderr.slice(0, 2000)}`);
  }
  return { seconds, peakRssMb: (rss ?? NaN) / 1024, cpuSeconds: (user ?? NaN) + (system ?? NaN), exitCode: code, stdout };
}
