/**
 * The library's one integer format (docs/library.md, "Stored values"): `0` or an optional `-` and digits
 * without leading zeros, at most 2^53-1 in magnitude. Every script refuses anything else, in an argument or
 * in a value it reads from Redis, with a declared error and before its first write: a refused call leaves
 * every value and every TTL as it was.
 */
import { scripts as specs } from '../../generated';
import { connectLibrary, evalRaw, expectRawCode, snapshot, type LibraryClient } from './connect';

let lib: LibraryClient;
beforeAll(() => {
  lib = connectLibrary('canonical');
});
afterAll(() => lib.close());

/** Integers Redis's INCRBY refuses, or that Lua reads differently from Redis, or beyond a double's exact range. */
const NOT_CANONICAL = ['007', '00', '-0', '-007', ' 1', '1 ', '+1', '1e3', '1.5', '1.0', '0x10', '', 'abc', '9007199254740992', '-9007199254740992', '99999999999999999999'];

/** Values and TTLs of every key under a pattern. */
async function state(pattern: string): Promise<unknown> {
  const values = await snapshot(lib.redis, pattern);
  const ttls: Record<string, boolean> = {};
  for (const key of Object.keys(values)) ttls[key] = (await lib.redis.pttl(key)) >= 0;
  return { values, ttls };
}

interface Case {
  readonly script: keyof typeof specs;
  /** Writes the bad stored value (and whatever else the script needs) under `tag`; returns the raw call. */
  readonly arrange: (bad: string, tag: string) => Promise<{ keys: string[]; args: string[] }>;
}

const STORED: readonly Case[] = [
  {
    script: 'atomic.transfer',
    arrange: async (bad, tag) => {
      await lib.redis.mset(lib.key(`bal:{${tag}}:a`), '100', lib.key(`bal:{${tag}}:b`), bad);
      return { keys: [lib.key(`bal:{${tag}}:a`), lib.key(`bal:{${tag}}:b`)], args: ['10'] };
    },
  },
  {
    script: 'atomic.transfer',
    arrange: async (bad, tag) => {
      await lib.redis.mset(lib.key(`bal:{${tag}}:a`), bad, lib.key(`bal:{${tag}}:b`), '5');
      return { keys: [lib.key(`bal:{${tag}}:a`), lib.key(`bal:{${tag}}:b`)], args: ['1'] };
    },
  },
  {
    script: 'basic.increment',
    arrange: async (bad, tag) => {
      await lib.redis.set(lib.key(`c:{${tag}}`), bad);
      return { keys: [lib.key(`c:{${tag}}`)], args: ['1', '60000'] };
    },
  },
  {
    script: 'counter.boundedIncrement',
    arrange: async (bad, tag) => {
      await lib.redis.set(lib.key(`c:{${tag}}`), bad);
      return { keys: [lib.key(`c:{${tag}}`)], args: ['1', '100'] };
    },
  },
  {
    // No TTL on the counter: the script used to give it one (PEXPIRE) before failing.
    script: 'ratelimit.fixedWindow',
    arrange: async (bad, tag) => {
      await lib.redis.set(lib.key(`fw:{${tag}}`), bad);
      return { keys: [lib.key(`fw:{${tag}}`)], args: ['1000', '60000'] };
    },
  },
  {
    // An expired entry in the log: the script used to prune it (a write) before failing on the seq key.
    script: 'ratelimit.slidingWindow',
    arrange: async (bad, tag) => {
      await lib.redis.zadd(lib.key(`sw:{${tag}}`), 1, '1-1');
      await lib.redis.set(lib.key(`sw:{${tag}}:seq`), bad);
      return { keys: [lib.key(`sw:{${tag}}`), lib.key(`sw:{${tag}}:seq`)], args: ['10', '1000'] };
    },
  },
  {
    script: 'lock.acquire',
    arrange: async (bad, tag) => {
      await lib.redis.set(lib.key(`lock:{${tag}}:fence`), bad);
      return { keys: [lib.key(`lock:{${tag}}`), lib.key(`lock:{${tag}}:fence`)], args: ['me', '10000'] };
    },
  },
  {
    script: 'session.get',
    arrange: async (bad, tag) => {
      await lib.redis.hset(lib.key(`session:{${tag}}:s`), 'data', '1', 'created', '1', 'accessed', '1', 'ttl_ms', bad);
      return { keys: [lib.key(`session:{${tag}}:s`), lib.key(`sessions:{${tag}}`)], args: [] };
    },
  },
  {
    script: 'session.get',
    arrange: async (bad, tag) => {
      await lib.redis.hset(lib.key(`session:{${tag}}:s`), 'data', '1', 'created', bad, 'accessed', '1', 'ttl_ms', '60000');
      return { keys: [lib.key(`session:{${tag}}:s`), lib.key(`sessions:{${tag}}`)], args: [] };
    },
  },
  {
    script: 'session.update',
    arrange: async (bad, tag) => {
      await lib.redis.hset(lib.key(`session:{${tag}}:s`), 'data', '1', 'created', '1', 'accessed', '1', 'ttl_ms', bad);
      return { keys: [lib.key(`session:{${tag}}:s`), lib.key(`sessions:{${tag}}`)], args: ['2'] };
    },
  },
];

