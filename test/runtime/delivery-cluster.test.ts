import Redis, { Cluster } from 'ioredis';
import { Cluster as Cluster5 } from 'ioredis5';
import { bindScripts } from '../../generated';
import { startCluster, type ClusterHandle } from '../support/redis-cluster';
import { keyOnNode } from './cluster-slots';
import { countOutcomes, expectHonest, killRepeatedly, outcomeOf, sleep } from './delivery-support';

/**
 * At most once on a Redis Cluster: a Cluster client sends a command again on another connection when its
 * connection closes ("Connection is closed."). CLIENT KILL of the client's connection to the key's master under
 * load; what Redis applied is counted against what the client acknowledged.
 */
let cluster: ClusterHandle;
let admin: Redis;
beforeAll(async () => {
  cluster = await startCluster();
  admin = new Redis(cluster.nodes[0]!.port, cluster.nodes[0]!.host);
}, 120_000);
afterAll(async () => {
  await admin?.quit();
  await cluster?.stop();
});

const CLUSTER_CLIENTS = [
  { name: 'ioredis 6', connect: (nodes: ClusterHandle['nodes'], connectionName: string) => new Cluster([...nodes], { redisOptions: { connectionName } }) },
  {
    name: 'ioredis 5',
    connect: (nodes: ClusterHandle['nodes'], connectionName: string) => new Cluster5([...nodes], { redisOptions: { connectionName } }) as unknown as Cluster,
  },
] as const;

describe.each(CLUSTER_CLIENTS.map((c) => [c.name, c] as const))('%s Cluster: CLIENT KILL under load', (name, client) => {
  it('direct calls: acknowledged <= applied <= acknowledged + unknown', async () => {
    const connectionName = `cdelivery${Math.random().toString(36).slice(2, 8)}`;
    const redis = client.connect(cluster.nodes, connectionName);
    redis.on('error', () => undefined);
    try {
      const scripts = bindScripts(redis);
      const counter = `${await keyOnNode(cluster, 0, connectionName)}:counter`;
      await scripts.basic.increment({ counter, by: 0 });
      const killer = killRepeatedly(admin, connectionName, 15);
      const outcomes: string[] = [];
      for (let wave = 0; wave < 5; wave++) {
        outcomes.push(...(await Promise.all(Array.from({ length: 1000 }, () => outcomeOf(() => scripts.basic.increment({ counter, by: 1 }))))));
      }
      const kills = await killer.stop();
      await sleep(200);
      expectHonest(`${name} Cluster direct x5000`, Number(await admin.get(counter)), countOutcomes(outcomes), kills);
    } finally {
      redis.disconnect();
    }
  }, 60_000);
});
