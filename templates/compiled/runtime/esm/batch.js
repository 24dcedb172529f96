import { guardedCommand, sendCommand, sentGuarded, typedError, wasRefused, wasWritten } from './at-most-once.js';
import { decodeReply, isNoScript, scriptFailure } from './call-errors.js';
import { LuagenError, ScriptNotSentError, ScriptOutcomeUnknownError } from './errors.js';
/** A command method of a client or pipeline; scripts are defined on the client before its pipelines exist. */
export function commandOf(target, name, script) {
    const method = target[name];
    if (typeof method !== 'function') {
        throw new LuagenError(`${script}: '${name}' is not defined here; bind the scripts (bindScripts) before creating pipelines`);
    }
    return method;
}
/** ioredis marks a `multi()` pipeline by counting its MULTI commands (an internal field, in ioredis 5 and 6). */
export function isTransaction(pipeline) {
    return (pipeline._transactions ?? 0) > 0;
}
/** Kept on the pipeline itself: one property read per queued call instead of a WeakMap lookup. */
const BATCH = Symbol('luagen batch');
function batchState(pipeline) {
    const target = pipeline;
    let state = target[BATCH];
    if (!state) {
        state = { sentInFull: new Set(), writes: [] };
        Object.defineProperty(target, BATCH, { value: state });
    }
    return state;
}
function firstUseIn(state, sha1) {
    const shas = state.sentInFull;
    if (shas.has(sha1))
        return false;
    shas.add(sha1);
    return true;
}
/**
 * The error `exec()` of a transaction carrying write scripts rejects with. Once one of them was written, a lost
 * EXEC reply (or an EXECABORT caused by a refused re-send) leaves the outcome unknown; before that, nothing ran.
 */
function transactionFailure(state, error) {
    if (!(error instanceof Error) || error instanceof LuagenError || state.writes.length === 0)
        return error;
    const script = 'transaction';
    if (error.name === 'ReplyError') {
        return state.writes.some(wasRefused)
            ? new ScriptOutcomeUnknownError(script, 'the connection was lost after EXEC was sent', { cause: error })
            : error;
    }
    return state.writes.some(wasWritten)
        ? new ScriptOutcomeUnknownError(script, `no reply to EXEC (${error.message})`, { cause: error })
        : new ScriptNotSentError(script, error.message, { cause: error });
}
/** A transaction's `exec()` rejects with ScriptOutcomeUnknownError or ScriptNotSentError rather than a bare error. */
function typeTransactionErrors(pipeline, state) {
    if (state.writes.length > 0)
        return;
    const target = pipeline;
    const exec = target.exec;
    target.exec = function (...args) {
        return exec.apply(this, args).catch((error) => Promise.reject(transactionFailure(state, error)));
    };
}
/**
 * Queues a call of a script that writes as a command written at most once (at-most-once.ts). In a plain
 * pipeline, an EVALSHA answered NOSCRIPT (the cache was flushed meanwhile) is sent again in full after the batch.
 */
function queueWrite(client, pipeline, spec, argv) {
    const state = batchState(pipeline);
    const binary = spec.reply.binary;
    const inFull = firstUseIn(state, spec.sha1);
    // `argv` becomes `script, numkeys, ...`: a Command copies its arguments, so a re-send may reuse the array.
    argv.unshift(inFull ? spec.lua : spec.sha1);
    const command = guardedCommand(client, spec.id, inFull ? 'eval' : 'evalsha', argv, binary);
    if (isTransaction(pipeline)) {
        typeTransactionErrors(pipeline, state);
    }
    else if (!inFull) {
        command.promise = command.promise.catch((error) => {
            if (!isNoScript(error))
                return Promise.reject(typedError(command, error));
            argv[0] = spec.lua;
            return sentGuarded(sendCommand(client, guardedCommand(client, spec.id, 'eval', argv, binary)));
        });
    }
    state.writes.push(command);
    pipeline.sendCommand(command);
    return command;
}
export function batchMethods(spec, toDefined) {
    const suffix = spec.reply.binary ? 'Buffer' : '';
    return { eval: `eval${suffix}`, evalsha: `evalsha${suffix}`, defined: `${spec.command}${suffix}`, toDefined };
}
/**
 * Queues one call. The first use of a script in a pipeline or transaction is an EVAL, which loads it; later uses
 * are EVALSHA, which then find it, as a batch runs in order on one connection. An EVALSHA that met an empty
 * cache could not be recovered inside MULTI, and in a plain pipeline ioredis would resend it after the rest of
 * the batch, out of order. `argv` is `numkeys, ...keys, ...args`.
 * Every command gets `argv` as one array argument, which ioredis flattens: spread into the call (`apply`), about
 * 120,000 values overflow the stack with a RangeError.
 */
export function queueScript(client, pipeline, spec, argv, methods) {
    const queuedAt = pipeline.length;
    let written;
    if (!spec.readonly) {
        written = queueWrite(client, pipeline, spec, argv);
    }
    else if (firstUseIn(batchState(pipeline), spec.sha1)) {
        argv.unshift(spec.lua);
        commandOf(pipeline, methods.eval, spec.id).call(pipeline, argv);
    }
    else if (isTransaction(pipeline)) {
        argv.unshift(spec.sha1);
        commandOf(pipeline, methods.evalsha, spec.id).call(pipeline, argv);
    }
    else {
        // The defined command still recovers should the cache be flushed while the pipeline runs.
        commandOf(pipeline, methods.defined, spec.id).call(pipeline, methods.toDefined(argv));
    }
    return new QueuedScript(pipeline, spec, queuedAt, written);
}
/**
 * read(null): exec() resolves to null only when a WATCHed key changed (nothing was applied); a caller that
 * turned a rejected exec() into null cannot know whether the batch ran, and neither can luagen.
 */
const NO_RESULTS = 'no results to read. exec() resolves to null when a WATCHed key changed: then the transaction was not applied. ' +
    "If exec() was rejected, its error is the answer: after a lost connection the script may have run or not, so read the data back before retrying.";
/** One queued call: where it stands in its pipeline, read back after `exec()`. A class: no closure per call. */
class QueuedScript {
    pipeline;
    spec;
    queuedAt;
    written;
    constructor(pipeline, spec, queuedAt, 
    /** A script that writes: its guarded command, whose error `read` types (see typedError). */
    written) {
        this.pipeline = pipeline;
        this.spec = spec;
        this.queuedAt = queuedAt;
        this.written = written;
    }
    read(results) {
        return readResult(this.spec, results, this, this.written);
    }
    indexIn(results) {
        // A transaction's queue starts with MULTI and ends with EXEC, which exec() leaves out of its results.
        return this.queuedAt - (this.pipeline.length > results.length ? 1 : 0);
    }
}
/** The decoded reply (or the typed error) of one entry of `exec()`'s results, at the index `position` gives. */
export function readResult(spec, results, position, written) {
    if (!results)
        throw new LuagenError(`${spec.id}: ${NO_RESULTS}`);
    const index = position.indexIn(results);
    const entry = results[index];
    if (!entry)
        throw new LuagenError(`${spec.id}: no result at position ${index} of the pipeline`);
    const [error, raw] = entry;
    if (error)
        throw scriptFailure(spec, written ? typedError(written, error) : error);
    return decodeReply(spec, raw);
}
