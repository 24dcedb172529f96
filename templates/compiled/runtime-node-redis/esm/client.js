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
export function senderFor(client, binary) {
    const options = replyOptions(binary);
    if (isClusterClient(client))
        return (args, firstKey, readonly) => client.sendCommand(firstKey, readonly, args, options);
    return (args) => client.sendCommand(args, options);
}
