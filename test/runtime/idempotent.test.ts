import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { keySlot } from '../../templates/runtime/slots';
import { startCluster, type ClusterHandle } from '../support/redis-cluster';
import { startRedis, type RedisHandle } from '../support/redis-server';
import { startProxy, type TcpProxy } from '../support/tcp-proxy';
import { CLIENT_MATRIX, sharedRedisUrl, uniquePrefix } from './clients';
import { countOutcomes, DELIVERY_CLIENTS, killRepeatedly, outcomeOf, report } from './delivery-support';
import { loadGeneratedClient, type FixtureClient, type LooseScript } from './fixture-client';

/** `@idempotent` scripts: exactly once per request id, on a server, through lost replies, on a cluster. */
let fixture: FixtureClient;
let admin: Redis;
beforeAll(async () => {
  fixture = await loadGeneratedClient('once', 'test/fixtures/once/lua');
  admin = new Redis(sharedRedisUrl());
}, 60_000);
afterAll(() => admin?.quit());

function onceScripts(redis: Redis | import('ioredis').Cluster): Record<string, LooseScript> {
  return fixture.bindScripts(redis).once!;
}

const errorClass = (name: string) => fixture[name] as new (...args: never[]) => Error;

describe.each(CLIENT_MATRIX.map((combo) => [combo.name, combo] as const))('@idempotent with %s', (_name, combo) => {
  const prefix = uniquePrefix('once');
  let redis: Redis;
  let once: Record<string, LooseScript>;
  beforeAll(() => {
    redis = combo.standalone(sharedRedisUrl());
    once = onceScripts(redis);
  });
  afterAll(() => redis.quit());
  const keys = (name: string) => ({ from: `${prefix}{${name}}:from`, to: `${prefix}{${name}}:to`, runs: `${prefix}{${name}}:runs` });

  it('runs once per request id; a replay returns the first reply and runs nothing', async () => {
    const k = keys('replay');
    await admin.set(k.from, 100);
    const requestId = randomUUID();
    const first = await once.transfer!({ ...k, amount: 30, requestId });
    const again = await once.transfer!({ ...k, amount: 30, requestId });
    expect([first, again]).toEqual([{ from: 70, to: 30 }, { from: 70, to: 30 }]);
    expect(await admin.mget(k.from, k.to, k.runs)).toEqual(['70', '30', '1']);
    expect(await once.transfer!({ ...k, amount: 30, requestId: randomUUID() })).toEqual({ from: 40, to: 60 });
  });

  it('keeps the record next to the first key, for the declared time', async () => {
    const k = keys('record');
    await admin.set(k.from, 5);
    const requestId = `order-${randomUUID()}`;
    await once.transfer!({ ...k, amount: 1, requestId });
    // The hash tag of the first key, not its whole name: request ids are unique per script and hash tag.
    const record = `luagen:once:{record}:once.transfer:${requestId}`;
    const ttl = await admin.ttl(record);
    expect(ttl).toBeGreaterThan(3590);
    expect(ttl).toBeLessThanOrEqual(3600);
    expect(keySlot(record)).toBe(keySlot(k.from));
  });

  it('refuses a request id reused with other input, and runs nothing', async () => {
    const k = keys('reuse');
    await admin.set(k.from, 50);
    const requestId = randomUUID();
    await once.transfer!({ ...k, amount: 5, requestId });
    const error = await once.transfer!({ ...k, amount: 6, requestId }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(errorClass('RequestIdReusedError'));
    expect(await admin.mget(k.from, k.runs)).toEqual(['45', '1']);
  });

  it('records no error: a declared error or a raised one leaves the request free to run again', async () => {
    const k = keys('errors');
    const requestId = randomUUID();
    const refused = await once.transfer!({ ...k, amount: 5, requestId }).catch((e: unknown) => e);
    expect((refused as { code?: string }).code).toBe('INSUFFICIENT_FUNDS');
    await admin.set(k.from, 10);
    expect(await once.transfer!({ ...k, amount: 5, requestId })).toEqual({ from: 5, to: 5 });
    const raisedId = randomUUID();
    for (let i = 0; i < 2; i++) {
      const raised = await once.raises!({ runs: k.runs, requestId: raisedId }).catch((e: unknown) => e);
      expect((raised as Error).message).toMatch(/once\/raises\.lua:6\)/);
    }
    expect(await admin.exists(`luagen:once:{errors}:once.raises:${raisedId}`)).toBe(0);
  });

  it('replays every reply type exactly as it first decoded, also in pipelines and transactions', async () => {
    const runs = `${prefix}{shapes}:runs`;
    const input = { runs, label: 'x', data: Buffer.from([0, 255, 10]), requestId: randomUUID() };
    const first = await once.shapes!(input);
    expect(first).toEqual({ runs: 1, label: 'x', items: ['a', 'b', 'x'], missing: null, data: Buffer.from([0, 255, 10]), ratio: 2.5 });
    expect(await once.shapes!(input)).toEqual(first);
    const multi = redis.multi();
    const inMulti = once.shapes!.queue(multi, input);
    const pipeline = redis.pipeline();
    const inPipeline = once.shapes!.queue(pipeline, input);
    expect([inMulti.read(await multi.exec()), inPipeline.read(await pipeline.exec())]).toEqual([first, first]);
    const status = { runs, requestId: randomUUID() };
    expect([await once.status!(status), await once.status!(status)]).toEqual(['DONE', 'DONE']);
    expect(await once.withShebang!(status)).toBe(3);
    expect(await admin.get(runs)).toBe('3');
  });

  it('takes variadic keys (the record follows the first) and refuses a call without any key', async () => {
    const counters = [`${prefix}{many}:a`, `${prefix}{many}:b`];
    const requestId = randomUUID();
    expect([await once.touchAll!({ counters, requestId }), await once.touchAll!({ counters, requestId })]).toEqual([2, 2]);
    expect(await admin.mget(...counters)).toEqual(['1', '1']);
    await expect(once.touchAll!({ counters: [], requestId })).rejects.toThrow(fixture.ScriptArgumentError);
  });

  it('validates the request id before sending', async () => {
    const k = keys('validate');
    for (const requestId of [undefined, '', 7, 'x'.repeat(257)]) {
      await expect(once.transfer!({ ...k, amount: 1, requestId })).rejects.toThrow(/invalid 'requestId'/);
    }
    expect(await admin.exists(k.runs)).toBe(0);
  });

  it('works with a keyPrefix: the record gets the prefix and the first key slot', async () => {
    const prefixed = combo.standalone(sharedRedisUrl(), { keyPrefix: 'tenant:' });
    try {
      const runs = `${prefix}unTagged`;
      const requestId = randomUUID();
      const scripts = onceScripts(prefixed);
      expect([await scripts.status!({ runs, requestId }), await scripts.status!({ runs, requestId })]).toEqual(['DONE', 'DONE']);
      expect(await admin.get(`tenant:${runs}`)).toBe('1');
      const record = `tenant:luagen:once:{tenant:${runs}}:once.status:${requestId}`;
      expect(await admin.exists(record)).toBe(1);
      expect(keySlot(record)).toBe(keySlot(`tenant:${runs}`));
    } finally {
      await prefixed.quit();
    }
  });
});

