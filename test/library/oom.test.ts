/**
 * The library when Redis is out of memory (maxmemory reached, noeviction), on a server this file starts
 * itself. A script that may add data starts with `#!lua`, so Redis refuses it before it runs (a script
 * without a shebang is only refused at its first denyoom command, and not at all once a write that is not
 * denyoom, such as a pruning ZREMRANGEBYSCORE or a PEXPIRE, ran before it). Scripts that only delete or
 * change TTLs declare `allow-oom` and keep working, which is when freeing memory matters.
 */
import Redis from 'ioredis';
import { ScriptError, type Scripts } from '../../generated';
import { startRedis, type RedisHandle } from '../support/redis-server';
import { snapshot } from './connect';
import { connectScripts, type ScriptsConnection } from './library-client';

let server: RedisHandle;
let redis: Redis;
let bound: ScriptsConnection;
let scripts: Scripts;

beforeAll(async () => {
  server = await startRedis({ dedicated: true });
  redis = new Redis(server.url, { maxRetriesPerRequest: 1 });
  bound = connectScripts(server.url);
  scripts = bound.scripts;
}, 60_000);

afterAll(async () => {
  await redis?.quit();
  await bound?.close();
  await server?.stop();
});

/** Runs `body` with maxmemory below the memory in use, so every denyoom command is refused. */
async function outOfMemory(body: () => Promise<void>): Promise<void> {
  await redis.config('SET', 'maxmemory-policy', 'noeviction');
  await redis.config('SET', 'maxmemory', '1');
  try {
    await body();
  } finally {
    await redis.config('SET', 'maxmemory', '0');
  }
}

async function expectOom(call: Promise<unknown>): Promise<void> {
  const error = await call.then(
    (value) => new Error(`expected an OOM refusal, got the reply ${JSON.stringify(value)}`),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ScriptError);
  expect((error as Error).message).toMatch(/: OOM command not allowed when used memory > 'maxmemory'\.$/);
}

it('slidingWindow neither admits nor writes (not even its pruning of expired entries)', async () => {
  const keys = { log: 'rl:{api}', seq: 'rl:{api}:seq' };
  expect((await scripts.ratelimit.slidingWindow({ ...keys, limit: 5, windowMs: 60_000 })).allowed).toBe(true);
  await redis.zadd(keys.log, 1, '1-0');
  const before = await snapshot(redis, 'rl:*');
  await outOfMemory(async () => {
    await expectOom(scripts.ratelimit.slidingWindow({ ...keys, limit: 5, windowMs: 60_000 }));
  });
  expect(await snapshot(redis, 'rl:*')).toEqual(before);
});

it('fixedWindow neither admits nor writes, also for a counter without a TTL (which it would repair first)', async () => {
  await redis.set('fw:{a}', '1');
  await outOfMemory(async () => {
    await expectOom(scripts.ratelimit.fixedWindow({ counter: 'fw:{a}', limit: 5, windowMs: 60_000 }));
  });
  expect(await redis.get('fw:{a}')).toBe('1');
  expect(await redis.pttl('fw:{a}')).toBe(-1);
});

it('every script that may add data is refused before it runs, leaving every key as it was', async () => {
  await redis.mset('bal:{b}:a', '100', 'c:{c}', '1', 'cas:{d}', 'x');
  await scripts.session.create({ session: 'session:{u}:s', index: 'sessions:{u}', ttlMs: 60_000, data: 1 });
  await scripts.lock.acquire({ lock: 'lock:{l}', fence: 'lock:{l}:fence', owner: 'me', ttlMs: 60_000 });
  const before = await snapshot(redis, '*');
  const calls: Array<() => Promise<unknown>> = [
    () => scripts.atomic.transfer({ from: 'bal:{b}:a', to: 'bal:{b}:b', amount: 1 }),
    () => scripts.atomic.cappedPush({ list: 'list:{e}', cap: 3, items: ['a'] }),
    () => scripts.basic.compareAndSet({ key: 'cas:{d}', expected: 'x', value: 'y' }),
    () => scripts.basic.increment({ counter: 'c:{c}', by: 1 }),
    () => scripts.counter.boundedIncrement({ counter: 'c:{c}', by: 1 }),
    () => scripts.hash.setFields({ hash: 'h:{f}', pairs: ['a', 'b'] }),
    () => scripts.leaderboard.updateScore({ board: 'lb:{g}', player: 'p', score: 1 }),
    () => scripts.lock.acquire({ lock: 'lock:{l}', fence: 'lock:{l}:fence', owner: 'me', ttlMs: 60_000 }),
    () => scripts.session.create({ session: 'session:{u}:t', index: 'sessions:{u}', ttlMs: 60_000, data: 2 }),
    () => scripts.session.get({ session: 'session:{u}:s', index: 'sessions:{u}' }),
    () => scripts.session.update({ session: 'session:{u}:s', index: 'sessions:{u}', data: 3 }),
  ];
  await outOfMemory(async () => {
    for (const call of calls) await expectOom(call());
  });
  expect(await snapshot(redis, '*')).toEqual(before);
});

it('scripts that only read, delete or change TTLs keep working', async () => {
  await redis.set('g:{h}', 'v');
  await scripts.leaderboard.updateScore({ board: 'lb:{i}', player: 'p', score: 2 });
  await scripts.lock.acquire({ lock: 'lock:{m}', fence: 'lock:{m}:fence', owner: 'me', ttlMs: 60_000 });
  await scripts.lock.acquire({ lock: 'lock:{n}', fence: 'lock:{n}:fence', owner: 'me', ttlMs: 60_000 });
  for (const id of ['a', 'b']) await scripts.session.create({ session: `session:{v}:${id}`, index: 'sessions:{v}', ttlMs: 60_000, data: id });
  await outOfMemory(async () => {
    expect(await scripts.basic.getAndExpire({ key: 'g:{h}', ttlMs: 60_000 })).toBe('v');
    expect(await scripts.leaderboard.playerStats({ board: 'lb:{i}', player: 'p' })).toEqual({ score: 2, rank: 1, total: 1 });
    expect(await scripts.leaderboard.top({ board: 'lb:{i}', count: 1 })).toEqual([{ player: 'p', score: 2, rank: 1 }]);
    expect(await scripts.lock.extend({ lock: 'lock:{m}', owner: 'me', ttlMs: 90_000 })).toEqual({ extended: true, ttlMs: 90_000 });
    expect(await scripts.lock.release({ lock: 'lock:{n}', owner: 'me' })).toBe(true);
    expect(await scripts.session.destroy({ session: 'session:{v}:a', index: 'sessions:{v}' })).toBe(true);
    expect(await scripts.session.destroyAll({ index: 'sessions:{v}' })).toBe(1);
  });
  expect(await redis.exists('lock:{n}', 'session:{v}:a', 'session:{v}:b', 'sessions:{v}')).toBe(0);
});
