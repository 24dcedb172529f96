/**
 * The library over RESP2 (ioredis 5; node-redis with `RESP: 2`), where the rest of the suite speaks RESP3 (ioredis
 * 6's default; the node-redis project's setting): the same decoded replies.
 */
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import type { Scripts } from '../../generated';
import { redisUrl } from './connect';
import { connectScripts, type ScriptsConnection } from './library-client';

let redis: Redis;
let bound: ScriptsConnection;
let scripts: Scripts;
const prefix = `luagen-test:resp2:${randomBytes(4).toString('hex')}:`;

beforeAll(() => {
  redis = new Redis(redisUrl());
  bound = connectScripts(redisUrl(), { resp: 2 });
  scripts = bound.scripts;
});
afterAll(() => Promise.all([redis.quit(), bound.close()]));

it('decodes booleans, optional trailing elements, floats, nested arrays and nulls', async () => {
  const tag = `{${prefix}}`;
  const lock = { lock: `lock:${tag}`, fence: `lock:${tag}:fence` };
  expect(await scripts.lock.acquire({ ...lock, owner: 'a', ttlMs: 10_000 })).toEqual({ acquired: true, ttlMs: 10_000, token: 1 });
  expect((await scripts.lock.acquire({ ...lock, owner: 'b', ttlMs: 10_000 })).token).toBeNull();
  expect(await scripts.lock.release({ lock: lock.lock, owner: 'b' })).toBe(false);
  expect(await scripts.basic.compareAndSet({ key: `cas:${tag}`, expected: 'x', value: 'y' })).toEqual({ applied: false, current: null });
  const board = `lb:${tag}`;
  await scripts.leaderboard.updateScore({ board, player: 'p', score: 1500.5 });
  expect(await scripts.leaderboard.top({ board, count: 5 })).toEqual([{ player: 'p', score: 1500.5, rank: 1 }]);
  expect(await scripts.leaderboard.playerStats({ board, player: 'q' })).toBeNull();
  expect(await scripts.atomic.cappedPush({ list: `l:${tag}`, cap: 1, items: ['a', 'b'] })).toEqual({ length: 1, removed: ['a'] });
  const session = { session: `session:${tag}:1`, index: `sessions:${tag}` };
  expect(await scripts.session.create({ ...session, ttlMs: 10_000, data: { a: [1, 'two'] } })).toBe('OK');
  expect((await scripts.session.get(session))?.data).toEqual({ a: [1, 'two'] });
  expect(await scripts.session.destroyAll({ index: session.index })).toBe(1);
  await redis.del(lock.lock, lock.fence, board, `l:${tag}`);
});
