/**
 * The library on a real 3-master Redis Cluster, with the key layouts its headers document: every call's
 * keys share a slot, and session.destroyAll deletes keys it finds in the index (not in KEYS) on the right node.
 */
import { Cluster } from 'ioredis';
import { CrossSlotError, keySlot, type Scripts } from '../../generated';
import { startCluster, type ClusterHandle } from '../support/redis-server';
import { connectClusterScripts, type ScriptsConnection } from './library-client';

let cluster: ClusterHandle;
/** Direct commands go through ioredis; the scripts through the client under test (library-client.ts). */
let client: Cluster;
let bound: ScriptsConnection;
let scripts: Scripts;
const run = `${process.pid}-${Date.now()}`;

beforeAll(async () => {
  cluster = await startCluster();
  client = new Cluster(cluster.nodes.map((n) => ({ host: n.host, port: n.port })));
  bound = await connectClusterScripts(cluster.nodes);
  scripts = bound.scripts;
  await client.ping();
}, 60_000);

afterAll(async () => {
  await client?.quit();
  await bound?.close();
  await cluster?.stop();
});

it('runs the two-key scripts with hash-tagged keys', async () => {
  const bank = `{bank-${run}}`;
  await client.set(`balance:${bank}:alice`, '100');
  expect(await scripts.atomic.transfer({ from: `balance:${bank}:alice`, to: `balance:${bank}:bob`, amount: 40 })).toEqual({ from: 60, to: 40 });

  const res = `{res-${run}}`;
  expect((await scripts.lock.acquire({ lock: `lock:${res}`, fence: `lock:${res}:fence`, owner: 'me', ttlMs: 10_000 })).acquired).toBe(true);
  expect(await scripts.lock.release({ lock: `lock:${res}`, owner: 'me' })).toBe(true);

  const api = `{api-${run}}`;
  expect((await scripts.ratelimit.slidingWindow({ log: `rl:${api}`, seq: `rl:${api}:seq`, limit: 1, windowMs: 60_000 })).allowed).toBe(true);
  expect((await scripts.ratelimit.slidingWindow({ log: `rl:${api}`, seq: `rl:${api}:seq`, limit: 1, windowMs: 60_000 })).allowed).toBe(false);
});

it('refuses keys of one call in different slots before sending anything', async () => {
  await expect(scripts.atomic.transfer({ from: `balance:{a-${run}}`, to: `balance:{b-${run}}`, amount: 1 })).rejects.toThrow(CrossSlotError);
});

it('runs the single-key scripts', async () => {
  const tag = `{misc-${run}}`;
  expect((await scripts.basic.increment({ counter: `c:${tag}`, by: 2 })).value).toBe(2);
  expect((await scripts.counter.boundedIncrement({ counter: `b:${tag}`, by: 2, max: 3 })).applied).toBe(true);
  expect(await scripts.leaderboard.updateScore({ board: `lb:${tag}`, player: 'p', score: 1500.5 })).toEqual({ score: 1500.5, rank: 1 });
  expect(await scripts.leaderboard.top({ board: `lb:${tag}`, count: 1 })).toEqual([{ player: 'p', score: 1500.5, rank: 1 }]);
  expect((await scripts.atomic.cappedPush({ list: `l:${tag}`, cap: 1, items: ['a', 'b'] })).removed).toEqual(['a']);
  expect((await scripts.hash.setFields({ hash: `h:${tag}`, pairs: ['f', 'v'] })).fields).toBe(1);
});

it('manages the sessions of several users, destroyAll included, each on its own slot', async () => {
  const users = Array.from({ length: 6 }, (_, i) => `{user${i}-${run}}`);
  expect(new Set(users.map((user) => keySlot(user))).size).toBeGreaterThan(1);
  for (const user of users) {
    for (const id of ['a', 'b']) {
      await scripts.session.create({ session: `session:${user}:${id}`, index: `sessions:${user}`, ttlMs: 60_000, data: { user, id } });
    }
  }
  const [first, ...others] = users;
  expect((await scripts.session.get({ session: `session:${first}:a`, index: `sessions:${first}` }))?.data).toEqual({ user: first, id: 'a' });
  expect(await scripts.session.update({ session: `session:${first}:a`, index: `sessions:${first}`, data: 2 })).toBe(true);
  expect(await scripts.session.destroy({ session: `session:${first}:b`, index: `sessions:${first}` })).toBe(true);
  for (const user of users) expect(await scripts.session.destroyAll({ index: `sessions:${user}` })).toBe(user === first ? 1 : 2);
  const left = await Promise.all(others.map((user) => client.exists(`session:${user}:a`, `session:${user}:b`, `sessions:${user}`)));
  expect(left).toEqual(others.map(() => 0));
});
