import type { RedisClient } from './bind';
import { isClusterClient } from './bind';

/**
 * Loads every script into the server's script cache up front (SCRIPT LOAD), on every master of a cluster,
 * so that the first calls need no EVAL fallback.
 */
export async function preloadScripts(client: RedisClient, specs: readonly { readonly lua: string }[]): Promise<void> {
  const nodes = isClusterClient(client) ? client.nodes('master') : [client];
  await Promise.all(nodes.map((node) => Promise.all(specs.map((spec) => node.script('LOAD', spec.lua)))));
}
