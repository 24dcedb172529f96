import type Redis from 'ioredis';
import { CLIENT_MATRIX, sharedRedisUrl, uniquePrefix } from './clients';
import { loadFixtureClient, type FixtureClient, type LooseScript } from './fixture-client';

/** read() when exec() gave no results: the message must not claim what it cannot know. */
let fixture: FixtureClient;
beforeAll(async () => {
  fixture = await loadFixtureClient();
}, 60_000);

describe.each(CLIENT_MATRIX.map((combo) => [combo.name, combo] as const))('read() without results, %s', (_name, combo) => {
  const prefix = uniquePrefix('exec-null');
  let redis: Redis;
  let other: Redis;
  let incr: LooseScript;
  beforeAll(() => {
    redis = combo.standalone(sharedRedisUrl());
    other = combo.standalone(sharedRedisUrl());
    incr = fixture.bindScripts(redis).cache!.incr!;
  });
  afterAll(async () => {
    await Promise.all([redis?.quit(), other?.quit()]);
  });

  it('after a WATCH abort (exec() resolves to null) says the transaction was not applied', async () => {
    const counter = `${prefix}watched`;
    await redis.watch(counter);
    const multi = redis.multi();
    const queued = incr.queue(multi, { counter, by: 5 });
    await other.set(counter, '1');
    const results = await multi.exec();
    expect(results).toBeNull();
    const error = thrownBy(() => queued.read(results));
    expect(error).toBeInstanceOf(fixture.LuagenError as typeof Error);
    const message = error.message;
    expect(message).toContain('cache.incr: no results to read');
    expect(message).toContain('a WATCHed key changed: then the transaction was not applied');
    expect(message).not.toContain('awaited');
    expect(await other.get(counter)).toBe('1');
  });

  it('after a rejected exec() does not guess: it points at the rejection and at reading the data back', async () => {
    const counter = `${prefix}rejected`;
    const multi = redis.multi();
    const queued = incr.queue(multi, { counter, by: 5 });
    multi.call('NO-SUCH-COMMAND');
    const rejection = await multi.exec().then(
      () => undefined,
      (error: Error) => error,
    );
    expect(rejection?.message).toMatch(/EXECABORT/);
    expect(() => queued.read(null)).toThrow(/If exec\(\) was rejected, its error is the answer: .* may have run or not/);
    expect(() => queued.read(null)).not.toThrow(/awaited/);
  });
});

function thrownBy(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}
