import { isClusterClient } from './bind.js';
/**
 * Loads every script into the server's script cache up front (SCRIPT LOAD), so that the first calls need no
 * EVAL fallback. On a cluster: on every node the client knows, masters and replicas alike (read-only scripts
 * may run on replicas, and each node keeps its own script cache). A Cluster that is still connecting knows
 * no nodes yet: one command (queued by ioredis until the cluster is ready) waits for it first.
 */
export async function preloadScripts(client, specs) {
    if (isClusterClient(client) && client.status !== 'ready')
        await client.ping();
    const nodes = isClusterClient(client) ? client.nodes('all') : [client];
    await Promise.all(nodes.map((node) => Promise.all(specs.map((spec) => node.script('LOAD', spec.lua)))));
}
