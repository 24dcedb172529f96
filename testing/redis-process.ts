/**
 * Low-level helpers to run `redis-server` processes for tests: free-port
 * discovery, spawning into a temp dir, readiness polling, and stopping only
 * what we started (by pid). Every spawned server is also guarded by a tiny
 * detached `sh` watchdog that SIGKILLs it if this Node process dies without
 * cleaning up (e.g. a jest worker killed with SIGTERM/SIGKILL).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { respCommand } from './resp-client';

export const LOOPBACK = '127.0.0.1';

export interface SpawnedServer {
  readonly host: string;
  readonly port: number;
  readonly dir: string;
  readonly logFile: string;
  readonly child: ChildProcess;
  readonly watchdog: ChildProcess | undefined;
}

export interface SpawnOptions {
  bin: string;
  /** Fixed port (restart); when omitted a free port is picked and retried on EADDRINUSE. */
  port?: number;
  /**
   * Data dir to reuse (restart); when omitted a fresh mkdtemp dir is created.
   * Either way the dir is treated as ours: removed if the process exits uncleanly.
   */
  dir?: string;
  extraArgs?: ReadonlyArray<string>;
  readyTimeoutMs?: number;
}

/** Absolute path of an executable found on PATH, or undefined. */
export function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      /* not here */
    }
  }
  return undefined;
}

/** Asks the OS for a free loopback port (bind port 0, read it, close). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, LOOPBACK, () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error('freePort: no port assigned'))));
    });
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

// ---- leak protection -------------------------------------------------------

/** Children we spawned and still own, with their temp dir (removed on unclean exit). */
const live = new Map<ChildProcess, string>();
const killAllSync = (): void => {
  for (const [c, dir] of live) {
    try {
      // exited() is only true once node has reaped the pid, so it cannot have been reused.
      if (c.pid !== undefined && !exited(c)) process.kill(c.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
};
function track(child: ChildProcess, dir: string): void {
  if (live.size === 0) process.on('exit', killAllSync);
  live.set(child, dir);
}
function untrack(child: ChildProcess): void {
  if (!live.delete(child)) return;
  if (live.size === 0) process.removeListener('exit', killAllSync);
}

// $1 = our pid, $2 = redis pid. Kill redis only if *we* died first.
const WATCHDOG_SCRIPT =
  'while kill -0 "$1" 2>/dev/null && kill -0 "$2" 2>/dev/null; do sleep 1; done; ' +
  'kill -0 "$1" 2>/dev/null || kill -9 "$2" 2>/dev/null; exit 0';

function startWatchdog(redisPid: number): ChildProcess | undefined {
  try {
    const wd = spawn('sh', ['-c', WATCHDOG_SCRIPT, 'redis-watchdog', String(process.pid), String(redisPid)], {
      detached: true,
      stdio: 'ignore',
    });
    wd.on('error', () => undefined);
    wd.unref();
    return wd;
  } catch {
    return undefined;
  }
}

// ---- spawn / wait / stop ----------------------------------------------------

function readLog(logFile: string): string {
  try {
    return fs.readFileSync(logFile, 'utf8').trim().split('\n').slice(-30).join('\n');
  } catch {
    return '(no log)';
  }
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Polls PING until it answers PONG; throws with `describe()` appended on timeout. */
export async function waitForPing(
  host: string,
  port: number,
  timeoutMs: number,
  describe: () => string = () => '',
  aborted: () => boolean = () => false,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = 'no attempt';
  while (Date.now() < deadline) {
    if (aborted()) break;
    try {
      if ((await respCommand(host, port, ['PING'], 500)) === 'PONG') return;
    } catch (e) {
      lastError = (e as Error).message;
    }
    await sleep(50);
  }
  const why = aborted() ? 'exited before answering PING' : `did not answer PING within ${timeoutMs}ms`;
  throw new Error(`Redis at ${host}:${port} ${why} (last error: ${lastError})\n${describe()}`);
}

async function spawnOnce(opts: SpawnOptions, port: number, dir: string): Promise<SpawnedServer> {
  const logFile = path.join(dir, 'redis.log');
  const args = ['--port', String(port), '--bind', LOOPBACK, '--save', '', '--appendonly', 'no',
    '--dir', dir, '--daemonize', 'no', ...(opts.extraArgs ?? [])];
  const fd = fs.openSync(logFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(opts.bin, args, { stdio: ['ignore', fd, fd] });
  } finally {
    fs.closeSync(fd);
  }
  let spawnError: Error | undefined;
  child.on('error', (e) => (spawnError = e));
  child.unref();
  if (child.pid === undefined) {
    await sleep(10);
    throw new Error(`failed to spawn ${opts.bin}: ${spawnError?.message ?? 'unknown error'}`);
  }
  track(child, dir);
  const server: SpawnedServer = { host: LOOPBACK, port, dir, logFile, child, watchdog: startWatchdog(child.pid) };
  try {
    await waitForPing(LOOPBACK, port, opts.readyTimeoutMs ?? 10_000,
      () => `command: ${opts.bin} ${args.map((a) => (a === '' ? '""' : a)).join(' ')}\n` +
        `exit: ${String(child.exitCode ?? child.signalCode)}\n--- redis log (${logFile}) ---\n${readLog(logFile)}`,
      () => exited(child) || spawnError !== undefined);
  } catch (e) {
    await stopServer(server, false);
    throw e;
  }
  return server;
}

/** Spawns redis-server and resolves once it answers PING. */
export async function spawnServer(opts: SpawnOptions): Promise<SpawnedServer> {
  const dir = opts.dir ?? (await fsp.mkdtemp(path.join(os.tmpdir(), 'luagen-redis-')));
  const attempts = opts.port === undefined ? 3 : 1;
  let lastError: Error | undefined;
  for (let i = 0; i < attempts; i++) {
    const port = opts.port ?? (await freePort());
    try {
      return await spawnOnce(opts, port, dir);
    } catch (e) {
      lastError = e as Error;
      if (!/already in use/i.test(lastError.message)) break; // only port races are retried
    }
  }
  if (opts.dir === undefined) await fsp.rm(dir, { recursive: true, force: true });
  throw lastError ?? new Error('spawnServer failed');
}

function waitExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (exited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(exited(child)), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** SIGTERM (then SIGKILL after 5s) the server we spawned; optionally removes its dir. */
export async function stopServer(server: SpawnedServer, removeDir = true): Promise<void> {
  const { child } = server;
  if (!exited(child)) {
    child.kill('SIGTERM');
    if (!(await waitExit(child, 5000))) {
      child.kill('SIGKILL');
      await waitExit(child, 5000);
    }
  }
  untrack(child);
  if (server.watchdog && !exited(server.watchdog)) server.watchdog.kill('SIGTERM');
  if (removeDir) await fsp.rm(server.dir, { recursive: true, force: true });
}
