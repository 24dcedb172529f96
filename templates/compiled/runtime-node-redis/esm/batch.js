import { ErrorReply } from '@redis/client';
import { decodeReply, scriptFailure } from './call-errors.js';
import { LuagenError } from './errors.js';
import { firstKeyOf } from './command-arguments.js';
import { isErrorReply } from './client.js';
import { callFailure, isError } from './delivery.js';
const STATE = Symbol.for('luagen.nodeRedisBatch');
/**
 * node-redis keeps a batch's queue private, and commands added before luagen first saw the batch cannot be
 * counted: from then on, every `addCommand` (node-redis's own command methods go through it) is counted, and
 * at `read` time the position of an entry is `results.length - added + its position among the counted ones`.
 */
function stateOf(batch) {
    const tagged = batch;
    const known = tagged[STATE];
    if (known)
        return known;
    const state = { sentInFull: new Set(), added: 0, loads: new Map() };
    const addCommand = batch.addCommand;
    Object.defineProperty(batch, STATE, { value: state });
    // Fixed parameters rather than a rest array: no allocation per queued command. A standalone batch takes
    // `(args, transformReply)`, a cluster's `(firstKey, isReadonly, args, transformReply)`.
    Object.defineProperty(batch, 'addCommand', {
        configurable: true,
        writable: true,
        value: function (a, b, c, d) {
            state.added++;
            return addCommand.call(this, a, b, c, d);
        },
    });
    return state;
}
/**
 * Queues one call. The first use of a script in a batch is an EVAL, which loads it, and later uses are EVALSHA,
 * which find it: the batch runs in order on one connection, so it never depends on the script cache (node-redis's
 * own `defineScript` does the same inside a multi, see its issue #2084: every batch carries each script in full
 * once). `args` is `EVALSHA, sha1, numkeys, ...keys, ...args`.
 */
export function queueScript(batch, spec, args, cluster) {
    const state = stateOf(batch);
    if (!state.sentInFull.has(spec.sha1)) {
        state.sentInFull.add(spec.sha1);
        args[0] = spec.readonly && spec.readOnlyCommands !== false ? 'EVAL_RO' : 'EVAL';
        args[1] = spec.lua;
    }
    else if (spec.readonly && spec.readOnlyCommands !== false) {
        args[0] = 'EVALSHA_RO';
    }
    return addTo(batch, state, spec, args, cluster);
}
/**
 * Queues an FCALL of the Functions target, after a FUNCTION LOAD REPLACE of its library when it is the library's
 * first function in the batch, so that nothing in the batch can miss the library (REPLACE: the library's name
 * carries the hash of its code, so what it replaces is the same code, and it cannot fail with "already exists",
 * which would fail the whole batch). The LOAD entries are taken out of the results (see withoutLoads).
 */
export function queueFunction(batch, spec, library, args, cluster) {
    const state = stateOf(batch);
    if (!state.loads.has(library.name)) {
        if (state.loads.size === 0)
            withoutLoads(batch, state);
        state.loads.set(library.name, state.added);
        const load = ['FUNCTION', 'LOAD', 'REPLACE', library.code];
        if (cluster)
            batch.addCommand(firstKeyOf(args), false, load);
        else
            batch.addCommand(load);
    }
    return addTo(batch, state, spec, args, cluster);
}
/**
 * Wraps the batch's `exec()` and `execAsPipeline()` so that their results (or a MultiErrorReply's replies and
 * error indexes) leave out the FUNCTION LOADs luagen queued: every other entry stays where it was queued.
 */
