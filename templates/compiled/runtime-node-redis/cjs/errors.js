"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CrossSlotError = exports.RequestIdReusedError = exports.ScriptNotSentError = exports.ScriptOutcomeUnknownError = exports.ScriptDeliveryError = exports.ScriptCodeError = exports.ScriptError = exports.ScriptReplyError = exports.ScriptArgumentError = exports.LuagenError = void 0;
exports.describe = describe;
/** Base class of every error the generated client throws itself. */
class LuagenError extends Error {
    name = 'LuagenError';
}
exports.LuagenError = LuagenError;
/** An argument failed validation; nothing was sent to Redis. */
class ScriptArgumentError extends LuagenError {
    script;
    parameter;
    problem;
    name = 'ScriptArgumentError';
    constructor(
    /** The script's dotted name, e.g. `atomic.transfer`. */
    script, 
    /** The key or argument at fault (empty when the input itself is wrong). */
    parameter, problem) {
        super(`${script}: invalid ${parameter === '' ? 'input' : `'${parameter}'`}: ${problem} (nothing was sent to Redis)`);
        this.script = script;
        this.parameter = parameter;
        this.problem = problem;
    }
}
exports.ScriptArgumentError = ScriptArgumentError;
/** The reply did not have the shape the script's `@return` declares. */
class ScriptReplyError extends LuagenError {
    script;
    path;
    expected;
    received;
    name = 'ScriptReplyError';
    constructor(script, 
    /** Where in the reply, e.g. `reply[2].score`. */
    path, expected, received) {
        super(`${script}: ${path} should be ${expected} as declared by @return, but Redis replied ${describe(received)}`);
        this.script = script;
        this.path = path;
        this.expected = expected;
        this.received = received;
    }
}
exports.ScriptReplyError = ScriptReplyError;
/** Redis reported an error while running the script. */
class ScriptError extends LuagenError {
    script;
    location;
    redisMessage;
    name = 'ScriptError';
    constructor(script, 
    /** `lua/x.lua:LINE` when Redis named a line of the script. */
    location, 
    /** The error text exactly as Redis sent it. */
    redisMessage, options) {
        super(`${script}${location ? ` (${location})` : ''}: ${redisMessage}`);
        this.script = script;
        this.location = location;
        this.redisMessage = redisMessage;
        setCause(this, options);
    }
}
exports.ScriptError = ScriptError;
/** The script raised one of the error codes its header declares with `@error`. */
class ScriptCodeError extends ScriptError {
    code;
    detail;
    name = 'ScriptCodeError';
    constructor(script, code, 
    /** The text after the code. */
    detail, redisMessage, options) {
        super(script, undefined, redisMessage, options);
        this.code = code;
        this.detail = detail;
    }
}
exports.ScriptCodeError = ScriptCodeError;
/** What the client knows about a call that got no reply: `reason` says what happened to it. */
class ScriptDeliveryError extends LuagenError {
    script;
    reason;
    constructor(script, 
    /** What happened, e.g. `the connection closed before the reply arrived`. */
    reason, message, options) {
        super(`${script}: ${message}`);
        this.script = script;
        this.reason = reason;
        setCause(this, options);
    }
}
exports.ScriptDeliveryError = ScriptDeliveryError;
/**
 * The script was handed to the connection, but no reply came back (the connection closed, `commandTimeout`
 * expired, or the pipeline or transaction carrying it was aborted after it was written). It may have run, once,
 * or not at all; the client never sends it again. Check the data (or use an `@idempotent` script with the same
 * request id) before retrying.
 */
class ScriptOutcomeUnknownError extends ScriptDeliveryError {
    name = 'ScriptOutcomeUnknownError';
    constructor(script, reason, options) {
        super(script, reason, `outcome unknown: ${reason}; the script may or may not have run, and will not be re-sent`, options);
    }
}
exports.ScriptOutcomeUnknownError = ScriptOutcomeUnknownError;
/** The script never left the client (it was still queued when the call failed) and never will: safe to retry. */
class ScriptNotSentError extends ScriptDeliveryError {
    name = 'ScriptNotSentError';
    constructor(script, reason, options) {
        super(script, reason, `not sent: ${reason}; the script did not run and will not be sent, so retrying is safe`, options);
    }
}
exports.ScriptNotSentError = ScriptNotSentError;
/** An `@idempotent` script was called again with a request id it already ran with, but with other input. */
class RequestIdReusedError extends LuagenError {
    script;
    redisMessage;
    name = 'RequestIdReusedError';
    constructor(script, redisMessage) {
        super(`${script}: this requestId was already used with other keys or arguments; nothing ran (use a new id per request)`);
        this.script = script;
        this.redisMessage = redisMessage;
    }
}
exports.RequestIdReusedError = RequestIdReusedError;
/** The keys of one call live in different cluster slots (Redis would answer CROSSSLOT). */
class CrossSlotError extends LuagenError {
    script;
    keys;
    untaggedPrefix;
    name = 'CrossSlotError';
    constructor(script, keys, 
    /** Set when a key prefix (`@prefix`) carries no hash tag, so the keys built from it could land anywhere. */
    untaggedPrefix) {
        const list = keys.map((k) => `${k.key} (slot ${k.slot})`).join(', ');
        super(untaggedPrefix === undefined
            ? `${script}: keys must hash to one cluster slot, got ${list}; put a hash tag such as {user:1} in every key`
            : `${script}: the key prefix ${untaggedPrefix} has no {hash tag}, so keys built from it may hash to any slot; put the hash tag of the other keys in it`);
        this.script = script;
        this.keys = keys;
        this.untaggedPrefix = untaggedPrefix;
    }
}
exports.CrossSlotError = CrossSlotError;
function describe(value) {
    if (value === null || value === undefined)
        return 'nil';
    if (Buffer.isBuffer(value))
        return `a buffer of ${value.length} bytes`;
    if (Array.isArray(value))
        return `an array of ${value.length}`;
    if (typeof value === 'string')
        return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
    if (typeof value === 'number' || typeof value === 'boolean')
        return `${typeof value} ${String(value)}`;
    return typeof value;
}
/** Set by hand rather than through Error's options argument, whose typing needs the ES2022 lib. */
function setCause(error, options) {
    if (options && 'cause' in options) {
        Object.defineProperty(error, 'cause', { value: options.cause, writable: true, configurable: true });
    }
}