describe.each(STORED.map((c, i) => [`${c.script} #${i}`, c] as const))('a stored value outside the integer format: %s', (_title, c) => {
  it.each(NOT_CANONICAL)('refuses %j with NOT_INTEGER and writes nothing', async (bad) => {
    const tag = lib.unique();
    const { keys, args } = await c.arrange(bad, tag);
    const before = await state(lib.key(`*{${tag}}*`));
    await expectRawCode(evalRaw(lib.redis, specs[c.script], keys, args), 'NOT_INTEGER');
    expect(await state(lib.key(`*{${tag}}*`))).toEqual(before);
  });
});

/** One integer argument of a script, with valid values for everything else: `at` is its ARGV index. */
const ARGUMENTS: ReadonlyArray<{ script: keyof typeof specs; keys: number; args: string[]; at: number }> = [
  { script: 'atomic.transfer', keys: 2, args: ['1'], at: 0 },
  { script: 'atomic.cappedPush', keys: 1, args: ['5', 'x'], at: 0 },
  { script: 'basic.compareAndSet', keys: 1, args: ['a', 'b', '1000'], at: 2 },
  { script: 'basic.getAndExpire', keys: 1, args: ['1000'], at: 0 },
  { script: 'basic.increment', keys: 1, args: ['1', '1000'], at: 0 },
  { script: 'basic.increment', keys: 1, args: ['1', '1000'], at: 1 },
  { script: 'counter.boundedIncrement', keys: 1, args: ['1', '10'], at: 0 },
  { script: 'counter.boundedIncrement', keys: 1, args: ['1', '10'], at: 1 },
  { script: 'leaderboard.top', keys: 1, args: ['3'], at: 0 },
  { script: 'lock.acquire', keys: 2, args: ['me', '1000'], at: 1 },
  { script: 'lock.extend', keys: 1, args: ['me', '1000'], at: 1 },
  { script: 'ratelimit.fixedWindow', keys: 1, args: ['5', '1000'], at: 0 },
  { script: 'ratelimit.fixedWindow', keys: 1, args: ['5', '1000'], at: 1 },
  { script: 'ratelimit.slidingWindow', keys: 2, args: ['5', '1000'], at: 0 },
  { script: 'ratelimit.slidingWindow', keys: 2, args: ['5', '1000'], at: 1 },
  { script: 'session.create', keys: 2, args: ['1000', '{}'], at: 0 },
];

describe.each(ARGUMENTS.map((c) => [`${c.script} ARGV[${c.at + 1}]`, c] as const))('an integer argument outside the format: %s', (_title, c) => {
  it.each(['007', '00', '-0', '+5', ' 5', '5 ', '5.0', '0x10'])('refuses %j with INVALID_ARGUMENT and writes nothing', async (bad) => {
    const tag = lib.unique();
    const names = ['session:', 'sessions:'];
    const keys = Array.from({ length: c.keys }, (_, i) => lib.key(`${c.script.startsWith('session.') ? names[i] : `k${i}:`}{${tag}}${i === 0 && c.script.startsWith('session.') ? ':s' : ''}`));
    const args = c.args.map((value, i) => (i === c.at ? bad : value));
    await expectRawCode(evalRaw(lib.redis, specs[c.script], keys, args), 'INVALID_ARGUMENT');
    expect(await lib.redis.keys(lib.key(`*{${tag}}*`))).toEqual([]);
  });
});
