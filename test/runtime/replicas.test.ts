/**
 * Read-only scripts on replicas: a client connected to the replica of a standalone server, and a Cluster
 * with one replica per master read with `scaleReads: 'slave'`. Replication is asynchronous: every write
 * is followed by WAIT on the master's connection before a replica reads it.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Redis, { type Cluster } from 'ioredis';
import { REPO_ROOT } from '../support/generate-fixture';
import { startCluster, type ClusterHandle } from '../support/redis-cluster';
import { startReplica, type ReplicaHandle } from '../support/redis-replica';
import { startRedis, type RedisHandle } from '../support/redis-server';
import { CLIENT_MATRIX, uniquePrefix } from './clients';
import { keyOnNode } from './cluster-slots';
import { ALL_BYTES } from './decode-cases';
import { loadFixtureClient, type FixtureClient } from './fixture-client';
import { READ_FROM_REPLICAS, resetNodes, waitForReplicas } from './replica-clients';
import { scriptCommandCalls } from './server-stats';

let fixture: FixtureClient;
beforeAll(async () => {
  fixture = await loadFixtureClient();
}, 60_000);

/** The 1-based line of a fixture script's source holding `text`. */
function lineOf(sourcePath: string, text: string): number {
  return readFileSync(path.join(REPO_ROOT, sourcePath), 'utf8').split('\n').findIndex((line) => line.includes(text)) + 1;
}

function allShas(): string[] {
  return Object.values(fixture.scripts).map((spec) => spec.sha1);
}

