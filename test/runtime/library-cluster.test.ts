import type { Cluster } from 'ioredis';
import { migrateSlot, startCluster, type ClusterHandle } from '../support/redis-cluster';
import { respCommand } from '../support/resp-client';
import { keySlot } from '../../templates/runtime/slots';
import { CLIENT_MATRIX, uniquePrefix } from './clients';
import { otherNode } from './cluster-slots';
import { loadGeneratedClient, type FixtureClient } from './fixture-client';

/** The project's own scripts (lua/), generated afresh, on a 3-master cluster under every client combination. */
let library: FixtureClient;
let cluster: ClusterHandle;
beforeAll(async () => {
  [library, cluster] = await Promise.all([loadGeneratedClient('library', 'lua'), startCluster()]);
}, 120_000);
afterAll(() => cluster?.stop());

describe.each(CLIENT_MATRIX.map((combo) => [combo.name, combo] as const))('the lua/ library on a cluster with %s', (_name, combo) => {
  const tag = uniquePrefix('library').replace(/:$/, '');
  let redis: Cluster;
  let scripts: ReturnType<FixtureClient['bindScripts']>;
  beforeAll(() => {
    redis = combo.cluster(cluster.nodes);
    scripts = library.bindScripts(redis);
  });
  afterAll(() => redis?.quit());

  it('atomic.transfer moves between hash-tagged balances, also while their slot moves', async () => {
    const [from, to] = [`balance:{${tag}}:alice`, `balance:{${tag}}:bob`];
    await redis.set(from, '100');
    expect(await scripts.atomic!.transfer!({ from, to, amount: 30 })).toEqual({ from: 70, to: 30 });
    const slot = keySlot(from);
    const { to: newOwner } = await otherNode(cluster, slot);
    await migrateSlot(cluster, slot, newOwner);
    expect(await scripts.atomic!.transfer!({ from, to, amount: 5 })).toEqual({ from: 65, to: 35 });
    const node = cluster.nodes[newOwner]!;
    expect(await respCommand(node.host, node.port, ['MGET', from, to])).toEqual(['65', '35']);
  });

  it('atomic.transfer between keys of different slots is refused before sending', async () => {
    const error = await scripts.atomic!.transfer!({ from: `${tag}:a`, to: `${tag}:b`, amount: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(library.CrossSlotError);
  });

  it('leaderboard.updateScore then the read-only leaderboard.top', async () => {
    const board = `board:{${tag}}`;
    await scripts.leaderboard!.updateScore!({ board, player: 'ann', score: 2.5 });
    await scripts.leaderboard!.updateScore!({ board, player: 'bo', score: 7 });
    expect(await scripts.leaderboard!.top!({ board, count: 5 })).toEqual([
      { player: 'bo', score: 7, rank: 1 },
      { player: 'ann', score: 2.5, rank: 2 },
    ]);
  });

  it('lock.acquire and lock.release with a declared error path intact', async () => {
    const [lock, fence] = [`lock:{${tag}}`, `fence:{${tag}}`];
    const acquired = await scripts.lock!.acquire!({ lock, fence, owner: 'me', ttlMs: 10_000 });
    expect(acquired).toMatchObject({ acquired: true });
    expect(await scripts.lock!.acquire!({ lock, fence, owner: 'you', ttlMs: 10_000 })).toMatchObject({ acquired: false, token: null });
    expect(await scripts.lock!.release!({ lock, owner: 'me' })).toBe(true);
  });
});
