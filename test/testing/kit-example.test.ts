// The example of docs/testing.md ("The testing kit"), with the two imports pointing into this repository:
// in a project they read `from 'luagen/testing'` and `from './generated'`.
import { startTestRedis, type TestRedis } from '../../testing';
import { bindScripts, LockAcquireError } from '../../generated';

let redis: TestRedis;
beforeAll(async () => {
  redis = await startTestRedis(); // REDIS_URL, else redis-server on a free port, else testcontainers
});
afterAll(() => redis.stop()); // deletes every key space; stops the server it started

test('a second owner cannot take a held lock', async () => {
  const space = await redis.keySpace(); // keys of this test only: test:{<unique>}:...
  const scripts = space.bind(bindScripts);
  const first = await scripts.lock.acquire({ lock: 'lock:{orders}', fence: 'lock:{orders}:fence', owner: 'a', ttlMs: 10_000 });
  expect(first.acquired).toBe(true);
  const second = await scripts.lock.acquire({ lock: 'lock:{orders}', fence: 'lock:{orders}:fence', owner: 'b', ttlMs: 10_000 });
  expect(second.acquired).toBe(false);
  expect(await space.client.get('lock:{orders}')).toBe('a'); // the client reads inside the same key space
});

test('an empty owner is refused with a typed error, and nothing is written', async () => {
  const space = await redis.keySpace();
  const scripts = space.bind(bindScripts);
  const call = scripts.lock.acquire({ lock: 'lock:{orders}', fence: 'lock:{orders}:fence', owner: '', ttlMs: 10_000 });
  await expect(call).rejects.toBeInstanceOf(LockAcquireError);
  await expect(call).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  expect(await space.keys()).toEqual([]);
});
