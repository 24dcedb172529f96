/**
 * Does node-redis give a command a reply that is not its own after a broken connection? node-redis alone (no
 * luagen), on a private redis-server: a named client sends waves of EVALSHA calls and batches (alternately
 * exec() and execAsPipeline()), each call's script returns a token of the call's own, and an admin connection
 * kills the client (CLIENT KILL ID) every few milliseconds. Prints one line per node-redis version and run.
 *
 * Run: npx tsx bench/node-redis-reconnect.ts [runs=4] [waves=400] [killEveryMs=3]
 * Compares the installed @redis/client (6) with the 5.x alias `@redis/client5`, alternating runs.
 * See docs/clients.md, "node-redis 5 and broken connections".
 */
import Redis from 'ioredis';
import { killRepeatedly } from '../test/runtime/delivery-support';
import { NODE_REDIS_5, NODE_REDIS_6, type LooseNodeRedisClient, type NodeRedisMajor } from './node-redis-majors';
import { startServer, type BenchServer } from './redis-server';
import { runMain } from './run-main';

const VERSIONS: readonly NodeRedisMajor[] = [NODE_REDIS_5, NODE_REDIS_6];

/** Counts the INCR and answers the call's own token. */
const ECHO_TOKEN = "redis.call('INCR', KEYS[1]) return ARGV[1]";
const CALLS_PER_WAVE = 500;
const BATCHES_PER_WAVE = 20;
const BATCH_SIZE = 20;

interface RunResult {
  kills: number;
  own: number;
  failed: number;
  misrouted: string[];
}

/** An error Redis replied with (as opposed to a connection failure): a misrouted reply when it reaches a call. */
function isErrorReplyText(message: string): boolean {
  return /^(ERR|NOSCRIPT|WRONGTYPE|EXECABORT) /.test(message);
}

async function run(server: BenchServer, nodeRedis: NodeRedisMajor, waves: number, killEveryMs: number): Promise<RunResult> {
  const admin = new Redis(server.port, server.host);
  const sha = (await admin.script('LOAD', ECHO_TOKEN)) as string;
  const name = `reconnect${Math.random().toString(36).slice(2, 8)}`;
  const client = nodeRedis.createClient({ url: `redis://${server.host}:${server.port}`, name, socket: { reconnectStrategy: () => 20 } });
  client.on('error', () => undefined);
  await client.connect();
  const result: RunResult = { kills: 0, own: 0, failed: 0, misrouted: [] };
  const judge = (token: string, reply: unknown): void => {
    if (reply === token) result.own++;
    else result.misrouted.push(`${token} got ${JSON.stringify(reply)}`);
  };
  const judgeFailure = (token: string, error: Error): void => {
    if (isErrorReplyText(error.message)) judge(token, error.message);
    else result.failed++;
  };
  let next = 0;
  const token = (): string => `t${++next}`;
  const killer = killRepeatedly(admin, name, killEveryMs);
  for (let wave = 0; wave < waves; wave++) {
    await Promise.all(
      Array.from({ length: CALLS_PER_WAVE }, () => {
        const mine = token();
        return client.sendCommand(['EVALSHA', sha, '1', 'reconnect:count', mine]).then(
          (reply) => judge(mine, reply),
          (error: Error) => judgeFailure(mine, error),
        );
      }),
    );
    await Promise.all(Array.from({ length: BATCHES_PER_WAVE }, (_, i) => runBatch(client, sha, token, i % 2 === 0, judge, judgeFailure)));
  }
  result.kills = await killer.stop();
  client.destroy();
  await admin.quit();
  return result;
}

async function runBatch(
  client: LooseNodeRedisClient,
  sha: string,
  token: () => string,
  transaction: boolean,
  judge: (token: string, reply: unknown) => void,
  judgeFailure: (token: string, error: Error) => void,
): Promise<void> {
  const batch = client.multi();
  const tokens = Array.from({ length: BATCH_SIZE }, token);
  for (const mine of tokens) batch.addCommand(['EVALSHA', sha, '1', 'reconnect:count', mine]);
  try {
    const replies = (await (transaction ? batch.exec() : batch.execAsPipeline())) as unknown[];
    tokens.forEach((mine, i) => judge(mine, replies[i]));
  } catch (error) {
    const replies = (error as { replies?: unknown[] }).replies;
    if (replies) tokens.forEach((mine, i) => judge(mine, replies[i] instanceof Error ? (replies[i] as Error).message : replies[i]));
    else tokens.forEach((mine) => judgeFailure(mine, error as Error));
  }
}

async function main(): Promise<void> {
  const [runs = 4, waves = 400, killEveryMs = 3] = process.argv.slice(2).map(Number);
  const server = await startServer();
  try {
    process.stdout.write(`redis-server on ${server.host}:${server.port}; ${runs} runs of ${waves} waves per version, CLIENT KILL every ${killEveryMs} ms\n`);
    for (let i = 0; i < runs; i++) {
      for (const nodeRedis of VERSIONS) {
        const result = await run(server, nodeRedis, waves, killEveryMs);
        const sample = result.misrouted.slice(0, 3).join('; ');
        process.stdout.write(
          `node-redis ${nodeRedis.version}: kills ${result.kills}, own replies ${result.own}, failed ${result.failed}, misrouted ${result.misrouted.length}${sample ? ` (${sample})` : ''}\n`,
        );
      }
    }
  } finally {
    await server.stop();
  }
}

runMain(main);
