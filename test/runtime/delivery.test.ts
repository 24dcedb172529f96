import Redis, { type RedisOptions } from 'ioredis';
import { bindScripts, ScriptNotSentError, ScriptOutcomeUnknownError } from '../../generated';
import { startRedis, type RedisHandle } from '../support/redis-server';
import { startProxy, type TcpProxy } from '../support/tcp-proxy';
import { countOutcomes, DELIVERY_CLIENTS, expectHonest, killRepeatedly, outcomeOf, report, settledWithin, sleep } from './delivery-support';

/**
 * At most once, and honest about the unknown: faults injected with a TCP proxy (a reply lost after the script
 * ran) and with CLIENT KILL under load; what Redis applied is counted against what the client acknowledged.
 * A dedicated server: one test flushes the script cache.
 */
let server: RedisHandle;
let admin: Redis;
let proxy: TcpProxy;
beforeAll(async () => {
  server = await startRedis({ dedicated: true });
  admin = new Redis(server.url);
  proxy = await startProxy({ host: server.host, port: server.port });
}, 60_000);
afterAll(async () => {
  await proxy?.stop();
  await admin?.quit();
  await server?.stop();
});
afterEach(() => {
  proxy.beforeForward(undefined);
  proxy.refuseConnections(false);
  proxy.closeAll();
});

let keys = 0;
const newKey = (name: string): string => `delivery:${name}:${++keys}:${Math.random().toString(36).slice(2, 8)}`;

/** Waits until the client answers again (it reconnected), then a moment for any re-send to land. */
async function settle(redis: Redis): Promise<void> {
  await redis.ping();
  await sleep(100);
}

