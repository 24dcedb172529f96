/**
 * A real Redis Cluster for tests: `REDIS_CLUSTER_NODES` (comma-separated
 * host:port of any of its nodes, never stopped by us) or spawned
 * `redis-server --cluster-enabled yes` processes joined with
 * `redis-cli --cluster create`: 3 masters, and with `{ replicas: 1 }` one
 * replica per master (6 processes). When the given cluster lacks what a test
 * asks for (replicas), a private one is spawned instead and the reason is
 * printed. Start it per test file, in beforeAll.
 */
import { execFile } from 'node:child_process';
import { clusterRoles, waitReplicasReady, type ClusterReplica } from './cluster-replicas';
import { findOnPath, freePort, spawnServer, stopServer, type SpawnedServer } from './redis-process';
import { respCommand, respString } from './resp-client';

export type { ClusterReplica } from './cluster-replicas';

export interface ClusterNode {
  readonly host: string;
  readonly port: number;
}

export interface ClusterHandle {
  /** The masters (every node given in `REDIS_CLUSTER_NODES` when replicas were not asked for). */
  readonly nodes: ReadonlyArray<ClusterNode>;
  /** The replicas, each with its master; empty unless started with `{ replicas: 1 }`. */
  readonly replicas: ReadonlyArray<ClusterReplica>;
  readonly source: 'env' | 'spawned';
  stop(): Promise<void>;
}

export interface StartClusterOptions {
  /** Replicas per master: 0 (default) or 1. */
  readonly replicas?: 0 | 1;
  /**
   * A cluster no other test file uses, for tests that flush the script cache or read server-wide stats
   * (`REDIS_CLUSTER_NODES` is shared by the test files jest runs in parallel, so it is not used then).
   */
  readonly dedicated?: boolean;
}

const MASTERS = 3;
const READY_TIMEOUT_MS = 20_000;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function startCluster(options: StartClusterOptions = {}): Promise<ClusterHandle> {
  const replicas = options.replicas ?? 0;
  const env = process.env.REDIS_CLUSTER_NODES;
  let unsuitable: string | undefined;
  if (env && options.dedicated) {
    unsuitable = 'REDIS_CLUSTER_NODES is shared by the test files running in parallel, and this one flushes or reads stats on every node';
  } else if (env) {
    const given = await fromEnv(env.split(',').map((s) => s.trim()).filter(Boolean).map(parseHostPort), replicas);
    if (typeof given !== 'string') return given;
    unsuitable = given;
  }
  const bin = process.env.REDIS_SERVER_BIN ?? findOnPath('redis-server');
  const cli = process.env.REDIS_CLI_BIN ?? findOnPath('redis-cli');
  if (!bin || !cli) {
    const why = unsuitable ?? 'REDIS_CLUSTER_NODES is not set';
    throw new Error(`startCluster: ${why}, and redis-server and redis-cli are not on PATH to start a cluster that fits`);
  }
  if (unsuitable) process.stderr.write(`startCluster: ${unsuitable}: starting a private cluster for this test file\n`);
  return spawnCluster(bin, cli, replicas);
}

async function spawnCluster(bin: string, cli: string, replicas: 0 | 1): Promise<ClusterHandle> {
  const servers: SpawnedServer[] = [];
  const stopAll = async (): Promise<void> => {
    await Promise.all(servers.splice(0).map((s) => stopServer(s, true)));
  };
  try {
    for (let i = 0; i < MASTERS * (1 + replicas); i++) servers.push(await spawnClusterNode(bin, replicas > 0));
    const all = servers.map((s) => ({ host: s.host, port: s.port }));
    await run(cli, ['--cluster', 'create', ...all.map((n) => `${n.host}:${n.port}`),
      '--cluster-replicas', String(replicas), '--cluster-yes']);
    await waitClusterOk(all, READY_TIMEOUT_MS);
    const roles = replicas > 0 ? await clusterRoles(all) : { masters: all, replicas: [] };
    if (replicas > 0) await waitReplicasReady(roles, replicas, READY_TIMEOUT_MS);
    let stopped = false;
    return {
      nodes: roles.masters,
      replicas: roles.replicas,
      source: 'spawned',
      async stop() {
        if (stopped) return;
        stopped = true;
        await stopAll();
      },
    };
  } catch (e) {
    await stopAll();
    throw e;
  }
}

/**
 * The cluster `REDIS_CLUSTER_NODES` names (any of its nodes will do: the rest are found with CLUSTER NODES),
 * or why it cannot serve a test that asks for `replicas` replicas per master.
 */
