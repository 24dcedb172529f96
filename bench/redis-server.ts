import { spawn, type ChildProcess } from 'node:child_process';
import * as net from 'node:net';

/** A redis-server this benchmark started, on a loopback port, without persistence. */
export interface BenchServer {
  readonly host: string;
  readonly port: number;
  readonly pid: number;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, HOST);
    socket.setTimeout(300);
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

async function waitUntilReady(port: number, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}`);
    if (await ping(port)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`redis-server on port ${port} did not answer PING within 5 s`);
}

/** Starts `redis-server` on a free loopback port; `stop()` ends exactly that process (by pid). */
export async function startServer(): Promise<BenchServer> {
  const port = await freePort();
  const args = ['--port', String(port), '--bind', HOST, '--save', '', '--appendonly', 'no', '--loglevel', 'warning'];
  const child = spawn('redis-server', args, { stdio: 'ignore' });
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not start redis-server (is it on PATH?)');
  const killOnExit = () => child.exitCode === null && process.kill(pid, 'SIGKILL');
  process.once('exit', killOnExit);
  try {
    await waitUntilReady(port, child);
  } catch (error) {
    killOnExit();
    throw error;
  }
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    process.kill(pid, 'SIGTERM');
    await exited;
  };
  return { host: HOST, port, pid, stop };
}
