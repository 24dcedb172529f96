/**
 * Invariants of the library under concurrent load: CONNECTIONS connections of the client under test (library-client.ts), each making CALLS calls
 * per invariant, all at once, against the real server. Checked from the replies and from server-side state.
 */
import { performance } from 'node:perf_hooks';
import Redis from 'ioredis';
import { ScriptCodeError, type Scripts } from '../../generated';
import { redisUrl } from './connect';
import { connectScripts, type ScriptsConnection } from './library-client';

const CONNECTIONS = 50;
const CALLS = 100;

interface Worker {
  readonly index: number;
  /** Direct commands (the critical sections), through ioredis. */
  readonly redis: Redis;
  readonly connection: ScriptsConnection;
  readonly scripts: Scripts;
  readonly random: () => number;
}

let workers: Worker[];
let observer: Redis;
const prefix = `luagen-test:concurrency:${process.pid}-${Date.now()}:`;

/** A small seeded PRNG (mulberry32), so a failing run can be replayed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

beforeAll(async () => {
  workers = Array.from({ length: CONNECTIONS }, (_, index) => {
    const connection = connectScripts(redisUrl());
    const redis = new Redis(redisUrl(), { maxRetriesPerRequest: 1 });
    return { index, redis, connection, scripts: connection.scripts, random: seeded(1000 + index) };
  });
  observer = new Redis(redisUrl());
  await Promise.all([...workers.map((w) => w.redis.ping()), observer.ping()]);
});

afterAll(async () => {
  await Promise.all([...workers.map((w) => w.redis.quit()), ...workers.map((w) => w.connection.close()), observer.quit()]);
});

function everyWorker(task: (worker: Worker) => Promise<void>): Promise<void[]> {
  return Promise.all(workers.map(task));
}

/** Polls `probe` until `done` resolves and returns the largest value seen. */
async function watchMax(probe: () => Promise<number>, done: Promise<unknown>): Promise<number> {
  let finished = false;
  void done.finally(() => {
    finished = true;
  });
  let max = -Infinity;
  while (!finished) max = Math.max(max, await probe());
  return max;
}

const HOLDS_EACH = 3;

it(`lock: never held by two owners at once (${CONNECTIONS} connections x >= ${CALLS} acquire attempts)`, async () => {
  const lock = `${prefix}lock:{res}`;
  const fence = `${prefix}lock:{res}:fence`;
  const counter = `${prefix}lock:{res}:counter`;
  const holderKey = `${prefix}lock:{res}:holder`;
  const holds: { owner: string; start: number; end: number; token: number }[] = [];
  const violations: string[] = [];
  let attempts = 0;
  const run = everyWorker(async ({ index, redis, scripts }) => {
    const owner = `owner-${index}`;
    let held = 0;
    // At least CALLS attempts each, and on until every owner held the lock HOLDS_EACH times.
    for (let call = 0; call < CALLS || held < HOLDS_EACH; call++) {
      attempts++;
      const reply = await scripts.lock.acquire({ lock, fence, owner, ttlMs: 30_000 });
      if (!reply.acquired) continue;
      const start = performance.now();
      // The critical section: a holder key written only by the holder, and a read-modify-write in two steps.
      const previousHolder = await redis.set(holderKey, owner, 'GET');
      if (previousHolder !== null) violations.push(`${owner} found ${previousHolder} inside`);
      const value = Number((await redis.get(counter)) ?? '0');
      await redis.set(counter, String(value + 1));
      if ((await redis.get(holderKey)) !== owner) violations.push(`${owner} lost the holder key`);
      await redis.del(holderKey);
      const end = performance.now();
      holds.push({ owner, start, end, token: reply.token ?? -1 });
      held++;
      if (!(await scripts.lock.release({ lock, owner }))) violations.push(`${owner} could not release`);
    }
  });
  await run;

  expect(attempts).toBeGreaterThanOrEqual(CONNECTIONS * CALLS);
  expect(violations).toEqual([]);
  expect(holds.length).toBeGreaterThanOrEqual(CONNECTIONS * HOLDS_EACH);
  // Intervals seen by the clients lie inside the server-side holds, so they must not overlap either.
  const ordered = [...holds].sort((a, b) => a.start - b.start);
  for (let i = 1; i < ordered.length; i++) expect(ordered[i].start).toBeGreaterThanOrEqual(ordered[i - 1].end);
  // Fencing tokens: one per hold, strictly increasing in the order the holds happened.
  expect(ordered.map((h) => h.token)).toEqual(Array.from({ length: holds.length }, (_, i) => i + 1));
  expect(Number(await observer.get(counter))).toBe(holds.length);
  expect(Number(await observer.get(fence))).toBe(holds.length);
  expect(await observer.exists(lock)).toBe(0);
});