async function fromEnv(given: ClusterNode[], replicas: number): Promise<ClusterHandle | string> {
  await waitClusterOk(given, READY_TIMEOUT_MS);
  const healthy = (await clusterNodes(given[0]!)).filter((e) => !e.flags.some((f) => ['fail', 'handshake', 'noaddr'].includes(f)));
  const givenIndex = (e: NodeEntry) => {
    const i = given.findIndex((g) => g.port === e.port);
    return i < 0 ? given.length + e.port : i;
  };
  const masters = healthy.filter((e) => e.flags.includes('master') && e.slots.length > 0).sort((a, b) => givenIndex(a) - givenIndex(b));
  const replicasOf = (master: NodeEntry) => healthy.filter((e) => e.flags.includes('slave') && e.masterId === master.id);
  const address = (e: NodeEntry): ClusterNode => ({ host: e.host, port: e.port });
  const stop = (): Promise<void> => Promise.resolve();
  if (replicas === 0) return { nodes: masters.map(address), replicas: [], source: 'env', stop };
  const unfit = masters.filter((m) => replicasOf(m).length !== replicas);
  if (unfit.length > 0) {
    const counts = unfit.map((m) => `master ${m.host}:${m.port} has ${replicasOf(m).length} replica(s)`).join(', ');
    return `REDIS_CLUSTER_NODES: ${counts}; this test needs exactly ${replicas} per master`;
  }
  const roles = {
    masters: masters.map(address),
    replicas: masters.flatMap((m) => replicasOf(m).map((r) => ({ ...address(r), master: address(m) }))),
  };
  await waitReplicasReady(roles, replicas, READY_TIMEOUT_MS);
  return { nodes: roles.masters, replicas: roles.replicas, source: 'env', stop };
}

/**
 * One `--cluster-enabled` server. With replicas: no automatic failover (a slow master must not lose its
 * role mid-test), no 5 s delay before a replica's first full sync, and a master PING to its replicas every
 * second instead of every 10 s: Redis 7.0 leaves a replica whose replication offset is still 0 out of
 * CLUSTER SLOTS (where ioredis finds replicas), and on an idle master only that PING moves the offset.
 */
function spawnClusterNode(bin: string, withReplicas: boolean): Promise<SpawnedServer> {
  const replicaArgs = withReplicas ? ['--cluster-replica-no-failover', 'yes', '--repl-diskless-sync-delay', '0',
    '--repl-ping-replica-period', '1'] : [];
  // Explicit bus port: port+10000 may be taken or exceed 65535 for ephemeral ports.
  return freePort().then((busPort) => spawnServer({
    bin,
    extraArgs: ['--cluster-enabled', 'yes', '--cluster-config-file', 'nodes.conf',
      '--cluster-node-timeout', '2000', '--cluster-port', String(busPort), ...replicaArgs],
  }));
}

function parseHostPort(s: string): ClusterNode {
  const i = s.lastIndexOf(':');
  if (i <= 0) throw new Error(`REDIS_CLUSTER_NODES: expected host:port, got ${JSON.stringify(s)}`);
  return { host: s.slice(0, i), port: Number(s.slice(i + 1)) };
}

function run(file: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: 30_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${file} ${args.join(' ')} failed: ${err.message}\n${stdout}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

/** Polls CLUSTER INFO on every node until all say cluster_state:ok. */
export async function waitClusterOk(nodes: ReadonlyArray<ClusterNode>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    const infos = await Promise.all(
      nodes.map((n) => respString(n.host, n.port, ['CLUSTER', 'INFO']).catch((e: Error) => e.message)),
    );
    if (infos.every((i) => /cluster_state:ok/.test(i))) return;
    last = infos.map((i, k) => `${nodes[k]!.port}: ${/cluster_state:\w+/.exec(i)?.[0] ?? i}`).join(', ');
    await sleep(100);
  }
  throw new Error(`cluster did not reach cluster_state:ok within ${timeoutMs}ms (${last})`);
}

export interface NodeEntry {
  id: string;
  host: string;
  port: number;
  flags: string[];
  /** The id of the master a replica follows; `-` for a master. */
  masterId: string;
  /** Owned slot ranges, inclusive. Migrating/importing markers are skipped. */
  slots: Array<[number, number]>;
}

