/**
 * What `@idempotent` costs: the same script with and without the tag, on a private redis-server.
 * Run: npx tsx bench/idempotent-cost.ts [calls]   (prints a Markdown table)
 *
 * Measures the bytes of each request (EVALSHA) and of the Lua sent once (EVAL / SCRIPT LOAD), the Redis
 * commands run per call (INFO commandstats), the memory of one request record (MEMORY USAGE), and the time of
 * sequential and 100-concurrent calls, first calls and replays.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import Redis from 'ioredis';
import { DEFAULT_CONFIG } from '../generator/config';
import { readTemplates } from '../generator/discover/templates';
import { generate } from '../generator/generate';
import { applyPlan } from '../generator/write/apply';
import { planWrite } from '../generator/write/plan';
import { startServer } from './redis-server';

const REPO_ROOT = path.resolve(__dirname, '..');
const OUT = path.join(REPO_ROOT, 'bench/.generated/idempotent-cost');
const SOURCE = path.join(REPO_ROOT, 'test/fixtures/golden/idempotent/lua/payments/charge.lua');

type Call = (input: Record<string, unknown>) => Promise<unknown>;
interface Spec {
  sha1: string;
  lua: string;
}

async function generateClient(): Promise<{ bind(redis: Redis): { once: Call; plain: Call }; once: Spec; plain: Spec }> {
  const text = await fs.readFile(SOURCE, 'utf8');
  const scripts = [
    { path: 'lua/cost/once.lua', text },
    { path: 'lua/cost/plain.lua', text: text.replace(/^--- @idempotent.*\n/m, '') },
  ];
  const result = generate({ ...DEFAULT_CONFIG, outDir: OUT }, { scripts, templates: await readTemplates() });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((d) => d.message).join('; '));
  await fs.mkdir(OUT, { recursive: true });
  await applyPlan(OUT, await planWrite(OUT, result.files));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const client = require(path.join(OUT, 'index.ts'));
  return {
    bind: (redis) => client.bindScripts(redis).cost,
    once: client.scripts['cost.once'],
    plain: client.scripts['cost.plain'],
  };
}

async function commandCounts(redis: Redis): Promise<Record<string, number>> {
  const info = await redis.info('commandstats');
  const counts: Record<string, number> = {};
  for (const match of info.matchAll(/cmdstat_(\w+):calls=(\d+)/g)) counts[match[1] as string] = Number(match[2]);
  return counts;
}

async function time(calls: number, concurrency: number, call: (i: number) => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < calls; i += concurrency) {
    await Promise.all(Array.from({ length: Math.min(concurrency, calls - i) }, (_, j) => call(i + j)));
  }
  return Number(process.hrtime.bigint() - start) / 1e3 / calls;
}

function requestBytes(args: (string | number)[]): number {
  return args.reduce<number>((sum, a) => sum + String(a).length + String(String(a).length).length + 5, String(args.length).length + 3);
}

async function main(): Promise<void> {
  const calls = Number(process.argv[2] ?? 20_000);
  const client = await generateClient();
  const server = await startServer();
  const redis = new Redis(server.port, server.host);
  try {
    const scripts = client.bind(redis);
    await redis.set('balance:{acct}', String(Number.MAX_SAFE_INTEGER));
    await scripts.plain({ balance: 'balance:{acct}', amount: 1 });
    await scripts.once({ balance: 'balance:{acct}', amount: 1, requestId: 'warm-up' });

    /** µs per call and Redis commands per call (GET, SET), for one kind of call. */
    const cell = async (concurrency: number, call: (i: number) => Promise<unknown>) => {
      const before = await commandCounts(redis);
      const us = await time(calls, concurrency, call);
      const after = await commandCounts(redis);
      const per = (name: string) => ((after[name] ?? 0) - (before[name] ?? 0)) / calls;
      return `${us.toFixed(1)} (${per('get').toFixed(0)} GET, ${per('set').toFixed(0)} SET)`;
    };
    const plain = () => scripts.plain({ balance: 'balance:{acct}', amount: 1 });
    const once = (id: string) => scripts.once({ balance: 'balance:{acct}', amount: 1, requestId: id });
    const rows: string[][] = [];
    for (const run of [1, 2, 3]) {
      rows.push([
        `run ${run}`,
        await cell(1, plain),
        await cell(1, (i) => once(`r${run}-s-${i}`)),
        await cell(1, (i) => once(`r${run}-s-${i}`)),
        await cell(100, plain),
        await cell(100, (i) => once(`r${run}-p-${i}`)),
      ]);
    }
    const recordKey = `luagen:once:{acct}:cost.once:r1-s-0`;
    const memory = await redis.memory('USAGE', recordKey);
    const stored = await redis.strlen(recordKey);
    const plainRequest = requestBytes(['EVALSHA', client.plain.sha1, 1, 'balance:{acct}', 1]);
    const onceRequest = requestBytes(['EVALSHA', client.once.sha1, 2, 'balance:{acct}', recordKey.replace('r1-s-0', '0123456789abcdef0123456789abcdef01234567'), 1]);

    const lines = [
      `idempotent cost, ${calls} calls per cell, one loopback redis-server, ioredis ${require('ioredis/package.json').version}, µs per call (and Redis commands per call)`,
      '',
      '| run | plain, sequential | @idempotent, first call | @idempotent, replay | plain, 100 concurrent | @idempotent, 100 concurrent |',
      '|---|---|---|---|---|---|',
      ...rows.map((r) => `| ${r.join(' | ')} |`),
      '',
      `request (EVALSHA, 40-character request id): plain ${plainRequest} bytes, @idempotent ${onceRequest} bytes`,
      `Lua sent once (EVAL / SCRIPT LOAD): plain ${client.plain.lua.length} bytes, @idempotent ${client.once.lua.length} bytes`,
      `one request record: value ${stored} bytes, MEMORY USAGE ${String(memory)} bytes (key included)`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    redis.disconnect();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
