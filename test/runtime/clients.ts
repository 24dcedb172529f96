import Redis, { Cluster } from 'ioredis';
import Redis5, { Cluster as Cluster5 } from 'ioredis5';
import type { ClusterNode } from '../support/redis-cluster';

/** Options every client of the matrix may add (e.g. `keyPrefix`). */
export interface ExtraOptions {
  readonly keyPrefix?: string;
}

/** One ioredis version and protocol setting; the generated client must behave the same under each. */
export interface ClientCombo {
  readonly name: string;
  /** The RESP version the connection speaks. */
  readonly protocol: 2 | 3;
  standalone(url: string, extra?: ExtraOptions): Redis;
  cluster(nodes: readonly ClusterNode[], extra?: ExtraOptions): Cluster;
}

/** Options of one combination, as ioredis 6 names them (ioredis 5 ignores nothing it knows). */
type ProtocolOptions = { protocol?: 2 | 3; replyMapping?: 'legacy' | 'resp3' };

function startupNodes(nodes: readonly ClusterNode[]): { host: string; port: number }[] {
  return nodes.map((n) => ({ host: n.host, port: n.port }));
}

function redis6(name: string, protocol: 2 | 3, options: ProtocolOptions): ClientCombo {
  return {
    name,
    protocol,
    standalone: (url, extra = {}) => new Redis(url, { ...options, ...extra }),
    cluster: (nodes, extra = {}) => new Cluster(startupNodes(nodes), { ...extra, redisOptions: { ...options } }),
  };
}

/**
 * ioredis 5 speaks RESP2 only. The generated code is typed against ioredis 6; the clients are the same at run
 * time, so the tests cast (only here).
 */
const redis5: ClientCombo = {
  name: 'ioredis 5 (RESP2)',
  protocol: 2,
  standalone: (url, extra = {}) => new Redis5(url, { ...extra }) as unknown as Redis,
  cluster: (nodes, extra = {}) => new Cluster5(startupNodes(nodes), { ...extra }) as unknown as Cluster,
};

/** Every supported combination of client version, protocol and reply mapping. */
export const CLIENT_MATRIX: readonly ClientCombo[] = [
  redis6('ioredis 6 default (RESP3, replyMapping legacy)', 3, {}),
  redis6('ioredis 6 protocol 2', 2, { protocol: 2 }),
  redis6('ioredis 6 RESP3, replyMapping resp3', 3, { protocol: 3, replyMapping: 'resp3' }),
  redis5,
];

/** The shared server of the jest run (global-setup). */
export function sharedRedisUrl(): string {
  const url = process.env.REDIS_URL;
  if (!url) throw new Error('REDIS_URL is not set: run the tests through jest (test/support/global-setup.ts)');
  return url;
}

/** A random key prefix so that test files sharing the server never touch each other's keys. */
export function uniquePrefix(area: string): string {
  return `test:runtime:${area}:${Math.random().toString(36).slice(2, 10)}:`;
}
