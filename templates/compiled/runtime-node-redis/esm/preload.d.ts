import { type RedisClient } from './client.js';
/**
 * Loads every script into the server's script cache up front (SCRIPT LOAD), so that the first calls need no
 * EVAL fallback. On a cluster: on every master and replica the client knows (read-only scripts may run on
 * replicas, and each node keeps its own script cache); connect the cluster first.
 */
export declare function preloadScripts(client: RedisClient, specs: readonly {
    readonly lua: string;
}[]): Promise<void>;
