/**
 * A walk through the script library as an application would use it: rate limiting, a lock, a money
 * transfer, a leaderboard and sessions. Runs against REDIS_URL, or a redis-server it starts and stops.
 * Run with `npm run demo`.
 */
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { bindScripts, ScriptCodeError, type Scripts } from '../generated';
import { demoServer } from './server';

const prefix = `luagen-demo:${randomBytes(3).toString('hex')}:`;

/** Runs one call, printing what it was and what it returned (or the typed error it raised). */
async function show(label: string, call: () => Promise<unknown>): Promise<void> {
  try {
    console.log(`  ${label}\n    -> ${JSON.stringify(await call())}`);
  } catch (error) {
    if (!(error instanceof ScriptCodeError)) throw error;
    console.log(`  ${label}\n    -> ${error.name} ${error.code}: ${error.detail}`);
  }
}

async function rateLimiting(scripts: Scripts): Promise<void> {
  console.log('\nRate limiting: 5 requests at once against a limit of 3 per second');
  const log = `${prefix}rl:{api-key-1}`;
  const seq = `${prefix}rl:{api-key-1}:seq`;
  const burst = await Promise.all(Array.from({ length: 5 }, () => scripts.ratelimit.slidingWindow({ log, seq, limit: 3, windowMs: 1_000 })));
  burst.forEach((reply, i) => console.log(`  slidingWindow request ${i + 1}\n    -> ${JSON.stringify(reply)}`));
  const counter = `${prefix}fw:{api-key-1}`;
  await show('fixedWindow(limit 2, windowMs 60000)', () => scripts.ratelimit.fixedWindow({ counter, limit: 2, windowMs: 60_000 }));
}

async function locking(scripts: Scripts): Promise<void> {
  console.log('\nLock: two workers compete for the nightly report');
  const lock = `${prefix}lock:{report}`;
  const fence = `${prefix}lock:{report}:fence`;
  await show("acquire(owner 'worker-a', ttlMs 5000)", () => scripts.lock.acquire({ lock, fence, owner: 'worker-a', ttlMs: 5_000 }));
  await show("acquire(owner 'worker-b')", () => scripts.lock.acquire({ lock, fence, owner: 'worker-b', ttlMs: 5_000 }));
  await show("extend(owner 'worker-a', ttlMs 10000)", () => scripts.lock.extend({ lock, owner: 'worker-a', ttlMs: 10_000 }));
  await show("release(owner 'worker-b')  (not the owner)", () => scripts.lock.release({ lock, owner: 'worker-b' }));
  await show("release(owner 'worker-a')", () => scripts.lock.release({ lock, owner: 'worker-a' }));
  await show("acquire(owner 'worker-b')  (a new fencing token)", () => scripts.lock.acquire({ lock, fence, owner: 'worker-b', ttlMs: 5_000 }));
}

async function transfers(redis: Redis, scripts: Scripts): Promise<void> {
  console.log('\nTransfer: alice has 100, bob has 20');
  const alice = `${prefix}balance:{bank}:alice`;
  const bob = `${prefix}balance:{bank}:bob`;
  await redis.mset(alice, '100', bob, '20');
  await show('transfer(alice -> bob, 30)', () => scripts.atomic.transfer({ from: alice, to: bob, amount: 30 }));
  await show('transfer(alice -> bob, 500)', () => scripts.atomic.transfer({ from: alice, to: bob, amount: 500 }));
  await show('transfer(alice -> bob, -50)  (would move money backwards)', () => scripts.atomic.transfer({ from: alice, to: bob, amount: -50 }));
  await show('transfer(alice -> alice, 1)', () => scripts.atomic.transfer({ from: alice, to: alice, amount: 1 }));
}

async function leaderboard(scripts: Scripts): Promise<void> {
  console.log('\nLeaderboard: float scores keep their precision');
  const board = `${prefix}board:{season-1}`;
  await show("updateScore('ann', 1500.5)", () => scripts.leaderboard.updateScore({ board, player: 'ann', score: 1500.5 }));
  await show("updateScore('bob', 1499.75)", () => scripts.leaderboard.updateScore({ board, player: 'bob', score: 1499.75 }));
  await show("updateScore('bob', +2.5, 'increment')", () => scripts.leaderboard.updateScore({ board, player: 'bob', score: 2.5, mode: 'increment' }));
  await show("playerStats('ann')", () => scripts.leaderboard.playerStats({ board, player: 'ann' }));
  await show("playerStats('nobody')", () => scripts.leaderboard.playerStats({ board, player: 'nobody' }));
  await show('top(10)', () => scripts.leaderboard.top({ board, count: 10 }));
}

async function sessions(scripts: Scripts): Promise<void> {
  console.log('\nSessions: all keys of user 42 share the {user42} hash tag');
  const index = `${prefix}sessions:{user42}`;
  const laptop = { session: `${prefix}session:{user42}:laptop`, index };
  const phone = { session: `${prefix}session:{user42}:phone`, index };
  await show('create(laptop, ttlMs 1800000)', () => scripts.session.create({ ...laptop, ttlMs: 1_800_000, data: { ip: '10.0.0.7', theme: 'dark' } }));
  await show('create(phone)', () => scripts.session.create({ ...phone, ttlMs: 1_800_000, data: { ip: '10.0.0.9' } }));
  await show('create(laptop) again', () => scripts.session.create({ ...laptop, ttlMs: 1_800_000, data: {} }));
  await show('get(laptop)', () => scripts.session.get(laptop));
  await show('update(laptop)', () => scripts.session.update({ ...laptop, data: { ip: '10.0.0.7', theme: 'light' } }));
  await show('destroyAll(user42)', () => scripts.session.destroyAll({ index }));
  await show('get(phone)', () => scripts.session.get(phone));
}

async function main(): Promise<void> {
  const server = await demoServer();
  console.log(`luagen library demo, on ${server.description}`);
  const redis = new Redis(server.url);
  try {
    const scripts = bindScripts(redis);
    await rateLimiting(scripts);
    await locking(scripts);
    await transfers(redis, scripts);
    await leaderboard(scripts);
    await sessions(scripts);
  } finally {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