describe('the replica of a standalone server', () => {
  let master: RedisHandle;
  let replica: ReplicaHandle;
  let masterAdmin: Redis;
  let replicaAdmin: Redis;
  beforeAll(async () => {
    master = await startRedis({ dedicated: true });
    replica = await startReplica(master);
    masterAdmin = new Redis(master.url);
    replicaAdmin = new Redis(replica.url);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([masterAdmin?.quit(), replicaAdmin?.quit()]);
    await replica?.stop();
    await master?.stop();
  });

  /** Writes on the master and waits until the replica has the writes. */
  async function writeOnMaster(...pairs: [string, string | Buffer][]): Promise<void> {
    for (const [key, value] of pairs) await masterAdmin.set(key, value);
    expect(await masterAdmin.call('WAIT', 1, 1000)).toBe(1);
  }

  describe.each(CLIENT_MATRIX.map((combo) => [combo.name, combo] as const))('with %s', (_name, combo) => {
    const prefix = uniquePrefix('replica');
    let onReplica: Redis;
    beforeAll(() => {
      onReplica = combo.standalone(replica.url);
    });
    afterAll(() => onReplica?.quit());

    it('runs @readonly scripts with EVALSHA_RO / EVAL_RO and reads what the master wrote', async () => {
      await writeOnMaster([`${prefix}k`, 'from the master'], [`${prefix}a`, '40'], [`${prefix}b`, '2'], [`${prefix}bytes`, ALL_BYTES]);
      await replicaAdmin.script('FLUSH');
      await replicaAdmin.config('RESETSTAT');
      const { readonly } = fixture.bindScripts(onReplica);
      expect(await readonly!.get!({ source: `${prefix}k` })).toBe('from the master');
      expect(await scriptCommandCalls(replicaAdmin)).toEqual({ evalsha_ro: 1, eval_ro: 1 });
      expect(await readonly!.sum!({ sources: [`${prefix}a`, `${prefix}b`, `${prefix}missing`] })).toBe(42);
      expect(await readonly!.getBytes!({ source: `${prefix}bytes` })).toEqual(ALL_BYTES);
      expect(await readonly!.get!({ source: `${prefix}k` })).toBe('from the master');
      expect(await scriptCommandCalls(replicaAdmin)).toEqual({ evalsha_ro: 4, eval_ro: 3 });
    });

    it('runs queued @readonly scripts on the replica (EVAL, then EVALSHA, of a no-writes script)', async () => {
      await writeOnMaster([`${prefix}q`, 'queued']);
      const { readonly } = fixture.bindScripts(onReplica);
      const batch = onReplica.pipeline();
      const first = readonly!.get!.queue(batch, { source: `${prefix}q` });
      const second = readonly!.get!.queue(batch, { source: `${prefix}q` });
      const results = await batch.exec();
      expect([first.read(results), second.read(results)]).toEqual(['queued', 'queued']);
    });

    it('maps the READONLY refusal of a script that writes to a located ScriptError', async () => {
      const counter = `${prefix}counter`;
      const error = await fixture.bindScripts(onReplica).cache!.incr!({ counter, by: 1 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(fixture.ScriptError);
      expect((error as Error).message).toContain('READONLY');
      const spec = fixture.scripts['cache.incr']!;
      expect((error as InstanceType<FixtureClient['ScriptError']>).location).toBe(`${spec.sourcePath}:${lineOf(spec.sourcePath, 'INCRBY')}`);
      expect(await masterAdmin.exists(counter)).toBe(0);
    });

    it('preload() loads every script into the replica', async () => {
      await replicaAdmin.script('FLUSH');
      await fixture.preload(onReplica);
      expect(new Set(await replicaAdmin.call('SCRIPT', 'EXISTS', ...allShas()) as number[])).toEqual(new Set([1]));
    });
  });
});

describe('a Redis Cluster with one replica per master', () => {
  let cluster: ClusterHandle;
  /** One plain connection per node, masters first, for stats and script-cache checks. */
  let admins: { masters: Redis[]; replicas: Redis[] };
  beforeAll(async () => {
    cluster = await startCluster({ replicas: 1, dedicated: true });
    admins = {
      masters: cluster.nodes.map((n) => new Redis(n.port, n.host)),
      replicas: cluster.replicas.map((n) => new Redis(n.port, n.host)),
    };
  }, 60_000);
  afterAll(async () => {
    await Promise.all([...(admins?.masters ?? []), ...(admins?.replicas ?? [])].map((a) => a.quit()));
    await cluster?.stop();
  });

  const everyNode = (): Redis[] => [...admins.masters, ...admins.replicas];

  describe.each(READ_FROM_REPLICAS.map((client) => [client.name, client] as const))('read with %s', (_name, client) => {
    const prefix = uniquePrefix('cluster-replica').replace(/:$/, '');
    let redis: Cluster;
    beforeAll(() => {
      redis = client.connect(cluster.nodes);
    });
    afterAll(() => redis?.quit());

    it('runs @readonly scripts on the replicas and scripts that write on the masters', async () => {
      const tags = await Promise.all(cluster.nodes.map((_, i) => keyOnNode(cluster, i, `${prefix}:n${i}:`)));
      await Promise.all(everyNode().map((admin) => admin.script('FLUSH')));
      await resetNodes(everyNode());
      const { cache, readonly } = fixture.bindScripts(redis);
      for (const [i, tag] of tags.entries()) {
        expect(await cache!.incr!({ counter: `${tag}c`, by: 40 + i })).toBe(40 + i);
        await redis.mset(`${tag}x`, '40', `${tag}y`, '2', `${tag}bytes`, ALL_BYTES);
      }
      await waitForReplicas(redis);
      for (const [i, tag] of tags.entries()) {
        expect(await readonly!.get!({ source: `${tag}c` })).toBe(String(40 + i));
        expect(await readonly!.sum!({ sources: [`${tag}x`, `${tag}y`] })).toBe(42);
        expect(await readonly!.getBytes!({ source: `${tag}bytes` })).toEqual(ALL_BYTES);
      }
      // Each key's replica ran the three read-only scripts (each: EVALSHA_RO, NOSCRIPT, EVAL_RO) ...
      for (const admin of admins.replicas) expect(await scriptCommandCalls(admin)).toEqual({ evalsha_ro: 3, eval_ro: 3 });
      // ... and its master only the script that writes (EVALSHA or EVAL: that is up to ioredis).
      for (const admin of admins.masters) {
        const calls = await scriptCommandCalls(admin);
        expect(Object.keys(calls).filter((name) => name !== 'evalsha' && name !== 'eval')).toEqual([]);
        expect((calls.evalsha ?? 0) + (calls.eval ?? 0)).toBeGreaterThanOrEqual(1);
      }
    });

    it('preload() loads every script on every master and replica, also before the client is ready', async () => {
      await Promise.all(everyNode().map((admin) => admin.script('FLUSH')));
      const fresh = client.connect(cluster.nodes);
      try {
        await fixture.preload(fresh);
      } finally {
        await fresh.quit();
      }
      for (const admin of everyNode()) expect(new Set(await admin.call('SCRIPT', 'EXISTS', ...allShas()) as number[])).toEqual(new Set([1]));
    });
  });
});
