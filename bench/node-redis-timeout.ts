/**
 * What node-redis 6's default command timeout costs: 50 concurrent callers sending EVALSHA of the bench's
 * fixed-window script through `sendCommand`, on node-redis 5 (the `@redis/client5` alias) and on node-redis 6
 * with its defaults, with RESP2, and with `commandOptions: { timeout: 0 }`. node-redis alone, no luagen.
 * The clients run interleaved, the order reversing every round; the first round is a warm-up.
 *
 * Run: npx tsx bench/node-redis-timeout.ts [rounds=6] [calls=50000]
 * See docs/clients.md, "node-redis 6 and its default command timeout".
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import Redis from 'ioredis';
import { NODE_REDIS_5, NODE_REDIS_6, type LooseNodeRedisClient } from './node-redis-majors';
import { startServer } from './redis-server';
import { runMain } from './run-main';
import { median, spread } from './stats';

const CALLERS = 50;
const KEYS = 1000;

interface Setting {
  readonly name: string;
  connect(url: string): LooseNodeRedisClient;
}

const SETTINGS: readonly Setting[] = [
  { name: `node-redis ${NODE_REDIS_5.version}, defaults (RESP2, no command timeout)`, connect: (url) => NODE_REDIS_5.createClient({ url }) },
  { name: `node-redis ${NODE_REDIS_6.version}, defaults (RESP3, 5 s command timeout)`, connect: (url) => NODE_REDIS_6.createClient({ url }) },
  { name: `node-redis ${NODE_REDIS_6.version}, RESP: 2 (5 s command timeout)`, connect: (url) => NODE_REDIS_6.createClient({ url, RESP: 2 }) },
  { name: `node-redis ${NODE_REDIS_6.version}, commandOptions: { timeout: 0 }`, connect: (url) => NODE_REDIS_6.createClient({ url, commandOptions: { timeout: 0 } }) },
];

/** One run: `calls` EVALSHA calls by CALLERS concurrent callers; calls/s and client CPU µs per call. */
async function runOnce(client: LooseNodeRedisClient, sha: string, calls: number): Promise<{ callsPerSecond: number; cpuMicros: number }> {
  let next = 0;
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const caller = async (): Promise<void> => {
    while (next < calls) {
      const i = next++;
      await client.sendCommand(['EVALSHA', sha, '1', `bench:timeout:${i % KEYS}`, '100', '1000']);
    }
  };
  await Promise.all(Array.from({ length: CALLERS }, caller));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  return { callsPerSecond: calls / seconds, cpuMicros: (used.user + used.system) / calls };
}

const range = (values: number[], digits: number): string => {
  const { min, max } = spread(values);
  return `${min.toFixed(digits)}-${max.toFixed(digits)}`;
};

async function main(): Promise<void> {
  const [rounds = 6, calls = 50_000] = process.argv.slice(2).map(Number);
  const lua = await fs.readFile(path.join(__dirname, 'lua/bench/fixed_window.lua'), 'utf8');
  const server = await startServer();
  const url = `redis://${server.host}:${server.port}`;
  const admin = new Redis(server.port, server.host);
  try {
    const sha = (await admin.script('LOAD', lua)) as string;
    const clients = await Promise.all(
      SETTINGS.map(async (setting) => {
        const client = setting.connect(url);
        client.on('error', () => undefined);
        await client.connect();
        return { setting, client, perSecond: [] as number[], cpu: [] as number[] };
      }),
    );
    for (let round = 0; round <= rounds; round++) {
      for (const entry of round % 2 === 0 ? clients : [...clients].reverse()) {
        const result = await runOnce(entry.client, sha, calls);
        if (round === 0) continue;
        entry.perSecond.push(result.callsPerSecond);
        entry.cpu.push(result.cpuMicros);
      }
    }
    process.stdout.write(`${CALLERS} callers, ${calls} calls a run, ${rounds} rounds (median, min-max):\n`);
    for (const entry of clients) {
      process.stdout.write(
        `${entry.setting.name}: ${Math.round(median(entry.perSecond))} calls/s (${range(entry.perSecond, 0)}), client CPU ${median(entry.cpu).toFixed(2)} µs/call (${range(entry.cpu, 2)})\n`,
      );
      entry.client.destroy();
    }
  } finally {
    await admin.quit();
    await server.stop();
  }
}

runMain(main);