describe('@idempotent on a Redis Cluster', () => {
  let cluster: ClusterHandle;
  beforeAll(async () => {
    cluster = await startCluster();
  }, 120_000);
  afterAll(() => cluster?.stop());

  it.each(CLIENT_MATRIX.map((combo) => [combo.name, combo] as const))('%s: keys with and without a hash tag', async (_name, combo) => {
    const redis = combo.cluster(cluster.nodes);
    try {
      const once = onceScripts(redis as never);
      const tag = randomUUID().slice(0, 8);
      const k = { from: `b:{${tag}}:from`, to: `b:{${tag}}:to`, runs: `b:{${tag}}:runs` };
      await redis.set(k.from, 9);
      const requestId = randomUUID();
      expect([await once.transfer!({ ...k, amount: 4, requestId }), await once.transfer!({ ...k, amount: 4, requestId })]).toEqual([
        { from: 5, to: 4 },
        { from: 5, to: 4 },
      ]);
      const plain = `plain-${tag}`;
      expect([await once.status!({ runs: plain, requestId }), await once.status!({ runs: plain, requestId })]).toEqual(['DONE', 'DONE']);
      expect(await redis.mget(k.runs)).toEqual(['1']);
      expect(await redis.get(plain)).toBe('1');
    } finally {
      redis.disconnect();
    }
  });
});

