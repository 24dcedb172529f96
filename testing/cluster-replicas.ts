/**
 * Replicas of a test Redis Cluster: which node is a master and which replicates which (ROLE), and
 * waiting until every replica is in sync and every node lists the replicas in CLUSTER SLOTS (where
 * ioredis learns them from, for `scaleReads`).
 */
import { waitReplicationUp, type ServerAddress } from './redis-replica';
import { respCommand } from './resp-client';

export interface ClusterReplica extends ServerAddress {
  /** The master this node replicates. */
  readonly master: ServerAddress;
}

export interface ClusterRoles {
  readonly masters: ServerAddress[];
  readonly replicas: ClusterReplica[];
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Splits `nodes` into masters and replicas with ROLE (each node's own view, no gossip needed). */
export async function clusterRoles(nodes: readonly ServerAddress[]): Promise<ClusterRoles> {
  const roles = await Promise.all(nodes.map((n) => respCommand(n.host, n.port, ['ROLE'])));
  const masters: ServerAddress[] = [];
  const replicas: ClusterReplica[] = [];
  roles.forEach((role, i) => {
    const node = { host: nodes[i]!.host, port: nodes[i]!.port };
    if (!Array.isArray(role)) throw new Error(`ROLE on ${node.port}: unexpected reply ${JSON.stringify(role)}`);
    if (role[0] === 'master') masters.push(node);
    else replicas.push({ ...node, master: { host: String(role[1]), port: Number(role[2]) } });
  });
  return { masters, replicas };
}

/** True when every slot range in a CLUSTER SLOTS reply lists at least `replicas` replicas. */
function everyRangeReplicated(slots: unknown, replicas: number): boolean {
  if (!Array.isArray(slots) || slots.length === 0) return false;
  return slots.every((range) => Array.isArray(range) && range.length >= 3 + replicas);
}

/** Polls CLUSTER SLOTS on every node until each lists `replicas` replicas for every slot range. */
async function waitSlotsListReplicas(nodes: readonly ServerAddress[], replicas: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const views = await Promise.all(nodes.map((n) => respCommand(n.host, n.port, ['CLUSTER', 'SLOTS']).catch(() => null)));
    if (views.every((slots) => everyRangeReplicated(slots, replicas))) return;
    await sleep(100);
  }
  throw new Error(`CLUSTER SLOTS did not list ${replicas} replica(s) per slot range on every node within ${timeoutMs}ms`);
}

/**
 * Waits until each replica's link to its master is up and every node announces the replicas, then
 * checks that each master has `perMaster` replicas.
 */
export async function waitReplicasReady(roles: ClusterRoles, perMaster: number, timeoutMs: number): Promise<void> {
  for (const master of roles.masters) {
    const count = roles.replicas.filter((r) => r.master.port === master.port).length;
    if (count !== perMaster) throw new Error(`master ${master.port} has ${count} replica(s), expected ${perMaster}`);
  }
  await waitReplicationUp(roles.replicas, timeoutMs);
  await waitSlotsListReplicas([...roles.masters, ...roles.replicas], perMaster, timeoutMs);
}
