import Redis from 'ioredis';
import { startRedis, type RedisHandle } from '../support/redis-server';
import { CLIENT_MATRIX, uniquePrefix } from './clients';
import { loadFixtureClient, type FixtureClient, type LooseScript } from './fixture-client';

/** Faults that empty the script cache; each test file gets its own server since they flush and restart it. */
let fixture: FixtureClient;
let server: RedisHandle;
let admin: Redis;
beforeAll(async () => {
  [fixture, server] = await Promise.all([loadFixtureClient(), startRedis({ dedicated: true })]);
  admin = new Redis(server.url, { maxRetriesPerRequest: null });
}, 60_000);
afterAll(async () => {
  await admin?.quit();
  await server?.stop();
});

function cacheScripts(redis: Redis): { incr: LooseScript; get: LooseScript } {
  const bound = fixture.bindScripts(redis);
  return { incr: bound.cache!.incr!, get: bound.readonly!.get! };
}

/** SCRIPT EXISTS: 1 or 0 per SHA1. */
async function cached(shas: string[]): Promise<number[]> {
  return (await admin.call('SCRIPT', 'EXISTS', ...shas)) as number[];
}

describe.each(CLIENT_MATRIX.map((combo) => [combo.name, combo] as const))('the script cache with %s', (_name, combo) => {
  const prefix = uniquePrefix('cache');
  const counter = `${prefix}counter`;
  let redis: Redis;
  let scripts: ReturnType<typeof cacheScripts>;
  beforeAll(async () => {
    redis = combo.standalone(server.url, {});
    scripts = cacheScripts(redis);
    await scripts.incr({ counter, by: 1 });
  });
  afterAll(() => redis.quit());

  it('calls keep working after SCRIPT FLUSH', async () => {
    await admin.script('FLUSH');
    expect(await scripts.incr({ counter: `${prefix}flush`, by: 5 })).toBe(5);
    await admin.script('FLUSH');
    await redis.set(`${prefix}ro`, 'read');
    await admin.script('FLUSH');
    expect(await scripts.get({ source: `${prefix}ro` })).toBe('read');
  });

  it('the first use inside multi() after SCRIPT FLUSH does not fail with NOSCRIPT', async () => {
    await admin.script('FLUSH');
    const multi = redis.multi();
    const first = scripts.incr.queue(multi, { counter: `${prefix}multi`, by: 2 });
    const read = scripts.get.queue(multi, { source: `${prefix}multi` });
    const second = scripts.incr.queue(multi, { counter: `${prefix}multi`, by: 3 });
    const results = await multi.exec();
    expect([first.read(results), read.read(results), second.read(results)]).toEqual([2, '2', 5]);
  });

  it('the first use inside pipeline() after SCRIPT FLUSH recovers from NOSCRIPT', async () => {
    await admin.script('FLUSH');
    const pipeline = redis.pipeline();
    const queued = [1, 2, 3].map((by) => scripts.incr.queue(pipeline, { counter: `${prefix}pipeline`, by }));
    const read = scripts.get.queue(pipeline, { source: `${prefix}pipeline` });
    const results = await pipeline.exec();
    expect([...queued.map((q) => q.read(results)), read.read(results)]).toEqual([1, 3, 6, '6']);
  });

  it('a new connection and a duplicate() client work once bound', async () => {
    const fresh = combo.standalone(server.url);
    const duplicate = redis.duplicate();
    try {
      await admin.script('FLUSH');
      expect(await cacheScripts(fresh).incr({ counter: `${prefix}fresh`, by: 7 })).toBe(7);
      await admin.script('FLUSH');
      expect(await cacheScripts(duplicate).incr({ counter: `${prefix}fresh`, by: 1 })).toBe(8);
      expect(await cacheScripts(duplicate).get({ source: `${prefix}fresh` })).toBe('8');
    } finally {
      await Promise.all([fresh.quit(), duplicate.quit()]);
    }
  });

  it('preload() loads every script, so calls need no fallback', async () => {
    await admin.script('FLUSH');
    const shas = Object.values(fixture.scripts).map((s) => s.sha1);
    expect(new Set(await cached(shas))).toEqual(new Set([0]));
    await fixture.preload(redis);
    expect(new Set(await cached(shas))).toEqual(new Set([1]));
  });
});

describe('after a Redis restart', () => {
  it.each(CLIENT_MATRIX.map((combo) => [combo.name, combo] as const))('%s: calls, pipelines and transactions work again', async (_name, combo) => {
    const redis = combo.standalone(server.url, {});
    try {
      const scripts = cacheScripts(redis);
      const prefix = uniquePrefix('restart');
      expect(await scripts.incr({ counter: `${prefix}c`, by: 1 })).toBe(1);
      await server.restart(); // empty dataset, empty script cache; ioredis reconnects
      expect(await scripts.incr({ counter: `${prefix}c`, by: 4 })).toBe(4);
      expect(await scripts.get({ source: `${prefix}c` })).toBe('4');
      await server.restart();
      const multi = redis.multi();
      const inMulti = scripts.incr.queue(multi, { counter: `${prefix}m`, by: 2 });
      expect(inMulti.read(await multi.exec())).toBe(2);
      await server.restart();
      const pipeline = redis.pipeline();
      const inPipeline = scripts.incr.queue(pipeline, { counter: `${prefix}p`, by: 3 });
      expect(inPipeline.read(await pipeline.exec())).toBe(3);
    } finally {
      await redis.quit();
    }
  });
});
