import Redis from 'ioredis';
import { bindScripts, ScriptArgumentError, scripts as specs } from '../../generated';
import { connectLibrary, evalRaw, expectCode, expectRawCode, redisUrl, snapshot, type LibraryClient } from './connect';
import { LIBRARY_CLIENT } from './library-client';

let lib: LibraryClient;
beforeAll(() => {
  lib = connectLibrary('session');
});
afterAll(() => lib.close());

/** The documented layout: every key of one user carries the {user} hash tag. */
function user(): { session(id: string): { session: string; index: string }; index: string; pattern: string } {
  const tag = `user-${lib.unique()}`;
  const index = lib.key(`sessions:{${tag}}`);
  return { session: (id) => ({ session: lib.key(`session:{${tag}}:${id}`), index }), index, pattern: lib.key(`*{${tag}}*`) };
}

describe('session.create and session.get', () => {
  it('creates a session, indexes it, and reads it back with server times', async () => {
    const u = user();
    const keys = u.session('s1');
    expect(await lib.scripts.session.create({ ...keys, ttlMs: 60_000, data: { name: 'Ann', roles: ['admin'], score: 1.5 } })).toBe('OK');
    const read = await lib.scripts.session.get(keys);
    expect(read?.data).toEqual({ name: 'Ann', roles: ['admin'], score: 1.5 });
    expect(read?.accessedMs).toBeGreaterThanOrEqual(read?.createdMs ?? Infinity);
    expect(await lib.redis.zrange(u.index, 0, '-1')).toEqual([keys.session]);
    expect(await lib.redis.pttl(keys.session)).toBeGreaterThan(0);
    expect(await lib.redis.pttl(u.index)).toBeGreaterThan(0);
  });

  it('refuses an existing id and leaves the session as it was', async () => {
    const keys = user().session('s1');
    await lib.scripts.session.create({ ...keys, ttlMs: 60_000, data: { v: 1 } });
    const before = await snapshot(lib.redis, keys.session);
    await expectCode(lib.scripts.session.create({ ...keys, ttlMs: 60_000, data: { v: 2 } }), 'SESSION_EXISTS');
    expect(await snapshot(lib.redis, keys.session)).toEqual(before);
  });

  it('get slides the idle timeout and updates last access', async () => {
    const keys = user().session('s1');
    await lib.scripts.session.create({ ...keys, ttlMs: 60_000, data: null });
    await lib.redis.pexpire(keys.session, 100);
    const read = await lib.scripts.session.get(keys);
    expect(read?.data).toBeNull();
    expect(await lib.redis.pttl(keys.session)).toBeGreaterThan(100);
    expect(Number(await lib.redis.hget(keys.session, 'accessed'))).toBe(read?.accessedMs);
  });

  it('get returns null for a missing or expired session and creates nothing', async () => {
    const u = user();
    const keys = u.session('s1');
    expect(await lib.scripts.session.get(keys)).toBeNull();
    await lib.scripts.session.create({ ...keys, ttlMs: 20, data: 1 });
    while ((await lib.redis.exists(keys.session)) === 1) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await lib.scripts.session.get(keys)).toBeNull();
    expect(await lib.redis.exists(keys.session)).toBe(0);
  });

  it('refuses bad input: TTL, JSON, and keys without a shared hash tag, writing nothing', async () => {
    const u = user();
    const keys = u.session('s1');
    await expectCode(lib.scripts.session.create({ ...keys, ttlMs: 0, data: 1 }), 'INVALID_ARGUMENT');
    await expectCode(lib.scripts.session.create({ ...keys, ttlMs: -1, data: 1 }), 'INVALID_ARGUMENT');
    await expect(lib.scripts.session.create({ ...keys, ttlMs: 1_000, data: undefined })).rejects.toThrow(ScriptArgumentError);
    for (const args of [['1000', '{not json'], ['1000', ''], ['1000'], ['soon', '{}']]) {
      await expectRawCode(evalRaw(lib.redis, specs['session.create'], [keys.session, keys.index], args), 'INVALID_ARGUMENT');
    }
    const other = user().session('s1');
    await expectCode(lib.scripts.session.create({ session: keys.session, index: other.index, ttlMs: 1_000, data: 1 }), 'KEY_LAYOUT');
    await expectCode(lib.scripts.session.create({ session: lib.key('session:plain'), index: lib.key('sessions:plain'), ttlMs: 1_000, data: 1 }), 'KEY_LAYOUT');
    await expectCode(lib.scripts.session.create({ session: lib.key('session:{}:x'), index: lib.key('sessions:{}'), ttlMs: 1_000, data: 1 }), 'KEY_LAYOUT');
    expect(await lib.redis.keys(u.pattern)).toEqual([]);
    expect(await lib.redis.exists(lib.key('session:plain'), lib.key('sessions:plain'), other.index)).toBe(0);
  });
});