function withoutLoads(batch, state) {
    const target = batch;
    const strip = (results) => {
        const first = results.length - state.added;
        for (const position of [...state.loads.values()].sort((a, b) => b - a))
            results.splice(first + position, 1);
        return results;
    };
    const stripError = (error) => {
        const failed = error;
        if (Array.isArray(failed.replies) && Array.isArray(failed.errorIndexes)) {
            const marked = failed.replies.map((reply, index) => ({ reply, failed: failed.errorIndexes?.includes(index) === true }));
            const kept = strip(marked);
            failed.replies.splice(0, failed.replies.length, ...kept.map((entry) => entry.reply));
            failed.errorIndexes.splice(0, failed.errorIndexes.length, ...kept.flatMap((entry, index) => (entry.failed ? [index] : [])));
        }
        throw error;
    };
    const { exec, execAsPipeline } = target;
    target.execAsPipeline = function () {
        return execAsPipeline.call(this).then(strip, stripError);
    };
    // node-redis's exec(true) calls this.execAsPipeline(), wrapped already.
    target.exec = function (asPipeline) {
        return asPipeline ? target.execAsPipeline.call(this) : exec.call(this).then(strip, stripError);
    };
}
function addTo(batch, state, spec, args, cluster) {
    const position = state.added;
    if (cluster)
        batch.addCommand(firstKeyOf(args), spec.readonly, args);
    else
        batch.addCommand(args);
    return new QueuedScript(spec, state, position);
}
const NO_RESULTS = 'no results to read: exec() resolved to null, or was given none. If exec() was rejected, pass its error to read(); ' +
    'after a lost connection the script may have run or not, so read the data back before retrying.';
/** One queued call: where it stands among the commands counted in its batch. A class: no closure per call. */
class QueuedScript {
    spec;
    state;
    position;
    constructor(spec, state, position) {
        this.spec = spec;
        this.state = state;
        this.position = position;
    }
    read(results) {
        const replies = repliesOf(this.spec, results);
        const { added, loads } = this.state;
        if (loads.size === 0)
            return readResult(this.spec, replies, replies.length - added + this.position);
        // The results leave out luagen's FUNCTION LOADs (withoutLoads).
        let before = 0;
        for (const position of loads.values())
            if (position < this.position)
                before++;
        return readResult(this.spec, replies, replies.length + loads.size - added + this.position - before);
    }
}
/** The replies of a batch: its results, or those a MultiErrorReply carries (exec() with an error reply in it). */
function repliesOf(spec, results) {
    if (Array.isArray(results))
        return results;
    if (isError(results)) {
        const replies = results.replies;
        if (Array.isArray(replies))
            return replies;
        if (results instanceof ErrorReply) {
            // execAsPipeline() rejects with the first error reply of the batch and drops every other reply.
            throw new LuagenError(`${spec.id}: the batch failed with an error reply (${results.message}); execAsPipeline() keeps no other reply, so this script's cannot be read (use exec() or separate calls to read each one)`);
        }
        throw callFailure(spec, results);
    }
    throw new LuagenError(`${spec.id}: ${NO_RESULTS}`);
}
/** The decoded reply (or the typed error) of the entry at `index` of a batch's replies. */
function readResult(spec, replies, index) {
    if (index < 0 || index >= replies.length)
        throw new LuagenError(`${spec.id}: no result at position ${index} of the batch`);
    const raw = replies[index];
    if (raw instanceof Error && isErrorReply(raw))
        throw scriptFailure(spec, raw, isErrorReply);
    if (spec.reply.binary && holdsText(raw))
        throw new LuagenError(`${spec.id}: ${BYTES_AS_TEXT}`);
    return decodeReply(spec, raw);
}
/**
 * node-redis has no per-command type mapping in a batch: `execAsPipeline()` decodes with the mapping of the client
 * the batch came from, `exec()` decodes EXEC's reply with node-redis's default one (bulk strings as text) whatever
 * the client's. Bytes read as UTF-8 text are lost: refused, never returned.
 */
const BYTES_AS_TEXT = 'this script replies with bytes, which this batch decoded as UTF-8 text (lossy). exec() always does; run it with ' +
    'execAsPipeline() on a batch of a client that reads bulk strings as Buffers, client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer }).multi(), or call it directly';
function holdsText(raw) {
    if (typeof raw === 'string')
        return true;
    if (Array.isArray(raw))
        return raw.some(holdsText);
    if (raw instanceof Map)
        return [...raw].some(([key, value]) => holdsText(key) || holdsText(value));
    if (raw !== null && typeof raw === 'object' && !Buffer.isBuffer(raw))
        return Object.values(raw).some(holdsText);
    return false;
}
