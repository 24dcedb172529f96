/**
 * The node-redis client (`--client node-redis`) on a real Redis: validation before sending, decoding under
 * RESP2 and RESP3 (and an application's type mapping), typed errors with `lua/x.lua:N` locations, NOSCRIPT
 * recovery, read-only scripts (EVALSHA_RO) and preload. Its own server: the tests flush the script cache.
 */
import Redis from 'ioredis';
import type { RedisHandle } from '../support/redis-server';
import { uniquePrefix } from './clients';
import { ALL_BYTES, DECODE_CASES, runDecodeCases } from './decode-cases';
import {
  startNodeRedisSetup,
  stopNodeRedisSetup,
  EXPECTED_NODE_REDIS_MAJOR,
  loadedNodeRedisMajor,
  NODE_REDIS_MATRIX,
  type NodeRedisFixture,
  type NodeRedisStandalone,
} from './node-redis-fixture';
import { scriptCommandCalls } from './server-stats';
import { markerLine } from './source-lines';
import { FIXTURE_SOURCE } from './fixture-client';

const FAILS = `${FIXTURE_SOURCE}/errors/fails.lua`;

let fixture: NodeRedisFixture;
let server: RedisHandle;
let admin: Redis;
beforeAll(async () => {
  ({ fixture, server, admin } = await startNodeRedisSetup());
}, 60_000);
afterAll(() => stopNodeRedisSetup({ admin, server }));

