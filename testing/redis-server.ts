/**
 * Finds or starts a real Redis for tests.
 *
 * Order: `REDIS_URL` (external, never stopped by us) → spawn `redis-server`
 * from PATH (or `REDIS_SERVER_BIN`) on a free loopback port in a temp dir →
 * testcontainers `redis:7.0` (loaded lazily, only when needed).
 *
 * Test isolation: one standalone server is shared by the whole jest run
 * (see global-setup.ts), so every test must use its own unique key names
 * (e.g. a per-file prefix plus a random suffix) and must not FLUSHALL /
 * FLUSHDB / SCRIPT FLUSH the shared server. Tests that need destructive
 * operations (restart, SCRIPT FLUSH, ...) use `startRedis({ dedicated: true })`.
 */
import { findOnPath, spawnServer, stopServer, type SpawnedServer } from './redis-process';

export { startCluster, migrateSlot, type ClusterHandle, type ClusterNode, type ClusterReplica, type StartClusterOptions } from './redis-cluster';
export { startReplica, waitReplicationUp, type ReplicaHandle } from './redis-replica';

export type RedisSource = 'env' | 'spawned' | 'container';

export interface RedisHandle {
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly source: RedisSource;
  /** The server's log file, for a server the harness spawned. */
  readonly logFile?: string;
  /**
   * Stop and start again on the same port (empty dataset, empty script
   * cache). Only for servers spawned by this module; rejects otherwise.
   */
  restart(): Promise<void>;
  /** Stops what we started; a no-op for `REDIS_URL` servers. Idempotent. */
  stop(): Promise<void>;
}

export interface StartRedisOptions {
  /** Ignore `REDIS_URL` and start a private server (needed for restart/flush tests). */
  dedicated?: boolean;
}

/** The redis-server binary to spawn, if any. */
export function redisServerBin(): string | undefined {
  return process.env.REDIS_SERVER_BIN ?? findOnPath('redis-server');
}

export async function startRedis(opts: StartRedisOptions = {}): Promise<RedisHandle> {
  const envUrl = process.env.REDIS_URL;
  if (envUrl && !opts.dedicated) return fromUrl(envUrl);
  const bin = redisServerBin();
  if (bin) return spawned(bin);
  return fromContainer();
}

function fromUrl(url: string): RedisHandle {
  const parsed = new URL(url);
  const port = parsed.port ? Number(parsed.port) : 6379;
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  return {
    url,
    host,
    port,
    source: 'env',
    restart: () => Promise.reject(new Error('restart() is only supported for servers spawned by the harness (REDIS_URL is set)')),
    stop: () => Promise.resolve(),
  };
}

async function spawned(bin: string): Promise<RedisHandle> {
  let server: SpawnedServer | undefined = await spawnServer({ bin });
  const { host, port, dir, logFile } = server;
  let stopped = false;
  return {
    url: `redis://${host}:${port}`,
    host,
    port,
    source: 'spawned',
    logFile,
    async restart() {
      if (stopped) throw new Error('restart() after stop()');
      if (server) await stopServer(server, false);
      server = undefined;
      server = await spawnServer({ bin, port, dir });
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      if (server) await stopServer(server, true);
      server = undefined;
    },
  };
}

async function fromContainer(): Promise<RedisHandle> {
  let tc: typeof import('testcontainers');
  try {
    tc = await import('testcontainers');
  } catch (e) {
    throw new Error(`No REDIS_URL, no redis-server on PATH, and testcontainers could not be loaded: ${(e as Error).message}`);
  }
  const container = await new tc.GenericContainer('redis:7.0')
    .withExposedPorts(6379)
    .withWaitStrategy(tc.Wait.forLogMessage(/Ready to accept connections/))
    .start();
  const host = container.getHost();
  const port = container.getMappedPort(6379);
  let stopped = false;
  return {
    url: `redis://${host}:${port}`,
    host,
    port,
    source: 'container',
    restart: () => Promise.reject(new Error('restart() is not supported for testcontainers (the mapped port would change)')),
    async stop() {
      if (stopped) return;
      stopped = true;
      await container.stop();
    },
  };
}
