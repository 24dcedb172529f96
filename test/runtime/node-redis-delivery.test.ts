/**
 * At most once on node-redis, and honest about the unknown: a reply lost after the script ran (TCP proxy), a
 * client that is closed or offline, a call that outlived the client's command timeout before it could be written,
 * and CLIENT KILL under load, counted against what Redis applied.
 * A dedicated server.
 */
import { createClient } from '@redis/client';
import Redis from 'ioredis';
import { freePort } from '../../testing/redis-process';
import type { RedisHandle } from '../support/redis-server';
import { startProxy, type TcpProxy } from '../support/tcp-proxy';
import { countOutcomes, expectHonest, killRepeatedly, outcomeOf, sleep } from './delivery-support';
import { EXPECTED_NODE_REDIS_MAJOR, startNodeRedisSetup, stopNodeRedisSetup, type LooseNodeRedisScript, type NodeRedisFixture } from './node-redis-fixture';

let fixture: NodeRedisFixture;
let server: RedisHandle;
let admin: Redis;
let proxy: TcpProxy;
beforeAll(async () => {
  ({ fixture, server, admin } = await startNodeRedisSetup());
  proxy = await startProxy({ host: server.host, port: server.port });
}, 60_000);
afterAll(async () => {
  await proxy?.stop();
  await stopNodeRedisSetup({ admin, server });
});
/** Clients a test opened: destroyed after it, passed or not (a reconnecting client would keep jest alive). */
const opened: Client[] = [];
afterEach(() => {
  for (const client of opened.splice(0)) if (client.isOpen) client.destroy();
  proxy.refuseConnections(false);
  proxy.closeAll();
});

let keys = 0;
const newKey = (name: string): string => `node-redis-delivery:${name}:${++keys}:${Math.random().toString(36).slice(2, 8)}`;

type Client = ReturnType<typeof createClient>;

async function connect(url: string, options: { disableOfflineQueue?: boolean; name?: string } = {}): Promise<{ redis: Client; incr: LooseNodeRedisScript }> {
  const redis = createClient({
    url,
    disableOfflineQueue: options.disableOfflineQueue ?? false,
    socket: { reconnectStrategy: () => 20 },
    ...(options.name ? { name: options.name } : {}),
  }) as unknown as Client;
  redis.on('error', () => undefined);
  opened.push(redis);
  await redis.connect();
  return { redis, incr: fixture.bindScripts(redis).cache!.incr! };
}

describe('node-redis: a write script', () => {
  it('whose reply is lost after it ran is not run again, and the call says its outcome is unknown', async () => {
    const { redis, incr } = await connect(proxy.url);
    const counter = newKey('lost');
    await incr({ counter, by: 0 });
    const lost = proxy.loseNextReply(counter);
    const call = outcomeOf(() => incr({ counter, by: 1 }));
    await lost;
    expect(await call).toBe('ScriptOutcomeUnknownError');
    await redis.ping();
    await sleep(100);
    expect(await admin.get(counter)).toBe('1');
    redis.destroy();
  });

  it('in a batch whose reply is lost: read() says unknown for every entry, the batch ran once', async () => {
    const { redis, incr } = await connect(proxy.url);
    const counter = newKey('lost-batch');
    await incr({ counter, by: 0 });
    for (const exec of ['exec', 'execAsPipeline'] as const) {
      const batch = redis.multi();
      const queued = Array.from({ length: 20 }, () => incr.queue(batch, { counter, by: 1 }));
      const lost = proxy.loseNextReply(counter);
      const error = await batch[exec]().then(() => new Error(`${exec}() did not fail`), (e: unknown) => e as Error);
      await lost;
      expect(queued.map((q) => (() => { try { q.read(error); return 'read'; } catch (e) { return (e as Error).name; } })())).toEqual(queued.map(() => 'ScriptOutcomeUnknownError'));
      await redis.ping();
    }
    await sleep(100);
    expect(await admin.get(counter)).toBe('40');
    redis.destroy();
  });

  it('that never left the client rejects as not sent: a closed client, an offline one with disableOfflineQueue', async () => {
    const closed = await connect(server.url);
    const counter = newKey('not-sent');
    closed.redis.destroy();
    const error = await closed.incr({ counter, by: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(fixture.ScriptNotSentError);
    expect(error).toMatchObject({ script: 'cache.incr', reason: 'The client is closed' });

    const offline = await connect(proxy.url, { disableOfflineQueue: true });
    proxy.refuseConnections(true);
    proxy.closeAll();
    await sleep(50);
    expect(await offline.incr({ counter, by: 1 }).catch((e: unknown) => (e as Error).name)).toBe('ScriptNotSentError');
    offline.redis.destroy();
    expect(await admin.exists(counter)).toBe(0);
  });
});

describe("node-redis: the client's command timeout", () => {
  it('is kept on luagen calls: a call that could not be written before it expired is not sent', async () => {
    // A loopback port nothing listens on (taken from the OS, then released).
    const port = await freePort();
    const redis = createClient({ url: `redis://127.0.0.1:${port}`, socket: { reconnectStrategy: () => 20 }, commandOptions: { timeout: 150 } }) as unknown as Client;
    redis.on('error', () => undefined);
    opened.push(redis);
    void redis.connect().catch(() => undefined);
    const incr = fixture.bindScripts(redis).cache!.incr!;
    const started = Date.now();
    const error = await incr({ counter: newKey('timeout'), by: 1 }).catch((e: unknown) => e as Error & { cause?: Error });
    expect(error).toBeInstanceOf(fixture.ScriptNotSentError);
    expect(error.cause?.constructor.name).toBe('TimeoutError');
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });
});

/**
 * Not on node-redis 5: after a connection breaks, its client can write queued commands to the dead socket and
 * keep them waiting for replies that never come, so the next connection's replies go to the wrong commands
 * (docs/clients.md, "node-redis 5 and broken connections"). node-redis 6 checks that the socket is writable.
 */
const underKills = EXPECTED_NODE_REDIS_MAJOR >= 6 ? describe : describe.skip;

underKills('node-redis: CLIENT KILL under load', () => {
  const name = `nrdelivery${Math.random().toString(36).slice(2, 8)}`;

  it('direct calls and batches: applied lies between acknowledged and acknowledged + unknown', async () => {
    const { redis, incr } = await connect(server.url, { name });
    const counter = newKey('kill');
    await incr({ counter, by: 0 });
    const killer = killRepeatedly(admin, name, 15);
    const outcomes: string[] = [];
    for (let wave = 0; wave < 8; wave++) {
      outcomes.push(...(await Promise.all(Array.from({ length: 500 }, () => outcomeOf(() => incr({ counter, by: 1 }))))));
      await Promise.all(
        Array.from({ length: 20 }, async (_, i) => {
          const batch = redis.multi();
          const queued = Array.from({ length: 20 }, () => incr.queue(batch, { counter, by: 1 }));
          const results = await (i % 2 === 0 ? batch.exec() : batch.execAsPipeline()).catch((e: unknown) => e as Error);
          outcomes.push(...(await Promise.all(queued.map((q) => outcomeOf(() => q.read(results))))));
        }),
      );
    }
    const kills = await killer.stop();
    await redis.ping();
    await sleep(100);
    expectHonest('node-redis direct x4000 + batches x160 of 20', Number(await admin.get(counter)), countOutcomes(outcomes), kills);
    redis.destroy();
  }, 60_000);
});
