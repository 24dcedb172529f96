import { ScriptArgumentError, scripts as specs } from '../../generated';
import { connectLibrary, evalRaw, expectCode, expectRawCode, snapshot, type LibraryClient } from './connect';

let lib: LibraryClient;
beforeAll(() => {
  lib = connectLibrary('atomic');
});
afterAll(() => lib.close());

function accounts(): { from: string; to: string; pattern: string } {
  const tag = lib.unique();
  return { from: lib.key(`bal:{${tag}}:alice`), to: lib.key(`bal:{${tag}}:bob`), pattern: lib.key(`bal:{${tag}}:*`) };
}

describe('atomic.transfer', () => {
  it('moves the amount and returns both balances', async () => {
    const { from, to } = accounts();
    await lib.redis.mset(from, '100', to, '5');
    expect(await lib.scripts.atomic.transfer({ from, to, amount: 30 })).toEqual({ from: 70, to: 35 });
    expect(await lib.redis.mget(from, to)).toEqual(['70', '35']);
  });

  it('can empty the source exactly, and credits a missing target from 0', async () => {
    const { from, to } = accounts();
    await lib.redis.set(from, '10');
    expect(await lib.scripts.atomic.transfer({ from, to, amount: 10 })).toEqual({ from: 0, to: 10 });
  });

  it('refuses insufficient funds, a missing source and a transfer to itself, writing nothing', async () => {
    const { from, to, pattern } = accounts();
    await expectCode(lib.scripts.atomic.transfer({ from, to, amount: 1 }), 'SOURCE_MISSING');
    expect(await lib.redis.exists(from, to)).toBe(0);
    await lib.redis.mset(from, '10', to, '0');
    const before = await snapshot(lib.redis, pattern);
    const error = await expectCode(lib.scripts.atomic.transfer({ from, to, amount: 11 }), 'INSUFFICIENT_FUNDS');
    expect(error.detail).toContain('10');
    await expectCode(lib.scripts.atomic.transfer({ from, to: from, amount: 1 }), 'SAME_ACCOUNT');
    expect(await snapshot(lib.redis, pattern)).toEqual(before);
  });

  it('never moves money backwards: zero, negative, fractional and huge amounts are refused', async () => {
    const { from, to, pattern } = accounts();
    await lib.redis.mset(from, '10', to, '10');
    const before = await snapshot(lib.redis, pattern);
    await expectCode(lib.scripts.atomic.transfer({ from, to, amount: 0 }), 'INVALID_ARGUMENT');
    await expectCode(lib.scripts.atomic.transfer({ from, to, amount: -5 }), 'INVALID_ARGUMENT');
    await expect(lib.scripts.atomic.transfer({ from, to, amount: 1.5 })).rejects.toThrow(ScriptArgumentError);
    await expect(lib.scripts.atomic.transfer({ from, to, amount: NaN })).rejects.toThrow(ScriptArgumentError);
    for (const amount of ['-5', '0', '', '1.5', '5abc', 'inf', '1e3', '9'.repeat(25)]) {
      await expectRawCode(evalRaw(lib.redis, specs['atomic.transfer'], [from, to], [amount]), 'INVALID_ARGUMENT');
    }
    expect(await snapshot(lib.redis, pattern)).toEqual(before);
  });

  it('refuses a balance that is not an integer, and a credit past 2^53-1', async () => {
    const { from, to, pattern } = accounts();
    await lib.redis.mset(from, '10', to, '1.5');
    await expectCode(lib.scripts.atomic.transfer({ from, to, amount: 1 }), 'NOT_INTEGER');
    await lib.redis.mset(from, '10', to, String(Number.MAX_SAFE_INTEGER - 5));
    const before = await snapshot(lib.redis, pattern);
    await expectCode(lib.scripts.atomic.transfer({ from, to, amount: 6 }), 'OUT_OF_RANGE');
    expect(await snapshot(lib.redis, pattern)).toEqual(before);
  });
});

describe('atomic.cappedPush', () => {
  it('appends in order and reports nothing removed below the cap', async () => {
    const list = lib.key(`cl:${lib.unique()}`);
    expect(await lib.scripts.atomic.cappedPush({ list, cap: 5, items: ['a', 'b'] })).toEqual({ length: 2, removed: [] });
    expect(await lib.scripts.atomic.cappedPush({ list, cap: 5, items: ['c', 'd', 'e'] })).toEqual({ length: 5, removed: [] });
    expect(await lib.redis.lrange(list, 0, -1)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('trims the oldest items and returns them, oldest first', async () => {
    const list = lib.key(`cl:${lib.unique()}`);
    await lib.scripts.atomic.cappedPush({ list, cap: 3, items: ['a', 'b', 'c'] });
    expect(await lib.scripts.atomic.cappedPush({ list, cap: 3, items: ['d', 'e'] })).toEqual({ length: 3, removed: ['a', 'b'] });
    expect(await lib.redis.lrange(list, 0, -1)).toEqual(['c', 'd', 'e']);
  });

  it('with cap 1 keeps the last item of a push larger than the cap', async () => {
    const list = lib.key(`cl:${lib.unique()}`);
    expect(await lib.scripts.atomic.cappedPush({ list, cap: 1, items: ['x', 'y', 'z'] })).toEqual({ length: 1, removed: ['x', 'y'] });
    expect(await lib.redis.lrange(list, 0, -1)).toEqual(['z']);
  });

  it('pushes 20,000 items in one call (chunked RPUSH), empty strings included', async () => {
    const list = lib.key(`cl:${lib.unique()}`);
    const items = Array.from({ length: 20_000 }, (_, i) => (i % 1000 === 0 ? '' : `item-${i}`));
    const reply = await lib.scripts.atomic.cappedPush({ list, cap: 15_000, items });
    expect(reply.length).toBe(15_000);
    expect(reply.removed).toEqual(items.slice(0, 5_000));
    expect(await lib.redis.lrange(list, 0, -1)).toEqual(items.slice(5_000));
  });

  it('refuses cap 0, a negative cap and no items, writing nothing', async () => {
    const list = lib.key(`cl:${lib.unique()}`);
    await expectCode(lib.scripts.atomic.cappedPush({ list, cap: 0, items: ['a'] }), 'INVALID_ARGUMENT');
    await expectCode(lib.scripts.atomic.cappedPush({ list, cap: -1, items: ['a'] }), 'INVALID_ARGUMENT');
    await expectCode(lib.scripts.atomic.cappedPush({ list, cap: 3, items: [] }), 'INVALID_ARGUMENT');
    for (const args of [['x', 'a'], ['', 'a'], ['2.5', 'a']]) {
      await expectRawCode(evalRaw(lib.redis, specs['atomic.cappedPush'], [list], args), 'INVALID_ARGUMENT');
    }
    expect(await lib.redis.exists(list)).toBe(0);
  });

  it('fails on a key of another type before writing', async () => {
    const list = lib.key(`cl:${lib.unique()}`);
    await lib.redis.set(list, 'not a list');
    await expect(lib.scripts.atomic.cappedPush({ list, cap: 3, items: ['a'] })).rejects.toThrow(/WRONGTYPE/);
    expect(await lib.redis.get(list)).toBe('not a list');
  });
});
