import { ScriptArgumentError, scripts as specs } from '../../generated';
import { connectLibrary, evalRaw, expectCode, expectRawCode, type LibraryClient } from './connect';

let lib: LibraryClient;
beforeAll(() => {
  lib = connectLibrary('counter');
});
afterAll(() => lib.close());

describe('counter.boundedIncrement', () => {
  it('adds up to the maximum, inclusive, then refuses and reports the unchanged value', async () => {
    const counter = lib.key(`bi:${lib.unique()}`);
    const replies = [];
    for (const by of [4, 5, 1, 1]) replies.push(await lib.scripts.counter.boundedIncrement({ counter, by, max: 10 }));
    expect(replies).toEqual([
      { applied: true, value: 4 },
      { applied: true, value: 9 },
      { applied: true, value: 10 },
      { applied: false, value: 10 },
    ]);
    expect(await lib.redis.get(counter)).toBe('10');
  });

  it('refuses a step that would jump past the maximum even if a smaller one fits', async () => {
    const counter = lib.key(`bi:${lib.unique()}`);
    await lib.redis.set(counter, '8');
    expect(await lib.scripts.counter.boundedIncrement({ counter, by: 3, max: 10 })).toEqual({ applied: false, value: 8 });
    expect(await lib.scripts.counter.boundedIncrement({ counter, by: 2, max: 10 })).toEqual({ applied: true, value: 10 });
  });

  it('with max 0 on a missing key refuses and creates nothing', async () => {
    const counter = lib.key(`bi:${lib.unique()}`);
    expect(await lib.scripts.counter.boundedIncrement({ counter, by: 1, max: 0 })).toEqual({ applied: false, value: 0 });
    expect(await lib.redis.exists(counter)).toBe(0);
  });

  it('without a maximum adds freely, keeps the TTL, and stops at 2^53-1', async () => {
    const counter = lib.key(`bi:${lib.unique()}`);
    await lib.redis.set(counter, String(Number.MAX_SAFE_INTEGER - 3), 'PX', 60_000);
    expect(await lib.scripts.counter.boundedIncrement({ counter, by: 2 })).toEqual({ applied: true, value: Number.MAX_SAFE_INTEGER - 1 });
    expect(await lib.redis.pttl(counter)).toBeGreaterThan(0);
    await expectCode(lib.scripts.counter.boundedIncrement({ counter, by: 2 }), 'OUT_OF_RANGE');
    expect(await lib.redis.get(counter)).toBe(String(Number.MAX_SAFE_INTEGER - 1));
  });

  it('refuses zero, negative, NaN and huge steps, and a corrupt counter, without writing', async () => {
    const counter = lib.key(`bi:${lib.unique()}`);
    await expectCode(lib.scripts.counter.boundedIncrement({ counter, by: 0 }), 'INVALID_ARGUMENT');
    await expectCode(lib.scripts.counter.boundedIncrement({ counter, by: -1, max: 10 }), 'INVALID_ARGUMENT');
    await expect(lib.scripts.counter.boundedIncrement({ counter, by: NaN })).rejects.toThrow(ScriptArgumentError);
    for (const args of [['1e2'], [''], ['1', 'ten'], ['1', ''], ['9'.repeat(30)]]) {
      await expectRawCode(evalRaw(lib.redis, specs['counter.boundedIncrement'], [counter], args), 'INVALID_ARGUMENT');
    }
    expect(await lib.redis.exists(counter)).toBe(0);
    await lib.redis.set(counter, 'seven');
    await expectCode(lib.scripts.counter.boundedIncrement({ counter, by: 1, max: 10 }), 'NOT_INTEGER');
    expect(await lib.redis.get(counter)).toBe('seven');
  });
});
