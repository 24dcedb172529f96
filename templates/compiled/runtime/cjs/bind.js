"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_HANDLED_KEYS = void 0;
exports.registerScript = registerScript;
exports.isClusterClient = isClusterClient;
exports.bindScript = bindScript;
exports.scriptFunction = scriptFunction;
const at_most_once_1 = require("./at-most-once");
const batch_1 = require("./batch");
const call_errors_1 = require("./call-errors");
const errors_1 = require("./errors");
const request_record_1 = require("./request-record");
const functions_1 = require("./functions");
const read_only_1 = require("./read-only");
const prefixes_1 = require("./prefixes");
const slots_1 = require("./slots");
const defined = new WeakMap();
/** Registers the script with `defineCommand` once per client (EVALSHA, with EVAL on NOSCRIPT). */
function registerScript(client, spec) {
    const commands = defined.get(client) ?? new Map();
    defined.set(client, commands);
    const existing = commands.get(spec.command);
    if (existing === spec.sha1)
        return;
    if (existing !== undefined || typeof client[spec.command] === 'function') {
        throw new errors_1.LuagenError(`${spec.id}: the client already has a command named '${spec.command}'`);
    }
    const definition = spec.numberOfKeys === undefined ? { lua: spec.lua } : { lua: spec.lua, numberOfKeys: spec.numberOfKeys };
    client.defineCommand(spec.command, { ...definition, readOnly: spec.readonly });
    commands.set(spec.command, spec.sha1);
}
function isClusterClient(client) {
    return client.isCluster === true;
}
/** The keyPrefix ioredis adds to every key of the client's commands. */
function keyPrefixOf(client) {
    return (isClusterClient(client) ? (client.options.keyPrefix ?? client.options.redisOptions?.keyPrefix) : client.options.keyPrefix) ?? '';
}
/** The keys of one call must share a slot on a cluster; checked before anything is sent. */
function checkSlots(client, spec, keys) {
    if (keys.length < 2 || !isClusterClient(client))
        return;
    const prefix = keyPrefixOf(client);
    const slotted = keys.map((key) => {
        const full = typeof key === 'string' ? prefix + key : Buffer.concat([Buffer.from(prefix), key]);
        return { key: full.toString(), slot: (0, slots_1.keySlot)(full) };
    });
    const first = slotted[0]?.slot;
    if (slotted.some((k) => k.slot !== first))
        throw new errors_1.CrossSlotError(spec.id, slotted);
}
/**
 * ioredis spreads a command's key positions into one function call when it prefixes keys (`keyPrefix`) or
 * picks a cluster slot; at about 122,000 keys that overflows the stack (ioredis 5 and 6). Refused below that.
 */
exports.MAX_HANDLED_KEYS = 100_000;
function checkKeyCount(client, spec, keyCount) {
    if (keyCount <= exports.MAX_HANDLED_KEYS)
        return;
    const options = client.options;
    if (!isClusterClient(client) && !options.keyPrefix && !options.redisOptions?.keyPrefix)
        return;
    const why = isClusterClient(client) ? 'on a cluster' : 'with a keyPrefix';
    const problem = `${keyCount} keys: ioredis handles at most ${exports.MAX_HANDLED_KEYS} keys per command ${why}`;
    throw new errors_1.ScriptArgumentError(spec.id, spec.keys[spec.keys.length - 1] ?? '', problem);
}
/** Validates and encodes the input, checks the slots; returns `numkeys, ...keys, ...args`. */
function scriptArguments(client, spec, input) {
    const argv = [0];
    const request = spec.idempotent ? {} : undefined;
    let keyCount = spec.encodeInto(input, argv, request);
    if (spec.idempotent) {
        if (keyCount === 0)
            throw new errors_1.ScriptArgumentError(spec.id, request_record_1.REQUEST_ID, 'an @idempotent call needs at least one key to keep its record next to');
        argv.splice(1 + keyCount, 0, (0, request_record_1.requestRecordKey)(spec.id, keyPrefixOf(client), argv[1], request?.id));
        keyCount++;
    }
    argv[0] = keyCount;
    checkKeyCount(client, spec, keyCount);
    if (keyCount > 1)
        checkSlots(client, spec, argv.slice(1, 1 + keyCount));
    if (spec.prefixes)
        (0, prefixes_1.applyPrefixes)(client, spec, argv, keyCount, isClusterClient(client));
    return argv;
}
/** The arguments of the defined command: defineCommand adds numkeys itself when the count is fixed. */
function commandArguments(spec, argv) {
    if (spec.numberOfKeys === undefined)
        return argv;
    argv.shift();
    return argv;
}
/**
 * Runs a script that writes: EVALSHA; its command is written at most once (at-most-once.ts). `argv` is
 * `numkeys, ...keys, ...args`; it becomes `sha1, numkeys, ...` (one array for both tries: a Command copies its
 * arguments, args.flat()).
 */