describe.each(DELIVERY_CLIENTS.map((c) => [c.name, c] as const))('%s: @idempotent through lost replies', (name, client) => {
  let server: RedisHandle;
  let proxy: TcpProxy;
  let serverAdmin: Redis;
  beforeAll(async () => {
    server = await startRedis({ dedicated: true });
    proxy = await startProxy({ host: server.host, port: server.port });
    serverAdmin = new Redis(server.url);
  }, 60_000);
  afterAll(async () => {
    await proxy?.stop();
    await serverAdmin?.quit();
    await server?.stop();
  });

  it('a retry with the same request id after an unknown outcome applies nothing twice and returns the reply', async () => {
    const redis = client.connect(proxy.url, { retryStrategy: () => 20 });
    try {
      const once = onceScripts(redis);
      const k = { from: 'a:{t}:from', to: 'a:{t}:to', runs: 'a:{t}:runs' };
      await serverAdmin.set(k.from, 100);
      const requestId = randomUUID();
      const lost = proxy.loseNextReply(requestId);
      const first = outcomeOf(() => once.transfer!({ ...k, amount: 10, requestId }));
      await lost;
      expect(await first).toBe('ScriptOutcomeUnknownError');
      expect(await once.transfer!({ ...k, amount: 10, requestId })).toEqual({ from: 90, to: 10 });
      expect(await serverAdmin.mget(k.from, k.to, k.runs)).toEqual(['90', '10', '1']);
    } finally {
      redis.disconnect();
    }
  });

  it('under CLIENT KILL, retrying every unknown outcome with its request id applies each request exactly once', async () => {
    const connectionName = `once${Math.random().toString(36).slice(2, 8)}`;
    const redis = client.connect(server.url, { retryStrategy: () => 5, maxRetriesPerRequest: null, connectionName });
    redis.on('error', () => undefined);
    try {
      const once = onceScripts(redis);
      const runs = `kill:{${connectionName}}:runs`;
      const killer = killRepeatedly(serverAdmin, connectionName, 15);
      const firstTry: string[] = [];
      let retries = 0;
      const requests = Array.from({ length: 5000 }, () => randomUUID());
      for (let wave = 0; wave < 5; wave++) {
        await Promise.all(
          requests.slice(wave * 1000, (wave + 1) * 1000).map(async (requestId) => {
            let outcome = await outcomeOf(() => once.status!({ runs, requestId }));
            firstTry.push(outcome);
            while (outcome !== 'acknowledged') {
              retries++;
              outcome = await outcomeOf(() => once.status!({ runs, requestId }));
            }
          }),
        );
      }
      const kills = await killer.stop();
      const applied = Number(await serverAdmin.get(runs));
      report(`${name} @idempotent under CLIENT KILL`, { requests: 5000, applied, kills, retries, ...countOutcomes(firstTry) });
      expect(kills).toBeGreaterThan(0);
      expect(applied).toBe(5000);
    } finally {
      redis.disconnect();
    }
  }, 60_000);
});
