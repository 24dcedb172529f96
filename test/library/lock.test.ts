import { scripts as specs } from '../../generated';
import { connectLibrary, evalRaw, expectCode, expectRawCode, snapshot, type LibraryClient } from './connect';

let lib: LibraryClient;
beforeAll(() => {
  lib = connectLibrary('lock');
});
afterAll(() => lib.close());

function lockKeys(): { lock: string; fence: string } {
  const tag = lib.unique();
  return { lock: lib.key(`lock:{${tag}}`), fence: lib.key(`lock:{${tag}}:fence`) };
}

async function waitUntilGone(key: string): Promise<void> {
  while ((await lib.redis.exists(key)) === 1) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('lock.acquire', () => {
  it('refuses a fresh acquisition once the fence reached 2^53-1, writing nothing', async () => {
    const keys = lockKeys();
    await lib.redis.set(keys.fence, String(Number.MAX_SAFE_INTEGER));
    await expectCode(lib.scripts.lock.acquire({ ...keys, owner: 'a', ttlMs: 10_000 }), 'OUT_OF_RANGE');
    expect(await lib.redis.get(keys.fence)).toBe(String(Number.MAX_SAFE_INTEGER));
    expect(await lib.redis.exists(keys.lock)).toBe(0);
  });

  it('grants a free lock with a fencing token and refuses another owner', async () => {
    const keys = lockKeys();
    expect(await lib.scripts.lock.acquire({ ...keys, owner: 'a', ttlMs: 10_000 })).toEqual({ acquired: true, ttlMs: 10_000, token: 1 });
    const refused = await lib.scripts.lock.acquire({ ...keys, owner: 'b', ttlMs: 10_000 });
    expect(refused.acquired).toBe(false);
    expect(refused.token).toBeNull();
    expect(refused.ttlMs).toBeGreaterThan(0);
    expect(refused.ttlMs).toBeLessThanOrEqual(10_000);
    expect(await lib.redis.get(keys.lock)).toBe('a');
  });

  it('lets the same owner re-acquire: extends the TTL and keeps its token', async () => {
    const keys = lockKeys();
    await lib.scripts.lock.acquire({ ...keys, owner: 'a', ttlMs: 1_000 });
    expect(await lib.scripts.lock.acquire({ ...keys, owner: 'a', ttlMs: 50_000 })).toEqual({ acquired: true, ttlMs: 50_000, token: 1 });
    expect(await lib.redis.pttl(keys.lock)).toBeGreaterThan(1_000);
  });

  it('issues strictly increasing tokens across holders, also after expiry', async () => {
    const keys = lockKeys();
    const first = await lib.scripts.lock.acquire({ ...keys, owner: 'a', ttlMs: 20 });
    await waitUntilGone(keys.lock);
    const second = await lib.scripts.lock.acquire({ ...keys, owner: 'b', ttlMs: 10_000 });
    await lib.scripts.lock.release({ lock: keys.lock, owner: 'b' });
    const third = await lib.scripts.lock.acquire({ ...keys, owner: 'a', ttlMs: 10_000 });
    expect([first.token, second.token, third.token]).toEqual([1, 2, 3]);
  });

  it('refuses an empty owner, a zero or negative TTL and a corrupt fence, without writing', async () => {
    const keys = lockKeys();
    await expectCode(lib.scripts.lock.acquire({ ...keys, owner: '', ttlMs: 1_000 }), 'INVALID_ARGUMENT');
    await expectCode(lib.scripts.lock.acquire({ ...keys, owner: 'a', ttlMs: 0 }), 'INVALID_ARGUMENT');
    await expectCode(lib.scripts.lock.acquire({ ...keys, owner: 'a', ttlMs: -10 }), 'INVALID_ARGUMENT');
    for (const args of [['a'], ['a', 'NaN'], ['a', '1.5'], []]) {
      await expectRawCode(evalRaw(lib.redis, specs['lock.acquire'], [keys.lock, keys.fence], args), 'INVALID_ARGUMENT');
    }
    expect(await lib.redis.exists(keys.lock, keys.fence)).toBe(0);
    await lib.redis.set(keys.fence, 'x');
    await expectCode(lib.scripts.lock.acquire({ ...keys, owner: 'a', ttlMs: 1_000 }), 'NOT_INTEGER');
    expect(await lib.redis.exists(keys.lock)).toBe(0);
  });
});

describe('lock.release', () => {
  it('releases only for the owner', async () => {
    const keys = lockKeys();
    await lib.scripts.lock.acquire({ ...keys, owner: 'a', ttlMs: 10_000 });
    expect(await lib.scripts.lock.release({ lock: keys.lock, owner: 'b' })).toBe(false);
    expect(await lib.redis.get(keys.lock)).toBe('a');
    expect(await lib.scripts.lock.release({ lock: keys.lock, owner: 'a' })).toBe(true);
    expect(await lib.redis.exists(keys.lock)).toBe(0);
    expect(await lib.scripts.lock.release({ lock: keys.lock, owner: 'a' })).toBe(false);
  });

  it("cannot delete a newer owner's lock after its own lease expired", async () => {
    const keys = lockKeys();
    await lib.scripts.lock.acquire({ ...keys, owner: 'a', ttlMs: 20 });
    await waitUntilGone(keys.lock);
    await lib.scripts.lock.acquire({ ...keys, owner: 'b', ttlMs: 10_000 });
    expect(await lib.scripts.lock.release({ lock: keys.lock, owner: 'a' })).toBe(false);
    expect(await lib.redis.get(keys.lock)).toBe('b');
  });

  it('refuses an empty owner', async () => {
    const keys = lockKeys();
    await lib.scripts.lock.acquire({ ...keys, owner: 'a', ttlMs: 10_000 });
    await expectCode(lib.scripts.lock.release({ lock: keys.lock, owner: '' }), 'INVALID_ARGUMENT');
    await expectRawCode(evalRaw(lib.redis, specs['lock.release'], [keys.lock], []), 'INVALID_ARGUMENT');
    expect(await lib.redis.get(keys.lock)).toBe('a');
  });
});

describe('lock.extend', () => {
  it('extends only for the owner', async () => {
    const keys = lockKeys();
    await lib.scripts.lock.acquire({ ...keys, owner: 'a', ttlMs: 1_000 });
    const refused = await lib.scripts.lock.extend({ lock: keys.lock, owner: 'b', ttlMs: 60_000 });
    expect(refused.extended).toBe(false);
    expect(refused.ttlMs).toBeLessThanOrEqual(1_000);
    expect(await lib.scripts.lock.extend({ lock: keys.lock, owner: 'a', ttlMs: 60_000 })).toEqual({ extended: true, ttlMs: 60_000 });
    expect(await lib.redis.pttl(keys.lock)).toBeGreaterThan(1_000);
  });

  it('does not re-create a lock that expired', async () => {
    const keys = lockKeys();
    await lib.scripts.lock.acquire({ ...keys, owner: 'a', ttlMs: 20 });
    await waitUntilGone(keys.lock);
    expect(await lib.scripts.lock.extend({ lock: keys.lock, owner: 'a', ttlMs: 60_000 })).toEqual({ extended: false, ttlMs: -2 });
    expect(await lib.redis.exists(keys.lock)).toBe(0);
  });

  it('refuses a bad TTL without touching the lock', async () => {
    const keys = lockKeys();
    await lib.scripts.lock.acquire({ ...keys, owner: 'a', ttlMs: 30_000 });
    const before = await snapshot(lib.redis, keys.lock);
    await expectCode(lib.scripts.lock.extend({ lock: keys.lock, owner: 'a', ttlMs: 0 }), 'INVALID_ARGUMENT');
    await expectRawCode(evalRaw(lib.redis, specs['lock.extend'], [keys.lock], ['a', 'soon']), 'INVALID_ARGUMENT');
    expect(await snapshot(lib.redis, keys.lock)).toEqual(before);
    expect(await lib.redis.pttl(keys.lock)).toBeLessThanOrEqual(30_000);
  });
});
