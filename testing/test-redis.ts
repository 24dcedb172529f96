/**
 * A disposable real Redis for a test file, and a fresh key space per test with a client bound to it:
 *
 *   const redis = await startTestRedis();            // beforeAll
 *   const space = await redis.keySpace();            // in each test: a client whose keys are all prefixed
 *   const scripts = space.bind(bindScripts);         // the user's generated scripts, bound to that client
 *   await redis.stop();                              // afterAll: deletes every key space, stops what it started
 */
import Redis, { Cluster } from 'ioredis';
import { isolatedKeySpace, type KeySpace } from './key-space';
import { startCluster, type ClusterHandle, type ClusterNode } from './redis-cluster';
import { startRedis, type RedisHandle, type RedisSource } from './redis-server';

export interface TestRedisOptions {
  /** A 3-master Redis Cluster (REDIS_CLUSTER_NODES, else spawned redis-server processes) instead of one server. */
  readonly cluster?: boolean;
  /** Ignore REDIS_URL and always start a private server (standalone only). */
  readonly dedicated?: boolean;
  /** The first part of every key prefix (default `test`). */
  readonly label?: string;
}

/** One test's key space: a client that prefixes every key it sends, and the keys' full names. */
export interface TestKeySpace extends KeySpace {
  /** An ioredis client (Redis or Cluster) with `keyPrefix` set to `prefix`. */
  readonly client: Redis | Cluster;
  /** Binds the generated scripts to `client`: pass the generated `bindScripts`. */
  bind<T>(bindScripts: (client: Redis | Cluster) => T): T;
  /** Every key of this space (full names), for assertions. */
  keys(): Promise<string[]>;
  /** Deletes the space's keys and closes its client (also done by TestRedis.stop). */
  dispose(): Promise<void>;
}

export interface TestRedis {
  readonly source: RedisSource | 'cluster-env' | 'cluster-spawned';
  /** `redis://host:port` of the server, or of the first cluster master. */
  readonly url: string;
  /** The masters, for a cluster; one entry otherwise. */
  readonly nodes: readonly ClusterNode[];
  /** A fresh, isolated key space with its own client. */
  keySpace(): Promise<TestKeySpace>;
  /** A plain client without a key prefix (the caller closes it). */
  connect(): Redis | Cluster;
  /** Disposes every key space, then stops what was started (never a server given by the environment). */
  stop(): Promise<void>;
}

export async function startTestRedis(options: TestRedisOptions = {}): Promise<TestRedis> {
  if (options.cluster) return fromCluster(await startCluster(), options);
  return fromStandalone(await startRedis({ dedicated: options.dedicated }), options);
}

function fromStandalone(handle: RedisHandle, options: TestRedisOptions): TestRedis {
  const nodes = [{ host: handle.host, port: handle.port }];
  return testRedis(handle.source, handle.url, nodes, options, (extra) => new Redis(handle.url, extra), () => handle.stop());
}

function fromCluster(handle: ClusterHandle, options: TestRedisOptions): TestRedis {
  const first = handle.nodes[0]!;
  const nodes = handle.nodes.map((n) => ({ host: n.host, port: n.port }));
  const source = handle.source === 'env' ? 'cluster-env' : 'cluster-spawned';
  return testRedis(source, `redis://${first.host}:${first.port}`, nodes, options, (extra) => new Cluster(nodes, extra), () => handle.stop());
}

type Connect = (extra: { keyPrefix?: string }) => Redis | Cluster;

function testRedis(source: TestRedis['source'], url: string, nodes: readonly ClusterNode[], options: TestRedisOptions,
  connect: Connect, stopServer: () => Promise<void>): TestRedis {
  const open = new Set<TestKeySpace>();
  let stopped = false;
  return {
    source,
    url,
    nodes,
    async keySpace() {
      if (stopped) throw new Error('keySpace() after stop()');
      const space = keySpaceOn(connect, options.label, (s) => open.delete(s));
      open.add(space);
      return space;
    },
    connect: () => connect({}),
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        await Promise.all([...open].map((space) => space.dispose()));
      } finally {
        await stopServer();
      }
    },
  };
}

function keySpaceOn(connect: Connect, label: string | undefined, forget: (space: TestKeySpace) => void): TestKeySpace {
  const names = isolatedKeySpace(label);
  const client = connect({ keyPrefix: names.prefix });
  let disposed = false;
  const space: TestKeySpace = {
    ...names,
    client,
    bind: (bindScripts) => bindScripts(client),
    keys: () => scanPrefix(client, names.prefix),
    async dispose() {
      if (disposed) return;
      disposed = true;
      forget(space);
      try {
        const keys = await scanPrefix(client, names.prefix);
        // The client prefixes what it sends: delete by the names without the prefix, one key per call
        // (a cluster refuses multi-key DEL across slots; all keys here share one slot anyway).
        for (const key of keys) await client.del(key.slice(names.prefix.length));
      } finally {
        client.disconnect();
      }
    },
  };
  return space;
}

/** Full names of the keys starting with `prefix`, on every master. SCAN ignores the client's keyPrefix. */
async function scanPrefix(client: Redis | Cluster, prefix: string): Promise<string[]> {
  const servers = client instanceof Cluster ? client.nodes('master') : [client];
  const pattern = `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`;
  const found: string[] = [];
  for (const server of servers) {
    let cursor = '0';
    do {
      const [next, keys] = await server.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      found.push(...keys);
    } while (cursor !== '0');
  }
  return found.sort();
}
