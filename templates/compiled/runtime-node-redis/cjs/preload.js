"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.preloadScripts = preloadScripts;
const client_1 = require("./client");
/**
 * Loads every script into the server's script cache up front (SCRIPT LOAD), so that the first calls need no
 * EVAL fallback. On a cluster: on every master and replica the client knows (read-only scripts may run on
 * replicas, and each node keeps its own script cache); connect the cluster first.
 */
async function preloadScripts(client, specs) {
    const nodes = (0, client_1.isClusterClient)(client)
        ? await Promise.all([...client.masters, ...client.replicas].map((node) => client.nodeClient(node)))
        : [client];
    await Promise.all(nodes.map((node) => Promise.all(specs.map((spec) => node.sendCommand(['SCRIPT', 'LOAD', spec.lua])))));
}
