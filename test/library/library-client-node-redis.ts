/**
 * The library suite on node-redis (jest project `node-redis`, which maps `./library-client` here and
 * `../../generated` to the lua/ library built with `--client node-redis`). Type-checked against the ioredis
 * build, so the bound object is cast once, here; at run time it is the node-redis client's.
 */
import { createClient, createCluster } from '@redis/client';
import type { ChainableCommander } from 'ioredis';
import { bindScripts, type Scripts } from '../../generated';
import type { BatchResults, ScriptsConnection } from './library-client';

export const LIBRARY_CLIENT: 'ioredis' | 'node-redis' = 'node-redis';

const bind = bindScripts as unknown as (client: unknown) => Scripts;

/** A multi of the client, run with execAsPipeline() (the counterpart of an ioredis pipeline). */
function batchOf(client: { multi(): { execAsPipeline(): Promise<unknown> } }) {
  const multi = client.multi();
  return { target: multi as unknown as ChainableCommander, exec: () => multi.execAsPipeline() as Promise<BatchResults> };
}

/** RESP3 by default (node-redis's own default is RESP2, which `resp: 2` selects). */
export function connectScripts(url: string, options: { resp?: 2 } = {}): ScriptsConnection {
  const client = createClient({ url, RESP: options.resp ?? 3 });
  // Commands wait in node-redis's offline queue until the connection is ready.
  void client.connect();
  return {
    scripts: bind(client),
    batch: () => batchOf(client),
    close: async () => {
      await client.close();
    },
  };
}

export async function connectClusterScripts(nodes: readonly { host: string; port: number }[]): Promise<ScriptsConnection> {
  const cluster = createCluster({ rootNodes: nodes.map((n) => ({ url: `redis://${n.host}:${n.port}` })), RESP: 3 });
  await cluster.connect();
  return {
    scripts: bind(cluster),
    batch: () => batchOf(cluster),
    close: async () => {
      await cluster.close();
    },
  };
}
