import { ErrorReply, RESP_TYPES } from '@redis/client';
export function isClusterClient(client) {
    return 'masters' in client && 'nodeClient' in client;
}
/** An error Redis replied with (node-redis raises SimpleError / BlobError, both ErrorReply). */
export function isErrorReply(error) {
    return error instanceof ErrorReply;
}
/**
 * Replies as luagen's decoders read them, whatever type mapping the client was given: big numbers as exact
 * strings, RESP3 maps as objects, doubles as numbers, booleans as booleans (the defaults otherwise). A reply
 * declared as bytes takes bulk strings as Buffers (the ioredis `...Buffer` variant).
 */
const TEXT_REPLIES = { [RESP_TYPES.BIG_NUMBER]: String };
const BINARY_REPLIES = { [RESP_TYPES.BIG_NUMBER]: String, [RESP_TYPES.BLOB_STRING]: Buffer };
export function replyOptions(binary) {
    return { typeMapping: binary ? BINARY_REPLIES : TEXT_REPLIES };
}
/**
 * Every command carries the mapping, and is sent through node-redis's own proxy of the client that has the same
 * mapping in its command options (`withTypeMapping`, which keeps the client's other command options).
 * node-redis 6 merges a command's options into the proxy's with an object spread: when that adds a key the
 * client's options lack, every command is slower to queue (node-redis 6.3, 50 callers: 3.7-4.3 µs of client
 * CPU per command against 2.2 µs). Through the proxy the spread only overwrites. node-redis 5 merges into the
 * client's own options, not the proxy's, so the mapping must still come with the command.
 */
export function senderFor(client, binary) {
    const options = replyOptions(binary);
    const target = withTypeMapping(client, options.typeMapping) ?? client;
    if (isClusterClient(target))
        return (args, firstKey, readonly) => target.sendCommand(firstKey, readonly, args, options);
    return (args) => target.sendCommand(args, options);
}
/**
 * `client.withTypeMapping(typeMapping)` when the client has it (node-redis 5 and 6 clients and clusters do): a
 * proxy whose prototype is the client, so a cluster's proxy is still a cluster to isClusterClient.
 */
function withTypeMapping(client, typeMapping) {
    const method = client.withTypeMapping;
    return typeof method === 'function' ? method.call(client, typeMapping) : undefined;
}
