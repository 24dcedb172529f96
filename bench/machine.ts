import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface MachineInfo {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memoryGb: number;
  readonly kernel: string;
  readonly loadAverage: string;
  readonly versions: Readonly<Record<string, string>>;
}

const ROOT = path.resolve(__dirname, '..');

function packageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}

function commandVersion(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8' }).trim().split('\n')[0] ?? '';
  } catch {
    return 'not found';
  }
}

function cpuModel(): string {
  const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
  return match?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
}

export function machineInfo(): MachineInfo {
  return {
    cpus: Number(commandVersion('nproc', [])) || os.cpus().length,
    cpuModel: cpuModel(),
    memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    kernel: `${os.type()} ${os.release()}`,
    loadAverage: os.loadavg().map((l) => l.toFixed(2)).join(' '),
    versions: {
      node: process.version,
      ioredis: packageVersion('ioredis'),
      'redis (node-redis)': packageVersion('redis'),
      '@redis/client': packageVersion('@redis/client'),
      zod: packageVersion('zod'),
      typescript: packageVersion('typescript'),
      'ts-morph': packageVersion('ts-morph'),
      luaparse: packageVersion('luaparse'),
      'redis-server': commandVersion('redis-server', ['--version']),
      'redis-benchmark': commandVersion('redis-benchmark', ['--version']),
    },
  };
}
