/**
 * Executable form of FACTS-VERIFIED.md: what ioredis returns/throws for Lua
 * script replies, under each client/protocol combination, on a real Redis.
 */
import { createHash } from 'node:crypto';
import Redis, { ReplyError as ReplyError6, type ChainableCommander } from 'ioredis';
import Redis5, { ReplyError as ReplyError5 } from 'ioredis5';
import { startRedis, type RedisHandle } from './redis-server';

type Mapping = 'legacy' | 'resp3';
interface Combo {
  name: string;
  proto: 2 | 3;
  mapping: Mapping;
  errorClass: string;
  ReplyError: new (...args: never[]) => Error;
  create(url: string): Redis;
}
const COMBOS: Combo[] = [
  { name: 'ioredis 6 default', proto: 3, mapping: 'legacy', errorClass: 'SimpleError', ReplyError: ReplyError6, create: (u) => new Redis(u) },
  { name: 'ioredis 6 protocol 2', proto: 2, mapping: 'legacy', errorClass: 'SimpleError', ReplyError: ReplyError6, create: (u) => new Redis(u, { protocol: 2 }) },
  { name: 'ioredis 6 replyMapping resp3', proto: 3, mapping: 'resp3', errorClass: 'SimpleError', ReplyError: ReplyError6, create: (u) => new Redis(u, { protocol: 3, replyMapping: 'resp3' }) },
  { name: 'ioredis 5', proto: 2, mapping: 'legacy', errorClass: 'ReplyError', ReplyError: ReplyError5, create: (u) => new Redis5(u) as unknown as Redis },
];

const sha1 = (s: string): string => createHash('sha1').update(s).digest('hex');
/** Suffix Redis 7.0 appends to errors raised *while running* a script. */
const inScript = (lua: string): string => ` script: ${sha1(lua)}, on @user_script:1.`;

type Fact = { lua: string; legacy: unknown; resp3?: unknown } | { lua: string; error: string };
const VALUES: Record<string, Fact> = {
  'true': { lua: 'return true', legacy: 1 },
  'false': { lua: 'return false', legacy: null },
  'nil': { lua: 'return nil', legacy: null },
  'array with false': { lua: 'return {1,false,3}', legacy: [1, null, 3] },
  'float': { lua: 'return 3.99', legacy: 3 },
  'negative float': { lua: 'return -2.5', legacy: -2 },
  'double': { lua: 'return {double=3.5}', legacy: '3.5', resp3: 3.5 },
  'map': { lua: "return {map={a=1,b='x'}}", legacy: ['a', 1, 'b', 'x'], resp3: { a: 1, b: 'x' } },
  'setresp(3) true': { lua: 'redis.setresp(3); return true', legacy: 1, resp3: true },
  'setresp(3) false': { lua: 'redis.setresp(3); return false', legacy: 0, resp3: false },
  'set': { lua: 'return {set={a=true}}', legacy: ['a'] },
  'big_number': { lua: "return {big_number='123456789012345678901234567890'}", legacy: '123456789012345678901234567890' },
  'verbatim_string': { lua: "return {verbatim_string={format='txt', string='hi'}}", legacy: 'hi' },
  'integer beyond 2^53': { lua: 'return 9007199254740993', legacy: 9007199254740992 },
  'setresp(3) HGETALL passthrough': {
    lua: "redis.setresp(3); local h = KEYS[1]..':h'; redis.call('HSET', h, 'a', '1'); redis.call('EXPIRE', h, 120); return redis.call('HGETALL', h)",
    legacy: ['a', '1'],
    resp3: { a: '1' },
  },
  'pcall(redis.call) failure': {
    lua: "local ok, e = pcall(redis.call, 'INCR', KEYS[1]); return {tostring(ok), type(e), e}",
    legacy: ['false', 'string', 'ERR value is not an integer or out of range'],
  },
  'redis.pcall failure': {
    lua: "local e = redis.pcall('INCR', KEYS[1]); return {type(e), e.err}",
    legacy: ['table', 'ERR value is not an integer or out of range'],
  },
  'ok table': { lua: "return {ok='OK'}", legacy: 'OK' },
  'status_reply': { lua: "return redis.status_reply('FINE')", legacy: 'FINE' },
  'err table': { lua: "return {err='MY_CODE some text'}", error: 'MY_CODE some text' },
  'error_reply': { lua: "return redis.error_reply('MY_CODE some text')", error: 'MY_CODE some text' },
  'error_reply lower case': { lua: "return redis.error_reply('lower case text')", error: 'lower case text' },
  'error(string)': { lua: "error('boom')", error: 'ERR user_script:1: boom' + inScript("error('boom')") },
  'error(table)': { lua: "error({err='MY_CODE x'})", error: 'MY_CODE x' + inScript("error({err='MY_CODE x'})") },
  'redis.call failure': {
    lua: "return redis.call('INCR', KEYS[1])",
    error: 'ERR value is not an integer or out of range' + inScript("return redis.call('INCR', KEYS[1])"),
  },
  'runtime error': {
    lua: 'local t = nil; return t.x',
    error: "ERR user_script:1: attempt to index local 't' (a nil value)" + inScript('local t = nil; return t.x'),
  },
};

