"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.loadLibrary = loadLibrary;
exports.preloadLibrary = preloadLibrary;
exports.bindFunction = bindFunction;
const call_errors_1 = require("./call-errors");
const function_library_1 = require("./function-library");
const command_arguments_1 = require("./command-arguments");
const batch_1 = require("./batch");
const client_1 = require("./client");
const delivery_1 = require("./delivery");
/**
 * `--target functions` on node-redis: every script is a function of one Redis Functions library, called with
 * FCALL (FCALL_RO when read-only). A call that finds no function loads the library (on every master of a
 * cluster) and runs again, once. A batch loads it in its own first command (see queueFunction).
 */
/** Loads the library where the client's calls go: the server, or every master of a cluster. */
function loadLibrary(client, library) {
    const loadOn = (node) => (0, function_library_1.loadFunctions)((code) => node.sendCommand(['FUNCTION', 'LOAD', code]), library);
    return (0, function_library_1.loadOnce)(client, library, async () => {
        if (!(0, client_1.isClusterClient)(client))
            return loadOn(client);
        await Promise.all((await Promise.all(client.masters.map((master) => client.nodeClient(master)))).map(loadOn));
    });
}
/** Loads the library everywhere calls may go (see loadLibrary). */
function preloadLibrary(client, library) {
    return loadLibrary(client, library);
}
/** Binds a script of the Functions target; the same API as an EVAL script (see bindScript). */
function bindFunction(client, spec, binding) {
    const generic = spec;
    const cluster = (0, client_1.isClusterClient)(client);
    const send = (0, client_1.senderFor)(client, spec.reply.binary);
    const command = spec.readonly ? 'FCALL_RO' : 'FCALL';
    const decode = (raw) => (0, call_errors_1.decodeReply)(spec, raw);
    const fail = (error) => {
        throw (0, delivery_1.callFailure)(generic, error);
    };
    const sendOnce = (args) => send(args, (0, command_arguments_1.firstKeyOf)(args), spec.readonly);
    const call = (input) => {
        let args;
        try {
            args = (0, command_arguments_1.commandArguments)(generic, command, binding.name, input, cluster);
        }
        catch (error) {
            return Promise.reject(error);
        }
        // A missing function did not run: load the library and call once more.
        const sent = sendOnce(args).catch((error) => (0, function_library_1.isFunctionMissing)(error) ? loadLibrary(client, binding.library).then(() => sendOnce(args)) : Promise.reject(error));
        return sent.then(decode, fail);
    };
    const queue = (batch, input) => (0, batch_1.queueFunction)(batch, generic, binding.library, (0, command_arguments_1.commandArguments)(generic, command, binding.name, input, cluster), cluster);
    return Object.assign(call, { queue, spec });
}