it(`transfer: the sum is conserved and no balance goes negative (${CONNECTIONS} x ${CALLS} transfers)`, async () => {
  const ACCOUNTS = 10;
  const INITIAL = 1_000;
  const accounts = Array.from({ length: ACCOUNTS }, (_, i) => `${prefix}bal:{bank}:${i}`);
  await observer.mset(...accounts.flatMap((a) => [a, String(INITIAL)]));
  const expected = accounts.map(() => INITIAL);
  const outcomes = { moved: 0, insufficient: 0, negativeReplies: 0 };
  await everyWorker(async ({ scripts, random }) => {
    for (let call = 0; call < CALLS; call++) {
      const from = Math.floor(random() * ACCOUNTS);
      const to = (from + 1 + Math.floor(random() * (ACCOUNTS - 1))) % ACCOUNTS;
      const amount = 1 + Math.floor(random() * 400);
      try {
        const reply = await scripts.atomic.transfer({ from: accounts[from], to: accounts[to], amount });
        if (reply.from < 0 || reply.to < 0) outcomes.negativeReplies++;
        expected[from] -= amount;
        expected[to] += amount;
        outcomes.moved++;
      } catch (error) {
        if (!(error instanceof ScriptCodeError) || error.code !== 'INSUFFICIENT_FUNDS') throw error;
        outcomes.insufficient++;
      }
    }
  });
  const balances = (await observer.mget(...accounts)).map(Number);
  expect(outcomes.moved + outcomes.insufficient).toBe(CONNECTIONS * CALLS);
  expect(outcomes.moved).toBeGreaterThan(0);
  expect(outcomes.insufficient).toBeGreaterThan(0);
  expect(outcomes.negativeReplies).toBe(0);
  expect(balances.reduce((a, b) => a + b, 0)).toBe(ACCOUNTS * INITIAL);
  expect(balances.every((b) => b >= 0)).toBe(true);
  // Every successful reply moved exactly its amount: the final balances are what the clients accounted for.
  expect(balances).toEqual(expected);
});

async function limiterRun(call: (worker: Worker) => Promise<{ allowed: boolean; count: number; remaining: number }>) {
  const admittedCounts: number[] = [];
  let refused = 0;
  await everyWorker(async (worker) => {
    for (let i = 0; i < CALLS; i++) {
      const reply = await call(worker);
      if (reply.allowed) admittedCounts.push(reply.count);
      else refused++;
    }
  });
  return { admittedCounts: admittedCounts.sort((a, b) => a - b), refused };
}

it(`fixed window: admits exactly limit per window under ${CONNECTIONS} x ${CALLS} concurrent calls`, async () => {
  const counter = `${prefix}fw`;
  const LIMIT = 100;
  const { admittedCounts, refused } = await limiterRun((w) => w.scripts.ratelimit.fixedWindow({ counter, limit: LIMIT, windowMs: 60_000 }));
  // Each admitted request got its own count: 1..LIMIT, once each.
  expect(admittedCounts).toEqual(Array.from({ length: LIMIT }, (_, i) => i + 1));
  expect(refused).toBe(CONNECTIONS * CALLS - LIMIT);
  expect(await observer.get(counter)).toBe(String(LIMIT));
});

it(`sliding window: admits exactly limit per window, same-millisecond bursts included (${CONNECTIONS} x ${CALLS})`, async () => {
  const log = `${prefix}sw:{burst}`;
  const seq = `${prefix}sw:{burst}:seq`;
  const LIMIT = 100;
  const { admittedCounts, refused } = await limiterRun((w) => w.scripts.ratelimit.slidingWindow({ log, seq, limit: LIMIT, windowMs: 60_000 }));
  expect(admittedCounts).toEqual(Array.from({ length: LIMIT }, (_, i) => i + 1));
  expect(refused).toBe(CONNECTIONS * CALLS - LIMIT);
  expect(await observer.zcard(log)).toBe(LIMIT);
});

it(`sliding window: over many short windows never admits more than limit in one (${CONNECTIONS} x ${CALLS})`, async () => {
  const log = `${prefix}sw:{short}`;
  const seq = `${prefix}sw:{short}:seq`;
  const LIMIT = 20;
  const WINDOW_MS = 25;
  const [startSeconds, startMicros] = await observer.time();
  let maxCount = 0;
  const run = limiterRun(async (w) => {
    const reply = await w.scripts.ratelimit.slidingWindow({ log, seq, limit: LIMIT, windowMs: WINDOW_MS });
    maxCount = Math.max(maxCount, reply.count);
    return reply;
  });
  const maxInLog = await watchMax(() => observer.zcard(log), run);
  const { admittedCounts } = await run;
  const [endSeconds, endMicros] = await observer.time();
  const elapsedMs = (Number(endSeconds) - Number(startSeconds)) * 1000 + (Number(endMicros) - Number(startMicros)) / 1000;
  expect(maxCount).toBeLessThanOrEqual(LIMIT);
  expect(maxInLog).toBeLessThanOrEqual(LIMIT);
  // The run spans k = floor(elapsed / window) + 1 windows at most, each admitting LIMIT at most.
  expect(admittedCounts.length).toBeLessThanOrEqual(LIMIT * (Math.floor(elapsedMs / WINDOW_MS) + 1));
  expect(admittedCounts.length).toBeGreaterThanOrEqual(LIMIT);
});

it(`capped list: never exceeds its cap, and no item is lost or duplicated (${CONNECTIONS} x ${CALLS} pushes)`, async () => {
  const list = `${prefix}capped`;
  const CAP = 50;
  const pushed: string[] = [];
  const removed: string[] = [];
  let longest = 0;
  const run = everyWorker(async ({ index, scripts, random }) => {
    for (let call = 0; call < CALLS; call++) {
      const items = Array.from({ length: 1 + Math.floor(random() * 3) }, (_, k) => `w${index}-c${call}-i${k}`);
      pushed.push(...items);
      const reply = await scripts.atomic.cappedPush({ list, cap: CAP, items });
      longest = Math.max(longest, reply.length);
      removed.push(...reply.removed);
    }
  });
  const observedLongest = await watchMax(() => observer.llen(list), run);
  await run;
  const remaining = await observer.lrange(list, 0, -1);
  expect(longest).toBeLessThanOrEqual(CAP);
  expect(observedLongest).toBeLessThanOrEqual(CAP);
  expect(remaining).toHaveLength(CAP);
  expect([...removed, ...remaining].sort()).toEqual([...pushed].sort());
  expect(new Set(removed).size).toBe(removed.length);
});
