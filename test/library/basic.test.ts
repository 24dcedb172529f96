import { ScriptArgumentError, scripts as specs } from '../../generated';
import { connectLibrary, evalRaw, expectCode, expectRawCode, snapshot, type LibraryClient } from './connect';

let lib: LibraryClient;
beforeAll(() => {
  lib = connectLibrary('basic');
});
afterAll(() => lib.close());

describe('basic.increment', () => {
  it('adds to a missing key, then to the stored value', async () => {
    const key = lib.key(`inc:${lib.unique()}`);
    expect(await lib.scripts.basic.increment({ counter: key, by: 5 })).toEqual({ value: 5, ttlMs: -1 });
    expect(await lib.scripts.basic.increment({ counter: key, by: -7 })).toEqual({ value: -2, ttlMs: -1 });
    expect(await lib.scripts.basic.increment({ counter: key, by: 0 })).toEqual({ value: -2, ttlMs: -1 });
    expect(await lib.redis.get(key)).toBe('-2');
  });

  it("keeps the key's TTL (a GET + SET version would drop it)", async () => {
    const key = lib.key(`inc:${lib.unique()}`);
    await lib.redis.set(key, '10', 'PX', 60_000);
    const reply = await lib.scripts.basic.increment({ counter: key, by: 1 });
    expect(reply.value).toBe(11);
    expect(reply.ttlMs).toBeGreaterThan(0);
    expect(await lib.redis.pttl(key)).toBeGreaterThan(0);
  });

  it('sets ttlMs only on a key without a TTL', async () => {
    const key = lib.key(`inc:${lib.unique()}`);
    const first = await lib.scripts.basic.increment({ counter: key, by: 1, ttlMs: 50_000 });
    expect(first).toEqual({ value: 1, ttlMs: 50_000 });
    const second = await lib.scripts.basic.increment({ counter: key, by: 1, ttlMs: 900_000 });
    expect(second.ttlMs).toBeLessThanOrEqual(50_000);
    expect(await lib.redis.pttl(key)).toBeLessThanOrEqual(50_000);
  });

  it('works at the boundary of exact integers and refuses to pass it', async () => {
    const key = lib.key(`inc:${lib.unique()}`);
    const max = Number.MAX_SAFE_INTEGER;
    expect((await lib.scripts.basic.increment({ counter: key, by: max - 1 })).value).toBe(max - 1);
    // The reply for exactly 2^53-1 is not checked: ioredis 6 (RESP3) parses that integer as 2^53.
    await lib.scripts.basic.increment({ counter: key, by: 1 });
    expect(await lib.redis.get(key)).toBe(String(max));
    await expectCode(lib.scripts.basic.increment({ counter: key, by: 1 }), 'OUT_OF_RANGE');
    expect(await lib.redis.get(key)).toBe(String(max));
    await lib.redis.set(key, String(-max));
    await expectCode(lib.scripts.basic.increment({ counter: key, by: -1 }), 'OUT_OF_RANGE');
    expect(await lib.redis.get(key)).toBe(String(-max));
  });

  it('refuses a key that does not hold an integer, writing nothing', async () => {
    const key = lib.key(`inc:${lib.unique()}`);
    await lib.redis.set(key, '1.5');
    await expectCode(lib.scripts.basic.increment({ counter: key, by: 1 }), 'NOT_INTEGER');
    expect(await lib.redis.get(key)).toBe('1.5');
  });

  it('refuses bad arguments in the client and in the script', async () => {
    const key = lib.key(`inc:${lib.unique()}`);
    await expect(lib.scripts.basic.increment({ counter: key, by: NaN })).rejects.toThrow(ScriptArgumentError);
    await expect(lib.scripts.basic.increment({ counter: key, by: 1.5 })).rejects.toThrow(ScriptArgumentError);
    await expect(lib.scripts.basic.increment({ counter: key, by: 1e300 })).rejects.toThrow(ScriptArgumentError);
    await expectCode(lib.scripts.basic.increment({ counter: key, by: 1, ttlMs: 0 }), 'INVALID_ARGUMENT');
    await expectCode(lib.scripts.basic.increment({ counter: key, by: 1, ttlMs: -5 }), 'INVALID_ARGUMENT');
    for (const by of ['', 'abc', '1.5', '0x10', ' 1', 'nan', 'inf', '99999999999999999999']) {
      await expectRawCode(evalRaw(lib.redis, specs['basic.increment'], [key], [by]), 'INVALID_ARGUMENT');
    }
    await expectRawCode(evalRaw(lib.redis, specs['basic.increment'], [key], []), 'INVALID_ARGUMENT');
    expect(await lib.redis.exists(key)).toBe(0);
  });
});

