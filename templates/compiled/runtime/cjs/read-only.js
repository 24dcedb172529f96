"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.callReadOnly = callReadOnly;
const call_errors_1 = require("./call-errors");
/** Clients whose server does not know EVALSHA_RO (Redis < 7): they keep using EVALSHA. */
const withoutReadOnlyCommands = new WeakSet();
/**
 * Lower case on purpose: an ioredis Cluster looks the name up as given in @ioredis/commands (lower case
 * names) to decide whether `scaleReads` applies; `EVALSHA_RO` would not be found and would go to a master.
 */
const EVALSHA_RO = 'evalsha_ro';
const EVAL_RO = 'eval_ro';
function messageOf(error) {
    return error instanceof Error ? error.message : '';
}
/** Redis < 7: `ERR unknown command 'EVALSHA_RO', with args beginning with: ...`. */
function isUnknownCommand(error) {
    return /^ERR unknown command/i.test(messageOf(error));
}
/**
 * Runs a `no-writes` script with EVALSHA_RO (EVAL_RO when the script is not cached), so that Redis may run it
 * on a replica and refuses it should it write. `call()` applies the client's keyPrefix to the keys and, on a
 * Cluster, routes by the first key's slot and counts as a read (ioredis `scaleReads`), as EVALSHA_RO is a
 * read-only command. When the server lacks EVALSHA_RO, `fallback` (EVALSHA via defineCommand) runs instead,
 * for this call and every later one on the client.
 * `argv` is `numkeys, ...keys, ...args`, passed as one array (ioredis flattens it; a spread overflows the stack).
 */
async function callReadOnly(client, spec, argv, fallback) {
    if (spec.readOnlyCommands === false || withoutReadOnlyCommands.has(client))
        return fallback();
    const send = (spec.reply.binary ? client.callBuffer : client.call);
    try {
        return await send.call(client, EVALSHA_RO, spec.sha1, argv);
    }
    catch (error) {
        if ((0, call_errors_1.isNoScript)(error))
            return send.call(client, EVAL_RO, spec.lua, argv);
        if (!isUnknownCommand(error))
            throw error;
        withoutReadOnlyCommands.add(client);
        return fallback();
    }
}
