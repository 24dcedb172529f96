/**
 * The client the library suite binds its scripts to: ioredis here. The `node-redis` jest project maps this module
 * to library-client-node-redis.ts and `../../generated` to the same lua/ built with `--client node-redis`, so
 * every library test runs on both clients. Direct commands (setup, inspection) always go through ioredis.
 */
import Redis, { Cluster, type ChainableCommander } from 'ioredis';
import Redis5 from 'ioredis5';
import { bindScripts, type QueuedReply, type Scripts } from '../../generated';

export const LIBRARY_CLIENT: 'ioredis' | 'node-redis' = 'ioredis';

/** What `read()` of a queued script takes. */
export type BatchResults = Parameters<QueuedReply<unknown>['read']>[0];

/** A batch to `queue()` scripts in, and how to run it. */
export interface LibraryBatch {
  readonly target: ChainableCommander;
  exec(): Promise<BatchResults>;
}

export interface ScriptsConnection {
  readonly scripts: Scripts;
  /** A pipeline (ioredis `pipeline()`, node-redis `multi()` run with `execAsPipeline()`). */
  batch(): LibraryBatch;
  close(): Promise<void>;
}

/** `resp: 2` is ioredis 5 (RESP2 only); the default ioredis 6 speaks RESP3. */
export function connectScripts(url: string, options: { resp?: 2 } = {}): ScriptsConnection {
  const redis = options.resp === 2 ? (new Redis5(url) as unknown as Redis) : new Redis(url, { maxRetriesPerRequest: 1 });
  return {
    scripts: bindScripts(redis),
    batch: () => {
      const pipeline = redis.pipeline();
      return { target: pipeline, exec: () => pipeline.exec() };
    },
    close: async () => {
      await redis.quit();
    },
  };
}

export async function connectClusterScripts(nodes: readonly { host: string; port: number }[]): Promise<ScriptsConnection> {
  const cluster = new Cluster(nodes.map((n) => ({ host: n.host, port: n.port })));
  await cluster.ping();
  return {
    scripts: bindScripts(cluster),
    batch: () => {
      const pipeline = cluster.pipeline();
      return { target: pipeline, exec: () => pipeline.exec() };
    },
    close: async () => {
      await cluster.quit();
    },
  };
}