function sendWrite(client, spec, argv) {
    argv.unshift(spec.sha1);
    return (0, at_most_once_1.sendCommand)(client, (0, at_most_once_1.guardedCommand)(client, spec.id, 'evalsha', argv, spec.reply.binary));
}
/**
 * After EVALSHA failed: EVAL should Redis have answered NOSCRIPT (it did not run; the cache was empty or flushed
 * meanwhile, any number of times), else the error. Called from the call's one rejection handler, so a call that
 * succeeds pays for no extra promise.
 */
function resendWrite(client, spec, error, argv) {
    if (!(0, call_errors_1.isNoScript)(error))
        return Promise.reject(error);
    argv[0] = spec.lua;
    return (0, at_most_once_1.sentGuarded)((0, at_most_once_1.sendCommand)(client, (0, at_most_once_1.guardedCommand)(client, spec.id, 'eval', argv, spec.reply.binary)));
}
/** Binds one script to a client: EVALSHA through defineCommand, or FCALL for the Functions target. */
function bindScript(client, spec) {
    if (spec.function)
        return (0, functions_1.bindFunction)(client, spec, spec.function);
    const generic = spec;
    registerScript(client, generic);
    const methods = (0, batch_1.batchMethods)(generic, (argv) => commandArguments(generic, argv));
    const defined = (0, batch_1.commandOf)(client, methods.defined, spec.id);
    // argv goes as one array argument (ioredis flattens it): spread with apply, 120k values overflow the stack.
    const queue = (pipeline, argv) => (0, batch_1.queueScript)(client, pipeline, generic, argv, methods);
    if (spec.readonly) {
        const send = (argv) => (0, read_only_1.callReadOnly)(client, generic, argv, () => defined.call(client, commandArguments(generic, [...argv])));
        return scriptFunction(client, spec, { send }, queue);
    }
    return scriptFunction(client, spec, { sendGuarded: (argv) => sendWrite(client, generic, argv), resend: (error, argv) => resendWrite(client, generic, error, argv) }, queue);
}
/**
 * The function a binding returns: validates and encodes the input (a bad one is rejected before anything is
 * sent), then `send`s it or `queue`s it in a batch, and decodes the reply. `argv` is `numkeys, ...keys, ...args`.
 */
function scriptFunction(client, spec, sender, queueArguments) {
    const generic = spec;
    const decode = (raw) => (0, call_errors_1.decodeReply)(spec, raw);
    const fail = (error) => {
        throw (0, call_errors_1.scriptFailure)(generic, error);
    };
    const { send, sendGuarded, resend } = sender;
    // Plain promise chaining rather than async/await: one promise and microtask fewer per call. A retry is chained
    // in the rejection handler only, so the success path is the command's promise plus one `then`.
    const call = (input) => {
        let argv;
        try {
            argv = scriptArguments(client, generic, input);
        }
        catch (error) {
            return Promise.reject(error);
        }
        if (sendGuarded) {
            const command = sendGuarded(argv);
            return command.promise.then(decode, (error) => resend((0, at_most_once_1.typedError)(command, error), argv).then(decode, fail));
        }
        if (!resend)
            return send(argv).then(decode, fail);
        return send(argv).then(decode, (error) => resend(error, argv).then(decode, fail));
    };
    const queue = (pipeline, input) => queueArguments(pipeline, scriptArguments(client, generic, input));
    return Object.assign(call, { queue, spec });
}
