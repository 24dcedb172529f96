import { type RedisArgument, type TypeMapping } from '@redis/client';
/** Per-command options luagen passes: how the reply's RESP types map to JavaScript. */
export interface ReplyOptions {
    typeMapping: TypeMapping;
}
/**
 * A node-redis 5 or 6 client, as luagen uses it: `createClient()` of `redis` or `@redis/client`, with any modules,
 * scripts, functions, RESP version and type mapping (structural: node-redis's own generic types are invariant
 * in those parameters, so no one instantiation of them takes every client).
 */
export interface NodeRedisClient {
    sendCommand(args: readonly RedisArgument[], options?: ReplyOptions): Promise<unknown>;
}
/** A node of a cluster, as `masters` and `replicas` list them. */
export interface ClusterNode {
    readonly id: string;
}
/** A node-redis 5 or 6 cluster, `createCluster()`, as luagen uses it. */
export interface NodeRedisCluster {
    readonly masters: readonly ClusterNode[];
    readonly replicas: readonly ClusterNode[];
    sendCommand(firstKey: RedisArgument | undefined, isReadonly: boolean | undefined, args: readonly RedisArgument[], options?: ReplyOptions): Promise<unknown>;
    nodeClient(node: any): NodeRedisClient | Promise<NodeRedisClient>;
}
export type RedisClient = NodeRedisClient | NodeRedisCluster;
export declare function isClusterClient(client: RedisClient): client is NodeRedisCluster;
/** An error Redis replied with (node-redis raises SimpleError / BlobError, both ErrorReply). */
export declare function isErrorReply(error: Error): boolean;
export declare function replyOptions(binary: boolean): ReplyOptions;
/** Sends one command: a cluster routes it by its first key (any master for none) and, if read-only, may use a replica. */
export type Send = (args: RedisArgument[], firstKey: RedisArgument | undefined, readonly: boolean) => Promise<unknown>;
/**
 * Every command carries the mapping, and is sent through node-redis's own proxy of the client that has the same
 * mapping in its command options (`withTypeMapping`, which keeps the client's other command options).
 * node-redis 6 merges a command's options into the proxy's with an object spread: when that adds a key the
 * client's options lack, every command is slower to queue (node-redis 6.3, 50 callers: 3.7-4.3 µs of client
 * CPU per command against 2.2 µs). Through the proxy the spread only overwrites. node-redis 5 merges into the
 * client's own options, not the proxy's, so the mapping must still come with the command.
 */
export declare function senderFor(client: RedisClient, binary: boolean): Send;
