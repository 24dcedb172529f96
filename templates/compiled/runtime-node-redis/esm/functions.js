import { decodeReply } from './call-errors.js';
import { isFunctionMissing, loadFunctions, loadOnce } from './function-library.js';
import { commandArguments, firstKeyOf } from './command-arguments.js';
import { queueFunction } from './batch.js';
import { isClusterClient, senderFor } from './client.js';
import { callFailure } from './delivery.js';
/**
 * `--target functions` on node-redis: every script is a function of one Redis Functions library, called with
 * FCALL (FCALL_RO when read-only). A call that finds no function loads the library (on every master of a
 * cluster) and runs again, once. A batch loads it in its own first command (see queueFunction).
 */
/** Loads the library where the client's calls go: the server, or every master of a cluster. */
export function loadLibrary(client, library) {
    const loadOn = (node) => loadFunctions((code) => node.sendCommand(['FUNCTION', 'LOAD', code]), library);
    return loadOnce(client, library, async () => {
        if (!isClusterClient(client))
            return loadOn(client);
        await Promise.all((await Promise.all(client.masters.map((master) => client.nodeClient(master)))).map(loadOn));
    });
}
/** Loads the library everywhere calls may go (see loadLibrary). */
export function preloadLibrary(client, library) {
    return loadLibrary(client, library);
}
/** Binds a script of the Functions target; the same API as an EVAL script (see bindScript). */
export function bindFunction(client, spec, binding) {
    const generic = spec;
    const cluster = isClusterClient(client);
    const send = senderFor(client, spec.reply.binary);
    const command = spec.readonly ? 'FCALL_RO' : 'FCALL';
    const decode = (raw) => decodeReply(spec, raw);
    const fail = (error) => {
        throw callFailure(generic, error);
    };
    const sendOnce = (args) => send(args, firstKeyOf(args), spec.readonly);
    const call = (input) => {
        let args;
        try {
            args = commandArguments(generic, command, binding.name, input, cluster);
        }
        catch (error) {
            return Promise.reject(error);
        }
        // A missing function did not run: load the library and call once more.
        const sent = sendOnce(args).catch((error) => isFunctionMissing(error) ? loadLibrary(client, binding.library).then(() => sendOnce(args)) : Promise.reject(error));
        return sent.then(decode, fail);
    };
    const queue = (batch, input) => queueFunction(batch, generic, binding.library, commandArguments(generic, command, binding.name, input, cluster), cluster);
    return Object.assign(call, { queue, spec });
}