function protoOf(hello: unknown): unknown {
  if (Array.isArray(hello)) return hello[hello.indexOf('proto') + 1];
  return (hello as Record<string, unknown>).proto;
}

/** The shared server (REDIS_URL from global-setup); spawns one if run without it. */
let shared: RedisHandle;
beforeAll(async () => {
  shared = await startRedis();
});
afterAll(async () => {
  await shared.stop();
});

describe.each(COMBOS)('Lua replies through $name', (combo) => {
  let client: Redis;
  const key = `facts:${combo.proto}:${combo.mapping}:${combo.errorClass}:${Math.random().toString(36).slice(2)}`;
  beforeAll(async () => {
    client = combo.create(shared.url);
    await client.set(key, 'abc', 'EX', 120); // a key holding a non-integer, for the INCR failure
  });
  afterAll(async () => {
    await client.quit();
  });

  it(`negotiates RESP${combo.proto}`, async () => {
    expect(protoOf(await client.call('HELLO'))).toBe(combo.proto);
  });

  it.each(Object.entries(VALUES))('%s', async (_name, fact) => {
    const result = await client.eval(fact.lua, 1, key).then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    if ('error' in fact) {
      expect('error' in result).toBe(true);
      const err = (result as { error: Error }).error;
      expect(err.message).toBe(fact.error);
      expect(err.constructor.name).toBe(combo.errorClass);
      expect(err.name).toBe('ReplyError');
      expect(err).toBeInstanceOf(combo.ReplyError);
    } else {
      const expected = combo.mapping === 'resp3' && 'resp3' in fact ? fact.resp3 : fact.legacy;
      expect(result).toEqual({ value: expected });
    }
  });
});

type WithFoo = { foo(key: string): Promise<number> };
type ChainWithFoo = ChainableCommander & { foo(key: string): ChainWithFoo };

describe.each(COMBOS.filter((c) => c.mapping === 'legacy' && c.name !== 'ioredis 6 protocol 2'))(
  'defineCommand NOSCRIPT fallback after SCRIPT FLUSH ($name)',
  (combo) => {
    let server: RedisHandle;
    let admin: Redis;
    const LUA = "return redis.call('INCR', KEYS[1])";
    const make = (): Redis & WithFoo => {
      const c = combo.create(server.url);
      c.defineCommand('foo', { numberOfKeys: 1, lua: LUA });
      return c as Redis & WithFoo;
    };
    const chain = (c: ChainableCommander): ChainWithFoo => c as ChainWithFoo;
    beforeAll(async () => {
      server = await startRedis({ dedicated: true }); // SCRIPT FLUSH must not hit the shared server
      admin = combo.create(server.url);
    });
    afterAll(async () => {
      admin.disconnect();
      await server.stop();
    });

    it('direct call and pipeline(): NOSCRIPT is retried transparently (re-sent outside the pipeline)', async () => {
      const c = make();
      try {
        expect(await c.foo('ns:direct')).toBe(1); // first use on a connection is sent as EVAL
        await admin.script('FLUSH');
        expect(await c.foo('ns:direct')).toBe(2);
        await admin.script('FLUSH');
        expect(await chain(c.pipeline()).foo('ns:direct').foo('ns:direct').exec()).toEqual([[null, 3], [null, 4]]);
      } finally {
        c.disconnect();
      }
    });

    it('multi(): EVALSHA is QUEUED, EXEC resolves with the NOSCRIPT error in place, no retry, other commands ran', async () => {
      const c = make();
      try {
        await c.foo('ns:multi');
        await admin.script('FLUSH');
        const first = await chain(c.multi().incr('ns:multi')).foo('ns:multi').exec();
        expect(first?.[0]).toEqual([null, 2]);
        const err = first?.[1]?.[0];
        expect(err).toBeInstanceOf(combo.ReplyError);
        expect(err?.message).toBe('NOSCRIPT No matching script. Please use EVAL.');
        // Sticky: the connection still believes the script is loaded.
        const second = await chain(c.multi()).foo('ns:multi').exec();
        expect(second?.[0]?.[0]?.message).toMatch(/^NOSCRIPT/);
        // A direct call hits NOSCRIPT, resets the flag, re-sends as EVAL (loads it).
        expect(await c.foo('ns:multi')).toBe(3);
        expect(await chain(c.multi()).foo('ns:multi').exec()).toEqual([[null, 4]]);
      } finally {
        c.disconnect();
      }
    });

    it('multi() on a connection that never ran the script sends EVAL and succeeds', async () => {
      await admin.script('FLUSH');
      const c = make();
      try {
        expect(await chain(c.multi()).foo('ns:cold').exec()).toEqual([[null, 1]]);
      } finally {
        c.disconnect();
      }
    });
  },
);