describe('session.update', () => {
  it('replaces the data and records the access', async () => {
    const keys = user().session('s1');
    await lib.scripts.session.create({ ...keys, ttlMs: 60_000, data: { step: 1 } });
    expect(await lib.scripts.session.update({ ...keys, data: { step: 2, cart: [1, 2] } })).toBe(true);
    expect((await lib.scripts.session.get(keys))?.data).toEqual({ step: 2, cart: [1, 2] });
  });

  it('returns false for a missing session and does not create it', async () => {
    const keys = user().session('nope');
    expect(await lib.scripts.session.update({ ...keys, data: { a: 1 } })).toBe(false);
    expect(await lib.redis.exists(keys.session, keys.index)).toBe(0);
  });

  it('refuses invalid JSON without writing', async () => {
    const keys = user().session('s1');
    await lib.scripts.session.create({ ...keys, ttlMs: 60_000, data: { v: 1 } });
    const before = await lib.redis.hget(keys.session, 'data');
    await expectRawCode(evalRaw(lib.redis, specs['session.update'], [keys.session, keys.index], ['{"v":']), 'INVALID_ARGUMENT');
    await expectRawCode(evalRaw(lib.redis, specs['session.update'], [keys.session, keys.index], []), 'INVALID_ARGUMENT');
    expect(await lib.redis.hget(keys.session, 'data')).toBe(before);
  });
});

describe('session.destroy and session.destroyAll', () => {
  it('destroy deletes the session and removes it from the index', async () => {
    const u = user();
    await lib.scripts.session.create({ ...u.session('a'), ttlMs: 60_000, data: 1 });
    await lib.scripts.session.create({ ...u.session('b'), ttlMs: 60_000, data: 2 });
    expect(await lib.scripts.session.destroy(u.session('a'))).toBe(true);
    expect(await lib.scripts.session.destroy(u.session('a'))).toBe(false);
    expect(await lib.redis.zrange(u.index, 0, '-1')).toEqual([u.session('b').session]);
  });

  it("destroyAll deletes every session of the user and the index, and no other user's", async () => {
    const u = user();
    const other = user();
    for (const id of ['a', 'b', 'c']) await lib.scripts.session.create({ ...u.session(id), ttlMs: 60_000, data: id });
    await lib.scripts.session.create({ ...other.session('a'), ttlMs: 60_000, data: 'keep' });
    expect(await lib.scripts.session.destroyAll({ index: u.index })).toBe(3);
    expect(await lib.redis.keys(u.pattern)).toEqual([]);
    expect((await lib.scripts.session.get(other.session('a')))?.data).toBe('keep');
    expect(await lib.scripts.session.destroyAll({ index: u.index })).toBe(0);
  });

  it('destroyAll handles thousands of sessions (chunked DEL) and does not count expired ones', async () => {
    const u = user();
    const pipeline = lib.batch();
    for (let i = 0; i < 2_500; i++) lib.scripts.session.create.queue(pipeline.target, { ...u.session(`s${i}`), ttlMs: 60_000, data: i });
    await pipeline.exec();
    await lib.redis.del(u.session('s0').session);
    expect(await lib.scripts.session.destroyAll({ index: u.index })).toBe(2_499);
    expect(await lib.redis.keys(u.pattern)).toEqual([]);
  });

  it('destroyAll refuses an index without a hash tag or listing a foreign key, deleting nothing', async () => {
    const u = user();
    await expectCode(lib.scripts.session.destroyAll({ index: lib.key('sessions:untagged') }), 'KEY_LAYOUT');
    await lib.scripts.session.create({ ...u.session('a'), ttlMs: 60_000, data: 1 });
    const foreign = lib.key(`victim:${lib.unique()}`);
    await lib.redis.set(foreign, 'precious');
    await lib.redis.zadd(u.index, Date.now() + 60_000, foreign);
    await expectCode(lib.scripts.session.destroyAll({ index: u.index }), 'KEY_LAYOUT');
    expect(await lib.redis.get(foreign)).toBe('precious');
    expect(await lib.redis.exists(u.session('a').session, u.index)).toBe(2);
  });
});

