/**
 * Replicas for tests: `startReplica(master)` spawns a `redis-server --replicaof`
 * of a server (normally one the harness spawned) and resolves once the
 * replica's link to its master is up. `waitReplicationUp` polls
 * `INFO replication` of any replica (standalone or cluster).
 */
import { findOnPath, spawnServer, stopServer, type SpawnedServer } from './redis-process';
import { respCommand, respString } from './resp-client';

export interface ServerAddress {
  readonly host: string;
  readonly port: number;
}

export interface ReplicaHandle extends ServerAddress {
  readonly url: string;
  readonly master: ServerAddress;
  /** Stops the replica process (never the master). Idempotent. */
  stop(): Promise<void>;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** `master_link_status` of a replica (`up`, `down`), or the error / role when it is not a replica. */
async function masterLinkStatus(node: ServerAddress): Promise<string> {
  try {
    const info = await respString(node.host, node.port, ['INFO', 'replication']);
    return /^master_link_status:(\w+)/m.exec(info)?.[1] ?? (/^role:(\w+)/m.exec(info)?.[0] ?? 'no role');
  } catch (e) {
    return (e as Error).message;
  }
}

/** Polls `INFO replication` on every replica until each says `master_link_status:up`. */
export async function waitReplicationUp(replicas: readonly ServerAddress[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let statuses: string[] = [];
  while (Date.now() < deadline) {
    statuses = await Promise.all(replicas.map(masterLinkStatus));
    if (statuses.every((s) => s === 'up')) return;
    await sleep(50);
  }
  const detail = statuses.map((s, i) => `${replicas[i]!.port}: ${s}`).join(', ');
  throw new Error(`replicas did not reach master_link_status:up within ${timeoutMs}ms (${detail})`);
}

/**
 * Starts a replica of `master` on a free port and waits until it is in sync. Sets the master's
 * `repl-diskless-sync-delay` to 0 first (Redis 7 waits 5 s by default before a full sync), so
 * `master` should be a test server.
 */
export async function startReplica(master: ServerAddress, timeoutMs = 15_000): Promise<ReplicaHandle> {
  const bin = process.env.REDIS_SERVER_BIN ?? findOnPath('redis-server');
  if (!bin) throw new Error('startReplica: put redis-server on PATH (or set REDIS_SERVER_BIN)');
  await respCommand(master.host, master.port, ['CONFIG', 'SET', 'repl-diskless-sync-delay', '0']);
  let server: SpawnedServer | undefined = await spawnServer({
    bin,
    extraArgs: ['--replicaof', master.host, String(master.port)],
  });
  const stop = async (): Promise<void> => {
    const running = server;
    server = undefined;
    if (running) await stopServer(running, true);
  };
  try {
    await waitReplicationUp([server], timeoutMs);
  } catch (e) {
    await stop();
    throw e;
  }
  const { host, port } = server;
  return { host, port, url: `redis://${host}:${port}`, master: { host: master.host, port: master.port }, stop };
}