async function failure(call: Promise<unknown>): Promise<Error> {
  return call.then(
    (value) => {
      throw new Error(`expected a failure, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error as Error,
  );
}

it('runs on the node-redis major its jest project names (5 through the alias, 6 otherwise)', () => {
  expect(loadedNodeRedisMajor()).toBe(EXPECTED_NODE_REDIS_MAJOR);
});

const decodedByCombo = new Map<string, Map<string, unknown>>();

describe.each(NODE_REDIS_MATRIX.map((combo) => [combo.name, combo] as const))('%s', (_name, combo) => {
  const prefix = uniquePrefix('node-redis');
  let redis: NodeRedisStandalone;
  beforeAll(async () => {
    redis = combo.standalone(server.url);
    await redis.connect();
  });
  afterAll(() => redis.close());

  it('decodes every reply type to the declared value, bytes byte for byte', async () => {
    const decoded = await runDecodeCases(fixture.bindScripts(redis).decode!, `${prefix}decode`);
    decodedByCombo.set(combo.name, decoded);
    for (const c of DECODE_CASES) expect([c.name, decoded.get(c.name)]).toEqual([c.name, c.expected]);
    expect(Buffer.isBuffer(decoded.get('buffer, all 256 byte values'))).toBe(true);
  });

  it('rejects a bad input before anything is sent', async () => {
    const { cache, keys } = fixture.bindScripts(redis);
    await admin.config('RESETSTAT');
    for (const input of [{ counter: `${prefix}c`, by: NaN }, { counter: `${prefix}c`, by: 1.5 }, { counter: `${prefix}c` }, { counter: 7, by: 1 }, { counter: `${prefix}c`, by: 1, extra: 1 }]) {
      const error = await failure(cache!.incr!(input));
      expect(error).toBeInstanceOf(fixture.ScriptArgumentError);
      expect(error.message).toContain('nothing was sent to Redis');
    }
    expect(() => keys!.fixed!.queue(redis.multi(), { first: 'a' })).toThrow(fixture.ScriptArgumentError);
    expect(await scriptCommandCalls(admin)).toEqual({});
    expect(await admin.exists(`${prefix}c`)).toBe(0);
  });

  it('maps error replies: declared codes to the typed class, others to ScriptError at lua/x.lua:N', async () => {
    const { errors } = fixture.bindScripts(redis);
    const fails = (mode: string) => failure(errors!.fails!({ counter: `${prefix}counter`, mode }));
    expect(await fails('coded')).toMatchObject({ name: 'ErrorsFailsError', code: 'TOO_LOW', detail: 'value 3 is below 5', script: 'errors.fails' });
    expect(await fails('coded')).toBeInstanceOf(fixture.ErrorsFailsError as typeof Error);
    expect(await fails('table-coded')).toMatchObject({ code: 'BAD_INPUT', detail: '' });
    expect(await fails('raised-coded')).toMatchObject({ code: 'TOO_LOW', detail: 'raised 1 is below 2' });
    expect(await fails('undeclared')).toMatchObject({ name: 'ScriptError', redisMessage: 'OTHER_CODE not declared', location: undefined });
    await admin.set(`${prefix}counter`, 'not a number');
    for (const mode of ['runtime', 'raise', 'call']) {
      const error = await fails(mode);
      expect(error).toBeInstanceOf(fixture.ScriptError);
      expect(error).toMatchObject({ location: `${FAILS}:${markerLine(FAILS, mode)}` });
      expect((error as { cause?: unknown }).cause).toBeInstanceOf(Error);
    }
  });

  it('recovers from NOSCRIPT on a call (the cache was flushed), writes and reads alike', async () => {
    const { cache, readonly } = fixture.bindScripts(redis);
    await admin.script('FLUSH');
    await admin.config('RESETSTAT');
    expect(await cache!.incr!({ counter: `${prefix}flush`, by: 5 })).toBe(5);
    expect(await scriptCommandCalls(admin)).toEqual({ evalsha: 1, eval: 1 });
    expect(await cache!.incr!({ counter: `${prefix}flush`, by: 1 })).toBe(6);
    await admin.script('FLUSH');
    await admin.config('RESETSTAT');
    expect(await readonly!.get!({ source: `${prefix}flush` })).toBe('6');
    expect(await scriptCommandCalls(admin)).toEqual({ evalsha_ro: 1, eval_ro: 1 });
  });

  it('runs read-only scripts with EVALSHA_RO, bytes as Buffers, variadic keys', async () => {
    const { readonly } = fixture.bindScripts(redis);
    await admin.set(`${prefix}bytes`, ALL_BYTES);
    await admin.mset(`${prefix}a`, '2', `${prefix}b`, '40');
    await readonly!.get!({ source: `${prefix}bytes` });
    await admin.config('RESETSTAT');
    expect(await readonly!.getBytes!({ source: `${prefix}bytes` })).toEqual(ALL_BYTES);
    expect(await readonly!.sum!({ sources: [`${prefix}a`, `${prefix}b`] })).toBe(42);
    expect(Object.keys(await scriptCommandCalls(admin)).every((name) => name.endsWith('_ro'))).toBe(true);
  });

  it('binds a client that has sendCommand only (no withTypeMapping): each command still carries its mapping', async () => {
    const bare = { sendCommand: (args: readonly string[], options?: object) => redis.sendCommand(args, options) };
    const { readonly } = fixture.bindScripts(bare as never);
    await admin.set(`${prefix}bare-bytes`, ALL_BYTES);
    expect(await readonly!.getBytes!({ source: `${prefix}bare-bytes` })).toEqual(ALL_BYTES);
  });

  it('preload loads every script, so that the first calls need no EVAL', async () => {
    await admin.script('FLUSH');
    await fixture.preload(redis);
    const shas = Object.values(fixture.scripts).map((spec) => spec.sha1);
    expect(await admin.call('SCRIPT', 'EXISTS', ...shas)).toEqual(shas.map(() => 1));
    await admin.config('RESETSTAT');
    expect(await fixture.bindScripts(redis).cache!.incr!({ counter: `${prefix}preloaded`, by: 2 })).toBe(2);
    expect(await scriptCommandCalls(admin)).toEqual({ evalsha: 1 });
  });
});

describe('across node-redis protocols and type mappings', () => {
  it('every combination decodes identically', () => {
    expect([...decodedByCombo.keys()]).toEqual(NODE_REDIS_MATRIX.map((c) => c.name));
    const [first, ...rest] = [...decodedByCombo.values()];
    for (const other of rest) expect(other).toEqual(first);
  });
});
