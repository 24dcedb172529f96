import { ScriptArgumentError, scripts as specs } from '../../generated';
import { connectLibrary, evalRaw, expectCode, expectRawCode, snapshot, type LibraryClient } from './connect';

let lib: LibraryClient;
beforeAll(() => {
  lib = connectLibrary('ratelimit');
});
afterAll(() => lib.close());

function slidingKeys(): { log: string; seq: string } {
  const tag = lib.unique();
  return { log: lib.key(`sw:{${tag}}`), seq: lib.key(`sw:{${tag}}:seq`) };
}

async function waitUntilGone(key: string): Promise<void> {
  while ((await lib.redis.exists(key)) === 1) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('ratelimit.fixedWindow', () => {
  it('admits limit requests, then refuses without counting them', async () => {
    const counter = lib.key(`fw:${lib.unique()}`);
    const replies = [];
    for (let i = 0; i < 5; i++) replies.push(await lib.scripts.ratelimit.fixedWindow({ counter, limit: 3, windowMs: 60_000 }));
    expect(replies.map((r) => [r.allowed, r.count, r.remaining])).toEqual([
      [true, 1, 2],
      [true, 2, 1],
      [true, 3, 0],
      [false, 3, 0],
      [false, 3, 0],
    ]);
    for (const reply of replies) {
      expect(reply.resetMs).toBeGreaterThan(0);
      expect(reply.resetMs).toBeLessThanOrEqual(60_000);
    }
    expect(await lib.redis.get(counter)).toBe('3');
  });

  it('opens a new window once the previous one expired', async () => {
    const counter = lib.key(`fw:${lib.unique()}`);
    await lib.scripts.ratelimit.fixedWindow({ counter, limit: 1, windowMs: 300 });
    expect((await lib.scripts.ratelimit.fixedWindow({ counter, limit: 1, windowMs: 300 })).allowed).toBe(false);
    await waitUntilGone(counter);
    expect(await lib.scripts.ratelimit.fixedWindow({ counter, limit: 1, windowMs: 300 })).toMatchObject({ allowed: true, count: 1 });
  });

  it('repairs a counter that lost its TTL', async () => {
    const counter = lib.key(`fw:${lib.unique()}`);
    await lib.redis.set(counter, '1');
    const reply = await lib.scripts.ratelimit.fixedWindow({ counter, limit: 5, windowMs: 10_000 });
    expect(reply).toEqual({ allowed: true, count: 2, remaining: 3, resetMs: 10_000 });
    expect(await lib.redis.pttl(counter)).toBeGreaterThan(0);
  });

  it('gives a full counter that lost its TTL a window again instead of refusing forever', async () => {
    const counter = lib.key(`fw:${lib.unique()}`);
    await lib.redis.set(counter, '5');
    expect(await lib.scripts.ratelimit.fixedWindow({ counter, limit: 5, windowMs: 10_000 })).toEqual({ allowed: false, count: 5, remaining: 0, resetMs: 10_000 });
    expect(await lib.redis.pttl(counter)).toBeGreaterThan(0);
  });

  it('with limit 0 refuses everything and creates nothing', async () => {
    const counter = lib.key(`fw:${lib.unique()}`);
    expect(await lib.scripts.ratelimit.fixedWindow({ counter, limit: 0, windowMs: 1_000 })).toEqual({ allowed: false, count: 0, remaining: 0, resetMs: 0 });
    expect(await lib.redis.exists(counter)).toBe(0);
  });

  it('refuses bad arguments and a corrupt counter without writing', async () => {
    const counter = lib.key(`fw:${lib.unique()}`);
    await expectCode(lib.scripts.ratelimit.fixedWindow({ counter, limit: -1, windowMs: 1_000 }), 'INVALID_ARGUMENT');
    await expectCode(lib.scripts.ratelimit.fixedWindow({ counter, limit: 1, windowMs: 0 }), 'INVALID_ARGUMENT');
    await expect(lib.scripts.ratelimit.fixedWindow({ counter, limit: NaN, windowMs: 1_000 })).rejects.toThrow(ScriptArgumentError);
    for (const args of [['', '1000'], ['1', 'x'], ['1e3', '1000'], ['5'], ['1', '1'.repeat(40)]]) {
      await expectRawCode(evalRaw(lib.redis, specs['ratelimit.fixedWindow'], [counter], args), 'INVALID_ARGUMENT');
    }
    expect(await lib.redis.exists(counter)).toBe(0);
    await lib.redis.set(counter, 'garbage');
    await expectCode(lib.scripts.ratelimit.fixedWindow({ counter, limit: 1, windowMs: 1_000 }), 'NOT_INTEGER');
    expect(await lib.redis.get(counter)).toBe('garbage');
  });
});

describe('ratelimit.slidingWindow', () => {
  it('admits limit requests in the window, then reports when a slot frees', async () => {
    const keys = slidingKeys();
    const replies = [];
    for (let i = 0; i < 4; i++) replies.push(await lib.scripts.ratelimit.slidingWindow({ ...keys, limit: 3, windowMs: 60_000 }));
    expect(replies.map((r) => [r.allowed, r.count, r.remaining])).toEqual([
      [true, 1, 2],
      [true, 2, 1],
      [true, 3, 0],
      [false, 3, 0],
    ]);
    expect(replies[3].retryMs).toBeGreaterThan(0);
    expect(replies[3].retryMs).toBeLessThanOrEqual(60_000);
    expect(await lib.redis.zcard(keys.log)).toBe(3);
  });

  it('counts every request of a same-millisecond burst (one pipeline), never more than limit', async () => {
    const keys = slidingKeys();
    const pipeline = lib.batch();
    const queued = Array.from({ length: 40 }, () => lib.scripts.ratelimit.slidingWindow.queue(pipeline.target, { ...keys, limit: 25, windowMs: 60_000 }));
    const results = await pipeline.exec();
    const replies = queued.map((q) => q.read(results));
    expect(replies.filter((r) => r.allowed)).toHaveLength(25);
    expect(await lib.redis.zcard(keys.log)).toBe(25);
    const scores = await lib.redis.zrange(keys.log, 0, '-1', 'WITHSCORES');
    expect(scores).toHaveLength(50);
    const distinctMs = new Set(scores.filter((_, i) => i % 2 === 1).map((us) => Math.floor(Number(us) / 1000)));
    // The point of the test: several admitted requests shared a millisecond and were still each counted.
    expect(distinctMs.size).toBeLessThan(25);
  });

  it('admits again once old requests leave the window', async () => {
    const keys = slidingKeys();
    await lib.scripts.ratelimit.slidingWindow({ ...keys, limit: 2, windowMs: 30 });
    await lib.scripts.ratelimit.slidingWindow({ ...keys, limit: 2, windowMs: 30 });
    expect((await lib.scripts.ratelimit.slidingWindow({ ...keys, limit: 2, windowMs: 30 })).allowed).toBe(false);
    await waitUntilGone(keys.log);
    expect(await lib.scripts.ratelimit.slidingWindow({ ...keys, limit: 2, windowMs: 30 })).toMatchObject({ allowed: true, count: 1 });
  });

  it('uses the server clock: entries are scored by Redis TIME in microseconds', async () => {
    const keys = slidingKeys();
    const [secondsBefore] = await lib.redis.time();
    await lib.scripts.ratelimit.slidingWindow({ ...keys, limit: 1, windowMs: 60_000 });
    const [secondsAfter] = await lib.redis.time();
    const [, score] = await lib.redis.zrange(keys.log, 0, '0', 'WITHSCORES');
    const seconds = Math.floor(Number(score) / 1e6);
    expect(seconds).toBeGreaterThanOrEqual(Number(secondsBefore));
    expect(seconds).toBeLessThanOrEqual(Number(secondsAfter));
    expect(await lib.redis.pttl(keys.log)).toBeGreaterThan(0);
    expect(await lib.redis.pttl(keys.seq)).toBeGreaterThan(0);
  });

  it('with limit 0 refuses everything and creates nothing', async () => {
    const keys = slidingKeys();
    expect(await lib.scripts.ratelimit.slidingWindow({ ...keys, limit: 0, windowMs: 1_000 })).toEqual({ allowed: false, count: 0, remaining: 0, retryMs: 0 });
    expect(await lib.redis.exists(keys.log, keys.seq)).toBe(0);
  });

  it('refuses bad arguments without writing', async () => {
    const keys = slidingKeys();
    await lib.scripts.ratelimit.slidingWindow({ ...keys, limit: 5, windowMs: 60_000 });
    const before = await snapshot(lib.redis, `${keys.log}*`);
    await expectCode(lib.scripts.ratelimit.slidingWindow({ ...keys, limit: -1, windowMs: 1_000 }), 'INVALID_ARGUMENT');
    await expectCode(lib.scripts.ratelimit.slidingWindow({ ...keys, limit: 1, windowMs: 0 }), 'INVALID_ARGUMENT');
    await expectCode(lib.scripts.ratelimit.slidingWindow({ ...keys, limit: 1, windowMs: 1e13 }), 'INVALID_ARGUMENT');
    for (const args of [['', '1000'], ['1', '-5'], ['NaN', '1000'], ['1']]) {
      await expectRawCode(evalRaw(lib.redis, specs['ratelimit.slidingWindow'], [keys.log, keys.seq], args), 'INVALID_ARGUMENT');
    }
    expect(await snapshot(lib.redis, `${keys.log}*`)).toEqual(before);
  });
});
