import { decodeReply, isNoScript } from './call-errors.js';
import { commandArguments, firstKeyOf } from './command-arguments.js';
import { queueScript } from './batch.js';
import { isClusterClient, senderFor } from './client.js';
import { callFailure } from './delivery.js';
import { bindFunction } from './functions.js';
/** Clients whose server does not know EVALSHA_RO (Redis < 7): they keep using EVALSHA. */
const withoutReadOnlyCommands = new WeakSet();
/** Redis < 7: `ERR unknown command 'EVALSHA_RO', with args beginning with: ...`. */
function isUnknownCommand(error) {
    return error instanceof Error && /^ERR unknown command/i.test(error.message);
}
/** After EVALSHA failed: should Redis have answered NOSCRIPT (the script did not run), EVAL with the same arguments, once. */
function resendScript(send, spec, args, readonly, error) {
    if (!isNoScript(error))
        return Promise.reject(error);
    args[0] = args[0] === 'EVALSHA_RO' ? 'EVAL_RO' : 'EVAL';
    args[1] = spec.lua;
    return send(args, firstKeyOf(args), readonly);
}
/** EVALSHA, then EVAL on NOSCRIPT (resendScript). */
function sendScript(send, spec, args, readonly) {
    return send(args, firstKeyOf(args), readonly).catch((error) => resendScript(send, spec, args, readonly, error));
}
/**
 * A `no-writes` script goes with EVALSHA_RO, so that Redis refuses it should it write and a cluster client
 * created with `useReplicas` may run it on a replica. A server without EVALSHA_RO (before 7.0) gets EVALSHA,
 * for this call and every later one on the client.
 */
function sendReadOnly(client, send, spec, args) {
    if (spec.readOnlyCommands === false || withoutReadOnlyCommands.has(client))
        return sendScript(send, spec, args, true);
    args[0] = 'EVALSHA_RO';
    return sendScript(send, spec, args, true).catch((error) => {
        if (!isUnknownCommand(error))
            return Promise.reject(error);
        withoutReadOnlyCommands.add(client);
        args[0] = 'EVALSHA';
        args[1] = spec.sha1;
        return sendScript(send, spec, args, true);
    });
}
/** Binds one script to a node-redis client: EVALSHA (EVAL on NOSCRIPT), or FCALL for the Functions target. */
export function bindScript(client, spec) {
    if (spec.function)
        return bindFunction(client, spec, spec.function);
    const generic = spec;
    const cluster = isClusterClient(client);
    const send = senderFor(client, spec.reply.binary);
    const decode = (raw) => decodeReply(spec, raw);
    const fail = (error) => {
        throw callFailure(generic, error);
    };
    const call = (input) => {
        let args;
        try {
            args = commandArguments(generic, 'EVALSHA', spec.sha1, input, cluster);
        }
        catch (error) {
            return Promise.reject(error);
        }
        if (spec.readonly)
            return sendReadOnly(client, send, generic, args).then(decode, fail);
        // Plain chaining: the success path is the command's promise plus one `then`; the retry lives in the rejection handler.
        return send(args, firstKeyOf(args), false).then(decode, (error) => resendScript(send, generic, args, false, error).then(decode, fail));
    };
    const queue = (batch, input) => queueScript(batch, generic, commandArguments(generic, 'EVALSHA', spec.sha1, input, cluster), cluster);
    return Object.assign(call, { queue, spec });
}
