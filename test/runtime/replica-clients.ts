import Redis, { Cluster } from 'ioredis';
import { Cluster as Cluster5 } from 'ioredis5';
import type { ClusterNode } from '../support/redis-cluster';

/** A Cluster client that sends reads (read-only scripts among them) to replicas. */
export interface ReplicaReader {
  readonly name: string;
  connect(nodes: readonly ClusterNode[]): Cluster;
}

function startupNodes(nodes: readonly ClusterNode[]): { host: string; port: number }[] {
  return nodes.map((n) => ({ host: n.host, port: n.port }));
}

/** ioredis 6 with each protocol, and ioredis 5 (cast as in clients.ts: same API at run time). */
export const READ_FROM_REPLICAS: readonly ReplicaReader[] = [
  { name: 'ioredis 6 (RESP3)', connect: (nodes) => new Cluster(startupNodes(nodes), { scaleReads: 'slave' }) },
  {
    name: 'ioredis 6 protocol 2',
    connect: (nodes) => new Cluster(startupNodes(nodes), { scaleReads: 'slave', redisOptions: { protocol: 2 } }),
  },
  {
    name: 'ioredis 5 (RESP2)',
    connect: (nodes) => new Cluster5(startupNodes(nodes), { scaleReads: 'slave' }) as unknown as Cluster,
  },
];

/** CONFIG RESETSTAT on each node. */
export async function resetNodes(admins: readonly Redis[]): Promise<void> {
  await Promise.all(admins.map((admin) => admin.config('RESETSTAT')));
}

/**
 * WAIT on each master connection of the cluster client (the connections its writes went through), so that
 * every replica has the writes before a read goes to it.
 */
export async function waitForReplicas(cluster: Cluster): Promise<void> {
  const acknowledged = await Promise.all(cluster.nodes('master').map((node) => node.call('WAIT', 1, 1000)));
  if (acknowledged.some((count) => Number(count) < 1)) {
    throw new Error(`a replica did not acknowledge the writes within 1 s (WAIT replies: ${acknowledged.join(', ')})`);
  }
}