describe.each(DELIVERY_CLIENTS.map((c) => [c.name, c] as const))('%s: a write script', (_name, client) => {
  let redis: Redis;
  let scripts: ReturnType<typeof bindScripts>;
  /** A client through the proxy (replacing the current one), reconnecting every 20 ms. */
  const connect = (options: RedisOptions = {}) => {
    redis?.disconnect();
    redis = client.connect(proxy.url, { retryStrategy: () => 20, ...options });
    scripts = bindScripts(redis);
  };
  beforeEach(() => connect());
  afterEach(() => redis.disconnect());

  it('whose reply is lost after it ran is not run again, and the call says its outcome is unknown', async () => {
    const counter = newKey('lost');
    await scripts.basic.increment({ counter, by: 0 });
    const lost = proxy.loseNextReply(counter);
    const call = outcomeOf(() => scripts.basic.increment({ counter, by: 1 }));
    await lost;
    expect(await call).toBe('ScriptOutcomeUnknownError');
    await settle(redis);
    expect(await admin.get(counter)).toBe('1');
  });

  it('settles (outcome unknown) when ioredis resending is turned off, rather than never', async () => {
    connect({ autoResendUnfulfilledCommands: false });
    const counter = newKey('noresend');
    await scripts.basic.increment({ counter, by: 0 });
    const lost = proxy.loseNextReply(counter);
    const call = settledWithin(outcomeOf(() => scripts.basic.increment({ counter, by: 1 })), 3000);
    await lost;
    expect(await call).toBe('ScriptOutcomeUnknownError');
    await settle(redis);
    expect(await admin.get(counter)).toBe('1');
  });

  it('in a pipeline of 20 whose replies are lost: every entry is unknown, each ran once', async () => {
    const counter = newKey('pipeline');
    await scripts.basic.increment({ counter, by: 0 });
    const pipeline = redis.pipeline();
    const queued = Array.from({ length: 20 }, () => scripts.basic.increment.queue(pipeline, { counter, by: 1 }));
    const lost = proxy.loseNextReply(counter);
    const results = pipeline.exec();
    await lost;
    const read = await results;
    const outcomes = await Promise.all(queued.map((q) => outcomeOf(() => q.read(read))));
    expect(countOutcomes(outcomes)).toEqual({ ScriptOutcomeUnknownError: 20 });
    await settle(redis);
    expect(await admin.get(counter)).toBe('20');
  });

  it('in a MULTI of 20 whose reply is lost: exec() rejects as unknown and the transaction ran once', async () => {
    const counter = newKey('multi');
    await scripts.basic.increment({ counter, by: 0 });
    const multi = redis.multi();
    for (let i = 0; i < 20; i++) scripts.basic.increment.queue(multi, { counter, by: 1 });
    const lost = proxy.loseNextReply(counter);
    const exec = outcomeOf(() => multi.exec());
    await lost;
    expect(await exec).toBe('ScriptOutcomeUnknownError');
    await settle(redis);
    expect(await admin.get(counter)).toBe('20');
  });

  it('past commandTimeout rejects as unknown and is not re-sent after a reconnect', async () => {
    connect({ commandTimeout: 300 });
    const counter = newKey('timeout');
    await scripts.basic.increment({ counter, by: 0 });
    proxy.holdReplies();
    const error = await scripts.basic.increment({ counter, by: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScriptOutcomeUnknownError);
    expect((error as Error).message).toMatch(/basic\.increment: outcome unknown: no reply \(Command timed out\)/);
    proxy.closeAll(); // ioredis reconnects and re-sends what is still unanswered
    await settle(redis);
    expect(await admin.get(counter)).toBe('1');
  });

  it('that never left the client rejects as not sent, and is never sent later', async () => {
    connect({ commandTimeout: 300 });
    const counter = newKey('notsent');
    await redis.ping();
    proxy.refuseConnections(true);
    const closed = new Promise((resolve) => redis.once('close', resolve));
    proxy.closeAll();
    await closed;
    const error = await scripts.basic.increment({ counter, by: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScriptNotSentError);
    proxy.refuseConnections(false);
    await settle(redis);
    expect(await admin.exists(counter)).toBe(0);
  });

  it('survives SCRIPT FLUSH before every request: EVALSHA answered NOSCRIPT is sent again in full', async () => {
    const counter = newKey('flush');
    proxy.beforeForward(async () => {
      await admin.script('FLUSH');
    });
    const outcomes: string[] = [];
    for (let wave = 0; wave < 5; wave++) {
      outcomes.push(...(await Promise.all(Array.from({ length: 200 }, () => outcomeOf(() => scripts.basic.increment({ counter, by: 1 }))))));
    }
    report(`${client.name} SCRIPT FLUSH before each request`, countOutcomes(outcomes));
    expect(countOutcomes(outcomes)).toEqual({ acknowledged: 1000 });
    expect(await admin.get(counter)).toBe('1000');
  });
});

describe.each(DELIVERY_CLIENTS.map((c) => [c.name, c] as const))('%s: CLIENT KILL under load', (name, client) => {
  let redis: Redis;
  let scripts: ReturnType<typeof bindScripts>;
  const connectionName = `delivery${Math.random().toString(36).slice(2, 8)}`;
  beforeEach(() => {
    redis = client.connect(server.url, { retryStrategy: () => 5, maxRetriesPerRequest: null, connectionName });
    redis.on('error', () => undefined);
    scripts = bindScripts(redis);
  });
  afterEach(() => redis.disconnect());

  it('direct calls: applied lies between acknowledged and acknowledged + unknown', async () => {
    const counter = newKey('kill-direct');
    await scripts.basic.increment({ counter, by: 0 });
    const killer = killRepeatedly(admin, connectionName, 15);
    const outcomes: string[] = [];
    for (let wave = 0; wave < 10; wave++) {
      outcomes.push(...(await Promise.all(Array.from({ length: 1000 }, () => outcomeOf(() => scripts.basic.increment({ counter, by: 1 }))))));
    }
    const kills = await killer.stop();
    await settle(redis);
    expectHonest(`${name} direct x10000`, Number(await admin.get(counter)), countOutcomes(outcomes), kills);
  }, 60_000);

  it('pipelines and transactions of 20: the same, per script', async () => {
    const counter = newKey('kill-batch');
    await scripts.basic.increment({ counter, by: 0 });
    const killer = killRepeatedly(admin, connectionName, 15);
    const outcomes: string[] = [];
    for (let wave = 0; wave < 10; wave++) {
      const batches = Array.from({ length: 50 }, async (_, i) => {
        const batch = i % 2 === 0 ? redis.pipeline() : redis.multi();
        const queued = Array.from({ length: 20 }, () => scripts.basic.increment.queue(batch, { counter, by: 1 }));
        const exec = await outcomeOf(async () => {
          const results = await batch.exec();
          outcomes.push(...(await Promise.all(queued.map((q) => outcomeOf(() => q.read(results))))));
        });
        if (exec !== 'acknowledged') outcomes.push(...queued.map(() => exec));
      });
      await Promise.all(batches);
    }
    const kills = await killer.stop();
    await settle(redis);
    expectHonest(`${name} batches x500 of 20`, Number(await admin.get(counter)), countOutcomes(outcomes), kills);
  }, 60_000);
});