/** Parses `CLUSTER NODES` as seen by `from`. */
export async function clusterNodes(from: ClusterNode): Promise<NodeEntry[]> {
  const text = await respString(from.host, from.port, ['CLUSTER', 'NODES']);
  return text.trim().split('\n').map((line) => {
    const [id = '', addr = '', flags = '', masterId = '-', , , , , ...slotSpecs] = line.split(' ');
    const hostPort = addr.split('@')[0] ?? '';
    const i = hostPort.lastIndexOf(':');
    const slots = slotSpecs.filter((s) => !s.startsWith('[')).map((s): [number, number] => {
      const [a, b] = s.split('-').map(Number);
      return [a!, b ?? a!];
    });
    return { id, host: hostPort.slice(0, i), port: Number(hostPort.slice(i + 1)), flags: flags.split(','), masterId, slots };
  });
}

/** Slot of a key, computed by the server (CLUSTER KEYSLOT). */
export async function keySlot(node: ClusterNode, key: string): Promise<number> {
  return Number(await respCommand(node.host, node.port, ['CLUSTER', 'KEYSLOT', key]));
}

/** Index in `handle.nodes` of the master currently owning `slot`. */
export async function slotOwnerIndex(handle: ClusterHandle, slot: number): Promise<number> {
  const entries = await clusterNodes(handle.nodes[0]!);
  const owner = entries.find((e) => e.slots.some(([a, b]) => slot >= a && slot <= b));
  if (!owner) throw new Error(`slot ${slot} has no owner`);
  const ids = await Promise.all(handle.nodes.map((n) => respString(n.host, n.port, ['CLUSTER', 'MYID'])));
  const idx = ids.indexOf(owner.id);
  if (idx < 0) throw new Error(`owner ${owner.id} of slot ${slot} is not one of the handle's nodes`);
  return idx;
}

/**
 * Moves `slot` (and its keys) to `handle.nodes[toNodeIndex]` the way
 * redis-cli resharding does: SETSLOT IMPORTING on the target, MIGRATING on
 * the source, MIGRATE the keys, then SETSLOT NODE on target, source and all
 * others. Afterwards the old owner answers `MOVED <slot> <target>`.
 * Resolves with the index of the previous owner.
 */
export async function migrateSlot(handle: ClusterHandle, slot: number, toNodeIndex: number): Promise<{ fromIndex: number }> {
  const to = handle.nodes[toNodeIndex];
  if (!to) throw new Error(`migrateSlot: no node at index ${toNodeIndex}`);
  const fromIndex = await slotOwnerIndex(handle, slot);
  if (fromIndex === toNodeIndex) return { fromIndex };
  const from = handle.nodes[fromIndex]!;
  const ids = await Promise.all(handle.nodes.map((n) => respString(n.host, n.port, ['CLUSTER', 'MYID'])));
  const [fromId, toId] = [ids[fromIndex]!, ids[toNodeIndex]!];
  // The address the source must MIGRATE to is the one the cluster announces.
  const target = (await clusterNodes(from)).find((e) => e.id === toId) ?? { host: to.host, port: to.port };

  await respCommand(to.host, to.port, ['CLUSTER', 'SETSLOT', slot, 'IMPORTING', fromId]);
  await respCommand(from.host, from.port, ['CLUSTER', 'SETSLOT', slot, 'MIGRATING', toId]);
  for (;;) {
    const keys = await respCommand(from.host, from.port, ['CLUSTER', 'GETKEYSINSLOT', slot, 100]);
    if (!Array.isArray(keys) || keys.length === 0) break;
    await respCommand(from.host, from.port,
      ['MIGRATE', target.host, target.port, '', 0, 5000, 'REPLACE', 'KEYS', ...keys.map(String)]);
  }
  const order = [toNodeIndex, fromIndex, ...handle.nodes.map((_, i) => i).filter((i) => i !== toNodeIndex && i !== fromIndex)];
  for (const i of order) {
    const n = handle.nodes[i]!;
    await respCommand(n.host, n.port, ['CLUSTER', 'SETSLOT', slot, 'NODE', toId]);
  }
  await waitSlotOwner(handle, slot, toId, 10_000);
  return { fromIndex };
}

async function waitSlotOwner(handle: ClusterHandle, slot: number, ownerId: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const views = await Promise.all(handle.nodes.map((n) => clusterNodes(n)));
    const agreed = views.every((entries) =>
      entries.find((e) => e.slots.some(([a, b]) => slot >= a && slot <= b))?.id === ownerId);
    if (agreed) return;
    await sleep(100);
  }
  throw new Error(`nodes did not agree that slot ${slot} belongs to ${ownerId} within ${timeoutMs}ms`);
}