describe('the session layout: a script touches only keys it can prove are its own', () => {
  /** Two tenants of one Redis, each behind its own ioredis keyPrefix (the scripts see prefixed names). */
  function tenants(): { t1: Redis; t2: Redis; close(): Promise<void> } {
    const t1 = new Redis(redisUrl(), { keyPrefix: 't1:', maxRetriesPerRequest: 1 });
    const t2 = new Redis(redisUrl(), { keyPrefix: 't2:', maxRetriesPerRequest: 1 });
    return { t1, t2, close: async () => void (await Promise.all([t1.quit(), t2.quit()])) };
  }

  // ioredis only: node-redis has no keyPrefix (a node-redis application prefixes keys itself, as any caller).
  (LIBRARY_CLIENT === 'ioredis' ? it : it.skip)("destroyAll refuses an index that lists another tenant's key (keyPrefix t1: vs t2:) and deletes nothing", async () => {
    const { t1, t2, close } = tenants();
    try {
      const user = `{u-${lib.unique()}}`;
      const mine = bindScripts(t1);
      await t2.set(`balance:${user}:vault`, '1000000');
      await mine.session.create({ session: `session:${user}:laptop`, index: `sessions:${user}`, ttlMs: 60_000, data: 1 });
      // t1 writes a sorted-set member naming t2's key into its own index, through another library script.
      await mine.leaderboard.updateScore({ board: `sessions:${user}`, player: `t2:balance:${user}:vault`, score: 1 });
      await expectCode(mine.session.destroyAll({ index: `sessions:${user}` }), 'KEY_LAYOUT');
      expect(await t2.get(`balance:${user}:vault`)).toBe('1000000');
      expect(await t1.exists(`session:${user}:laptop`)).toBe(1);
    } finally {
      await close();
    }
  });

  it('destroyAll refuses names that share the hash tag but not the layout or the prefix', async () => {
    const u = user();
    await lib.scripts.session.create({ ...u.session('a'), ttlMs: 60_000, data: 1 });
    const tag = u.index.slice(u.index.indexOf('{'));
    for (const planted of [lib.key(`balance:${tag}:vault`), `other:session:${tag}:x`, lib.key(`session:${tag}:`), lib.key(`sessions:${tag}`)]) {
      if (planted !== u.index) await lib.redis.set(planted, 'precious');
      await lib.redis.zadd(u.index, Date.now() + 60_000, planted);
      await expectCode(lib.scripts.session.destroyAll({ index: u.index }), 'KEY_LAYOUT');
      expect(await lib.redis.type(planted)).toBe(planted === u.index ? 'zset' : 'string');
      await lib.redis.zrem(u.index, planted);
      if (planted !== u.index) await lib.redis.del(planted);
    }
    expect(await lib.scripts.session.destroyAll({ index: u.index })).toBe(1);
  });

  it("get, update, create and destroy refuse a session key outside the index's user, so no user can block another's destroyAll", async () => {
    const alice = user();
    const bob = user();
    await lib.scripts.session.create({ ...alice.session('a'), ttlMs: 60_000, data: 'alice' });
    await lib.scripts.session.create({ ...bob.session('b'), ttlMs: 60_000, data: 'bob' });
    const crossed = { session: alice.session('a').session, index: bob.index };
    const before = await snapshot(lib.redis, lib.key('*'));
    await expectCode(lib.scripts.session.get(crossed), 'KEY_LAYOUT');
    await expectCode(lib.scripts.session.update({ ...crossed, data: 'x' }), 'KEY_LAYOUT');
    await expectCode(lib.scripts.session.destroy(crossed), 'KEY_LAYOUT');
    await expectCode(lib.scripts.session.create({ session: alice.session('new').session, index: bob.index, ttlMs: 1_000, data: 1 }), 'KEY_LAYOUT');
    await expectCode(lib.scripts.session.create({ session: lib.key(`sess:${bob.index.slice(bob.index.indexOf('{'))}:x`), index: bob.index, ttlMs: 1_000, data: 1 }), 'KEY_LAYOUT');
    expect(await snapshot(lib.redis, lib.key('*'))).toEqual(before);
    expect(await lib.scripts.session.destroyAll({ index: bob.index })).toBe(1);
  });

  it('accepts any prefix before the layout, a hash tag in it included, the same for both keys', async () => {
    const user = `{u-${lib.unique()}}`;
    for (const prefix of ['', lib.key(''), '{tenant}:', 'a:b:c:']) {
      const keys = { session: `${prefix}session:${user}:x`, index: `${prefix}sessions:${user}` };
      expect(await lib.scripts.session.create({ ...keys, ttlMs: 60_000, data: prefix })).toBe('OK');
      expect((await lib.scripts.session.get(keys))?.data).toBe(prefix);
      expect(await lib.scripts.session.destroyAll({ index: keys.index })).toBe(1);
    }
    await expectCode(lib.scripts.session.create({ session: `x{session:${user}:x`, index: `x{sessions:${user}`, ttlMs: 1_000, data: 1 }), 'KEY_LAYOUT');
  });
});

describe('an index of another type fails before any write', () => {
  it('create, get, update and destroy leave the session and the index as they were', async () => {
    const u = user();
    const keys = u.session('s1');
    await lib.scripts.session.create({ ...keys, ttlMs: 60_000, data: 1 });
    await lib.redis.del(keys.index);
    await lib.redis.set(keys.index, 'not an index');
    await lib.redis.hset(keys.session, 'accessed', '1');
    const before = await snapshot(lib.redis, u.pattern);
    await expect(lib.scripts.session.create({ ...u.session('s2'), ttlMs: 60_000, data: 2 })).rejects.toThrow(/WRONGTYPE/);
    await expect(lib.scripts.session.get(keys)).rejects.toThrow(/WRONGTYPE/);
    await expect(lib.scripts.session.update({ ...keys, data: 3 })).rejects.toThrow(/WRONGTYPE/);
    await expect(lib.scripts.session.destroy(keys)).rejects.toThrow(/WRONGTYPE/);
    expect(await snapshot(lib.redis, u.pattern)).toEqual(before);
  });
});

