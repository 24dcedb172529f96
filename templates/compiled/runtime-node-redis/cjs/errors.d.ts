/** Base class of every error the generated client throws itself. */
export declare class LuagenError extends Error {
    name: string;
}
/** An argument failed validation; nothing was sent to Redis. */
export declare class ScriptArgumentError extends LuagenError {
    /** The script's dotted name, e.g. `atomic.transfer`. */
    readonly script: string;
    /** The key or argument at fault (empty when the input itself is wrong). */
    readonly parameter: string;
    readonly problem: string;
    name: string;
    constructor(
    /** The script's dotted name, e.g. `atomic.transfer`. */
    script: string, 
    /** The key or argument at fault (empty when the input itself is wrong). */
    parameter: string, problem: string);
}
/** The reply did not have the shape the script's `@return` declares. */
export declare class ScriptReplyError extends LuagenError {
    readonly script: string;
    /** Where in the reply, e.g. `reply[2].score`. */
    readonly path: string;
    readonly expected: string;
    readonly received: unknown;
    name: string;
    constructor(script: string, 
    /** Where in the reply, e.g. `reply[2].score`. */
    path: string, expected: string, received: unknown);
}
/** Redis reported an error while running the script. */
export declare class ScriptError extends LuagenError {
    readonly script: string;
    /** `lua/x.lua:LINE` when Redis named a line of the script. */
    readonly location: string | undefined;
    /** The error text exactly as Redis sent it. */
    readonly redisMessage: string;
    name: string;
    constructor(script: string, 
    /** `lua/x.lua:LINE` when Redis named a line of the script. */
    location: string | undefined, 
    /** The error text exactly as Redis sent it. */
    redisMessage: string, options?: {
        cause?: unknown;
    });
}
/** The script raised one of the error codes its header declares with `@error`. */
export declare class ScriptCodeError<Code extends string = string> extends ScriptError {
    readonly code: Code;
    /** The text after the code. */
    readonly detail: string;
    name: string;
    constructor(script: string, code: Code, 
    /** The text after the code. */
    detail: string, redisMessage: string, options?: {
        cause?: unknown;
    });
}
/** What the client knows about a call that got no reply: `reason` says what happened to it. */
export declare abstract class ScriptDeliveryError extends LuagenError {
    readonly script: string;
    /** What happened, e.g. `the connection closed before the reply arrived`. */
    readonly reason: string;
    constructor(script: string, 
    /** What happened, e.g. `the connection closed before the reply arrived`. */
    reason: string, message: string, options?: {
        cause?: unknown;
    });
}
/**
 * The script was handed to the connection, but no reply came back (the connection closed, `commandTimeout`
 * expired, or the pipeline or transaction carrying it was aborted after it was written). It may have run, once,
 * or not at all; the client never sends it again. Check the data (or use an `@idempotent` script with the same
 * request id) before retrying.
 */
export declare class ScriptOutcomeUnknownError extends ScriptDeliveryError {
    name: string;
    constructor(script: string, reason: string, options?: {
        cause?: unknown;
    });
}
/** The script never left the client (it was still queued when the call failed) and never will: safe to retry. */
export declare class ScriptNotSentError extends ScriptDeliveryError {
    name: string;
    constructor(script: string, reason: string, options?: {
        cause?: unknown;
    });
}
/** An `@idempotent` script was called again with a request id it already ran with, but with other input. */
export declare class RequestIdReusedError extends LuagenError {
    readonly script: string;
    readonly redisMessage: string;
    name: string;
    constructor(script: string, redisMessage: string);
}
/** The keys of one call live in different cluster slots (Redis would answer CROSSSLOT). */
export declare class CrossSlotError extends LuagenError {
    readonly script: string;
    readonly keys: readonly {
        readonly key: string;
        readonly slot: number;
    }[];
    /** Set when a key prefix (`@prefix`) carries no hash tag, so the keys built from it could land anywhere. */
    readonly untaggedPrefix?: string | undefined;
    name: string;
    constructor(script: string, keys: readonly {
        readonly key: string;
        readonly slot: number;
    }[], 
    /** Set when a key prefix (`@prefix`) carries no hash tag, so the keys built from it could land anywhere. */
    untaggedPrefix?: string | undefined);
}
export declare function describe(value: unknown): string;
