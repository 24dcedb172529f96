import { guardedCommand, sendCommand, sentGuarded } from './at-most-once.js';
import { isTransaction, readResult } from './batch.js';
import { isClusterClient, scriptFunction } from './bind.js';
import { isFunctionMissing, loadFunctions, loadOnce } from './function-library.js';
/**
 * Loads the library where the client's calls go: the server of a standalone client, every master of a cluster
 * (replicas get it from their master). A server that already has it is left as is.
 */
export function loadLibrary(client, library) {
    const loadOn = (node) => loadFunctions((code) => node.call('FUNCTION', 'LOAD', code), library);
    return loadOnce(client, library, async () => {
        if (!isClusterClient(client))
            return loadOn(client);
        if (client.status !== 'ready')
            await client.ping();
        await Promise.all(client.nodes('master').map(loadOn));
    });
}
/**
 * Lower case on purpose: an ioredis Cluster finds `fcall_ro` in @ioredis/commands as a read-only command, so
 * `scaleReads` may send it to a replica.
 */
const FCALL_RO = 'fcall_ro';
function commandName(spec) {
    return spec.readonly ? FCALL_RO : 'fcall';
}
/** FCALL_RO of a read-only function. */
function sendReadOnly(client, spec, args) {
    return (spec.reply.binary ? client.callBuffer : client.call).call(client, FCALL_RO, args);
}
/** FCALL of a function that writes, as a command written at most once (at-most-once.ts). */
function sendWrite(client, spec, args) {
    return sendCommand(client, guardedCommand(client, spec.id, 'fcall', args, spec.reply.binary));
}
/** Binds a script of the Functions target; the same API as an EVAL script (see bindScript). */
export function bindFunction(client, spec, binding) {
    const generic = spec;
    const again = (argv) => (spec.readonly ? sendReadOnly(client, generic, argv) : sentGuarded(sendWrite(client, generic, argv)));
    // When the server lacks the function (it did not run): load the library and call once more.
    const resend = (error, argv) => isFunctionMissing(error) ? loadLibrary(client, binding.library).then(() => again(argv)) : Promise.reject(error);
    // `argv` becomes `name, numkeys, ...keys, ...args`, the arguments of both tries.
    const sender = spec.readonly
        ? { send: (argv) => (argv.unshift(binding.name), sendReadOnly(client, generic, argv)), resend }
        : { sendGuarded: (argv) => (argv.unshift(binding.name), sendWrite(client, generic, argv)), resend };
    return scriptFunction(client, spec, sender, (pipeline, argv) => queueFunction(pipeline, generic, binding, argv));
}
/**
 * Per pipeline: where each library's FUNCTION LOAD sits among the results, by library name. Kept on the pipeline
 * under a global symbol, so that two generated clients (two projects, or two builds, each with its own copy of
 * this runtime) queueing into one pipeline share it and one `exec()` wrapper removes every LOAD entry.
 */
const LOADS = Symbol.for('luagen.functionLoads');
function loadsOf(pipeline) {
    return pipeline[LOADS];
}
/** The index in `exec()`'s results of the command queued next (a transaction's results leave out its MULTI). */
function nextResultIndex(pipeline) {
    return pipeline.length - (isTransaction(pipeline) ? 1 : 0);
}
/**
 * The first function of a library queued in a pipeline or transaction is preceded by FUNCTION LOAD, on the same
 * connection and in order, so that no FCALL in the batch can miss the library (the LOAD's own error, "already
 * exists", is expected and dropped). `exec()` is wrapped, once per pipeline, to take the LOAD entries out of
 * its results, so that every other command's result stays where the caller queued it.
 */
function queueLibraryLoad(pipeline, library) {
    let loads = loadsOf(pipeline);
    if (!loads) {
        const positions = (loads = new Map());
        Object.defineProperty(pipeline, LOADS, { value: positions });
        const target = pipeline;
        const exec = target.exec;
        target.exec = function (callback) {
            const done = exec.call(this).then((results) => {
                for (const index of [...positions.values()].sort((a, b) => b - a))
                    results?.splice(index, 1);
                return results;
            });
            if (callback)
                done.then((results) => callback(null, results), (error) => callback(error));
            return done;
        };
    }
    if (!loads.has(library.name)) {
        loads.set(library.name, nextResultIndex(pipeline));
        pipeline.call('FUNCTION', 'LOAD', library.code);
    }
    return loads;
}
/** Queues FCALL (after the library's LOAD, see queueLibraryLoad); read the reply back after `exec()`. */
function queueFunction(pipeline, spec, binding, argv) {
    const loads = queueLibraryLoad(pipeline, binding.library);
    const queuedAt = nextResultIndex(pipeline);
    let loadsBefore = 0;
    for (const index of loads.values())
        if (index < queuedAt)
            loadsBefore++;
    const method = spec.reply.binary ? pipeline.callBuffer : pipeline.call;
    method.call(pipeline, commandName(spec), [binding.name, ...argv]);
    return new QueuedFunction(spec, queuedAt - loadsBefore);
}
/** One queued FCALL and the index of its result once the LOAD entries are taken out. */
class QueuedFunction {
    spec;
    resultIndex;
    constructor(spec, resultIndex) {
        this.spec = spec;
        this.resultIndex = resultIndex;
    }
    read(results) {
        return readResult(this.spec, results, this);
    }
    indexIn() {
        return this.resultIndex;
    }
}
/** Loads the library everywhere calls may go (see loadLibrary). */
export function preloadLibrary(client, library) {
    return loadLibrary(client, library);
}
