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

export function senderFor(client: RedisClient, binary: boolean): Send {
  const options = replyOptions(binary);
  if (isClusterClient(client)) return (args, firstKey, readonly) => client.sendCommand(firstKey, readonly, args, options);
  return (args) => client.sendCommand(args, options);
}
