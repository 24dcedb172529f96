import { scripts as specs } from '../../generated';
import { connectLibrary, evalRaw, expectCode, expectRawCode, type LibraryClient } from './connect';

let lib: LibraryClient;
beforeAll(() => {
  lib = connectLibrary('hash');
});
afterAll(() => lib.close());

describe('hash.setFields', () => {
  it('sets fields, counting the new ones and the total', async () => {
    const hash = lib.key(`h:${lib.unique()}`);
    expect(await lib.scripts.hash.setFields({ hash, pairs: ['a', '1', 'b', '2'] })).toEqual({ added: 2, fields: 2 });
    expect(await lib.scripts.hash.setFields({ hash, pairs: ['b', '3', 'c', ''] })).toEqual({ added: 1, fields: 3 });
    expect(await lib.redis.hgetall(hash)).toEqual({ a: '1', b: '3', c: '' });
  });

  it('sets 20,000 fields in one call (a single unpack of 40,000 values would fail)', async () => {
    const hash = lib.key(`h:${lib.unique()}`);
    const pairs = Array.from({ length: 20_000 }, (_, i) => [`field-${i}`, `value-${i}`]).flat();
    expect(await lib.scripts.hash.setFields({ hash, pairs })).toEqual({ added: 20_000, fields: 20_000 });
    expect(await lib.redis.hlen(hash)).toBe(20_000);
    expect(await lib.redis.hget(hash, 'field-19999')).toBe('value-19999');
  });

  it('keeps the last value of a field repeated within one call', async () => {
    const hash = lib.key(`h:${lib.unique()}`);
    expect(await lib.scripts.hash.setFields({ hash, pairs: ['a', '1', 'a', '2'] })).toEqual({ added: 1, fields: 1 });
    expect(await lib.redis.hget(hash, 'a')).toBe('2');
  });

  it('refuses no pairs and an odd number of values, writing nothing', async () => {
    const hash = lib.key(`h:${lib.unique()}`);
    await expectCode(lib.scripts.hash.setFields({ hash, pairs: [] }), 'INVALID_ARGUMENT');
    await expectCode(lib.scripts.hash.setFields({ hash, pairs: ['a', '1', 'b'] }), 'INVALID_ARGUMENT');
    const odd = Array.from({ length: 20_001 }, (_, i) => `v${i}`);
    await expectRawCode(evalRaw(lib.redis, specs['hash.setFields'], [hash], odd), 'INVALID_ARGUMENT');
    expect(await lib.redis.exists(hash)).toBe(0);
  });

  it('fails on a key of another type before writing', async () => {
    const hash = lib.key(`h:${lib.unique()}`);
    await lib.redis.rpush(hash, 'x');
    await expect(lib.scripts.hash.setFields({ hash, pairs: ['a', '1'] })).rejects.toThrow(/WRONGTYPE/);
    expect(await lib.redis.lrange(hash, 0, -1)).toEqual(['x']);
  });
});
