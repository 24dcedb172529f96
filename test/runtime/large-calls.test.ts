import type { Redis } from 'ioredis';
import { bindScripts } from '../../generated';
import { CLIENT_MATRIX, sharedRedisUrl, uniquePrefix } from './clients';
import { loadFixtureClient, type LooseScript } from './fixture-client';

/**
 * Variadic tails far beyond what a JavaScript call can spread (issue 10.12): the arguments go to ioredis as one
 * array, never through `apply`, which overflows the stack with a RangeError at about 120,000 values. Calls,
 * pipelines, transactions and the EVALSHA_RO path of read-only scripts, with both ioredis majors.
 */
const HASH_FIELDS = 123_000;
const LIST_ITEMS = 250_000;
const READ_KEYS = 150_000;

const pairs: string[] = [];
for (let i = 0; i < HASH_FIELDS; i++) pairs.push(`f${i}`, `v${i}`);
const items = Array.from({ length: LIST_ITEMS }, (_, i) => `item${i}`);

const MAJORS = [CLIENT_MATRIX[0]!, CLIENT_MATRIX[3]!];

describe.each(MAJORS.map((combo) => [combo.name, combo] as const))('%s', (_name, combo) => {
  const prefix = uniquePrefix('large');
  let redis: Redis;
  let scripts: ReturnType<typeof bindScripts>;
  beforeAll(() => {
    redis = combo.standalone(sharedRedisUrl(), { keyPrefix: prefix });
    scripts = bindScripts(redis);
  });
  afterAll(async () => {
    await redis.del('hash', 'hash:queued', 'list', 'list:multi');
    await redis.quit();
  });

  it(`sets ${HASH_FIELDS.toLocaleString('en')} hash fields in one call, and again from a pipeline`, async () => {
    expect(await scripts.hash.setFields({ hash: 'hash', pairs })).toEqual({ added: HASH_FIELDS, fields: HASH_FIELDS });
    const pipeline = redis.pipeline();
    const queued = scripts.hash.setFields.queue(pipeline, { hash: 'hash:queued', pairs });
    expect(queued.read(await pipeline.exec())).toEqual({ added: HASH_FIELDS, fields: HASH_FIELDS });
  }, 60_000);

  it(`appends ${LIST_ITEMS.toLocaleString('en')} list items in one call, and in a transaction`, async () => {
    const first = await scripts.atomic.cappedPush({ list: 'list', cap: LIST_ITEMS, items });
    expect(first).toEqual({ length: LIST_ITEMS, removed: [] });
    expect(await redis.lindex('list', -1)).toBe(`item${LIST_ITEMS - 1}`);
    const multi = redis.multi();
    // The first use in a batch is an EVAL, a later one an EVALSHA: both carry the whole tail.
    const queued = [1, 2].map(() => scripts.atomic.cappedPush.queue(multi, { list: 'list:multi', cap: LIST_ITEMS, items }));
    const results = await multi.exec();
    expect(queued[0]!.read(results)).toEqual({ length: LIST_ITEMS, removed: [] });
    expect(queued[1]!.read(results).removed).toHaveLength(LIST_ITEMS);
  }, 60_000);

  it(`passes ${READ_KEYS.toLocaleString('en')} keys to a read-only script (EVALSHA_RO or EVAL_RO) on a client without keyPrefix`, async () => {
    const plain = combo.standalone(sharedRedisUrl());
    try {
      const readVariadic = (await loadFixtureClient()).bindScripts(plain).keys!.readVariadic as LooseScript;
      const all = Array.from({ length: READ_KEYS }, (_, i) => `${prefix}k${i}`);
      const received = (await readVariadic({ all })) as string[];
      expect(received).toHaveLength(READ_KEYS);
      expect(received[READ_KEYS - 1]).toBe(all[READ_KEYS - 1]);
    } finally {
      await plain.quit();
    }
  }, 60_000);

  it('with a keyPrefix, takes 100,000 keys and refuses one more with ScriptArgumentError (ioredis would overflow the stack)', async () => {
    const readVariadic = (await loadFixtureClient()).bindScripts(redis).keys!.readVariadic as LooseScript;
    const all = Array.from({ length: 100_000 }, (_, i) => `k${i}`);
    expect(((await readVariadic({ all })) as string[]).length).toBe(100_000);
    const tooMany = { all: [...all, 'one-more'] };
    const refusal = expect.objectContaining({ name: 'ScriptArgumentError', parameter: 'all' });
    await expect(readVariadic(tooMany)).rejects.toEqual(refusal);
    const pipeline = redis.pipeline();
    expect(() => readVariadic.queue(pipeline, tooMany)).toThrow(refusal);
    expect(pipeline.length).toBe(0);
  }, 60_000);
});