describe('basic.compareAndSet', () => {
  it('sets only when the current value matches', async () => {
    const key = lib.key(`cas:${lib.unique()}`);
    await lib.redis.set(key, 'v1');
    expect(await lib.scripts.basic.compareAndSet({ key, expected: 'v0', value: 'v2' })).toEqual({ applied: false, current: 'v1' });
    expect(await lib.scripts.basic.compareAndSet({ key, expected: 'v1', value: 'v2' })).toEqual({ applied: true, current: 'v2' });
    expect(await lib.redis.get(key)).toBe('v2');
  });

  it('never matches a missing key, even with an empty expected value', async () => {
    const key = lib.key(`cas:${lib.unique()}`);
    expect(await lib.scripts.basic.compareAndSet({ key, expected: '', value: 'x' })).toEqual({ applied: false, current: null });
    expect(await lib.redis.exists(key)).toBe(0);
  });

  it('handles empty strings as values', async () => {
    const key = lib.key(`cas:${lib.unique()}`);
    await lib.redis.set(key, '');
    expect(await lib.scripts.basic.compareAndSet({ key, expected: '', value: '' })).toEqual({ applied: true, current: '' });
  });

  it('keeps the TTL by default and replaces it when ttlMs is given', async () => {
    const key = lib.key(`cas:${lib.unique()}`);
    await lib.redis.set(key, 'a', 'PX', 60_000);
    await lib.scripts.basic.compareAndSet({ key, expected: 'a', value: 'b' });
    expect(await lib.redis.pttl(key)).toBeGreaterThan(0);
    await lib.scripts.basic.compareAndSet({ key, expected: 'b', value: 'c', ttlMs: 5_000 });
    expect(await lib.redis.pttl(key)).toBeLessThanOrEqual(5_000);
  });

  it('refuses bad arguments without writing', async () => {
    const key = lib.key(`cas:${lib.unique()}`);
    await lib.redis.set(key, 'a');
    await expectCode(lib.scripts.basic.compareAndSet({ key, expected: 'a', value: 'b', ttlMs: 0 }), 'INVALID_ARGUMENT');
    await expectRawCode(evalRaw(lib.redis, specs['basic.compareAndSet'], [key], ['a']), 'INVALID_ARGUMENT');
    await expectRawCode(evalRaw(lib.redis, specs['basic.compareAndSet'], [key], ['a', 'b', 'NaN']), 'INVALID_ARGUMENT');
    expect(await lib.redis.get(key)).toBe('a');
  });

  it('stores a large value intact', async () => {
    const key = lib.key(`cas:${lib.unique()}`);
    const big = 'x'.repeat(1_000_000);
    await lib.redis.set(key, 'a');
    expect((await lib.scripts.basic.compareAndSet({ key, expected: 'a', value: big })).applied).toBe(true);
    expect(await lib.redis.strlen(key)).toBe(big.length);
  });
});

describe('basic.getAndExpire', () => {
  it('returns the value and sets the TTL', async () => {
    const key = lib.key(`gex:${lib.unique()}`);
    await lib.redis.set(key, 'hello');
    expect(await lib.scripts.basic.getAndExpire({ key, ttlMs: 30_000 })).toBe('hello');
    const ttl = await lib.redis.pttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(30_000);
  });

  it('returns null for a missing key and creates nothing', async () => {
    const key = lib.key(`gex:${lib.unique()}`);
    expect(await lib.scripts.basic.getAndExpire({ key, ttlMs: 1_000 })).toBeNull();
    expect(await lib.redis.exists(key)).toBe(0);
  });

  it('lets the key expire after ttlMs', async () => {
    const key = lib.key(`gex:${lib.unique()}`);
    await lib.redis.set(key, 'short');
    await lib.scripts.basic.getAndExpire({ key, ttlMs: 20 });
    await waitUntilGone(key);
    expect(await lib.scripts.basic.getAndExpire({ key, ttlMs: 1_000 })).toBeNull();
  });

  it('refuses a zero, negative or non-integer TTL and keeps the key as it was', async () => {
    const key = lib.key(`gex:${lib.unique()}`);
    await lib.redis.set(key, 'v');
    const before = await snapshot(lib.redis, key);
    for (const ttlMs of [0, -1]) await expectCode(lib.scripts.basic.getAndExpire({ key, ttlMs }), 'INVALID_ARGUMENT');
    await expect(lib.scripts.basic.getAndExpire({ key, ttlMs: 0.5 })).rejects.toThrow(ScriptArgumentError);
    await expectRawCode(evalRaw(lib.redis, specs['basic.getAndExpire'], [key], ['']), 'INVALID_ARGUMENT');
    expect(await snapshot(lib.redis, key)).toEqual(before);
    expect(await lib.redis.pttl(key)).toBe(-1);
  });
});

async function waitUntilGone(key: string): Promise<void> {
  while ((await lib.redis.exists(key)) === 1) await new Promise((resolve) => setTimeout(resolve, 5));
}
