import { isClusterClient } from './client.js';
/**
 * Loads every script into the server's script cache up front (SCRIPT LOAD), so that the first calls need no
 * EVAL fallback. On a cluster: on every master and replica the client knows (read-only scripts may run on
 * replicas, and each node keeps its own script cache); connect the cluster first.
 */
export async function preloadScripts(client, specs) {
    const nodes = isClusterClient(client)
        ? await Promise.all([...client.masters, ...client.replicas].map((node) => client.nodeClient(node)))
        : [client];
    await Promise.all(nodes.map((node) => Promise.all(specs.map((spec) => node.sendCommand(['SCRIPT', 'LOAD', spec.lua])))));
}
