import { ErrorReply, RESP_TYPES, type RedisArgument, type TypeMapping } from '@redis/client';

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
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  nodeClient(node: any): NodeRedisClient | Promise<NodeRedisClient>;
}

export type RedisClient = NodeRedisClient | NodeRedisCluster;

export function isClusterClient(client: RedisClient): client is NodeRedisCluster {
  return 'masters' in client && 'nodeClient' in client;
}

/** An error Redis replied with (node-redis raises SimpleError / BlobError, both ErrorReply). */
export function isErrorReply(error: Error): boolean {
  return error instanceof ErrorReply;
}

/**
 * Replies as luagen's decoders read them, whatever type mapping the client was given: big numbers as exact
 * strings, RESP3 maps as objects, doubles as numbers, booleans as booleans (the defaults otherwise). A reply
 * declared as bytes takes bulk strings as Buffers (the ioredis `...Buffer` variant).
 */
const TEXT_REPLIES: TypeMapping = { [RESP_TYPES.BIG_NUMBER]: String };
const BINARY_REPLIES: TypeMapping = { [RESP_TYPES.BIG_NUMBER]: String, [RESP_TYPES.BLOB_STRING]: Buffer };

export function replyOptions(binary: boolean): ReplyOptions {
  return { typeMapping: binary ? BINARY_REPLIES : TEXT_REPLIES };
}

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
export function senderFor(client: RedisClient, binary: boolean): Send {
  const options = replyOptions(binary);
  const target = withTypeMapping(client, options.typeMapping) ?? client;
  if (isClusterClient(target)) return (args, firstKey, readonly) => target.sendCommand(firstKey, readonly, args, options);
  return (args) => target.sendCommand(args, options);
}

/**
 * `client.withTypeMapping(typeMapping)` when the client has it (node-redis 5 and 6 clients and clusters do): a
 * proxy whose prototype is the client, so a cluster's proxy is still a cluster to isClusterClient.
 */
function withTypeMapping(client: RedisClient, typeMapping: TypeMapping): RedisClient | undefined {
  const method = (client as { withTypeMapping?: (mapping: TypeMapping) => RedisClient }).withTypeMapping;
  return typeof method === 'function' ? method.call(client, typeMapping) : undefined;
}
