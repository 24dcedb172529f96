import type { ChainableCommander, Cluster, Redis } from 'ioredis';
import { type IoredisCommand } from './at-most-once.js';
import { type QueuedReply } from './batch.js';
import type { ScriptSpec } from './script.js';
export type RedisClient = Redis | Cluster;
/** A script bound to a client: call it with its keys and arguments by name. */
export interface ScriptFunction<Input, Reply> {
    (...input: {} extends Input ? [input?: Input] : [input: Input]): Promise<Reply>;
    /**
     * Queues the script in an ioredis `pipeline()` or `multi()` created from the bound client; after
     * `exec()`, `read(results)` decodes this script's entry (or throws its error, typed as for a call).
     */
    queue(pipeline: ChainableCommander, ...input: {} extends Input ? [input?: Input] : [input: Input]): QueuedReply<Reply>;
    readonly spec: ScriptSpec<Input, Reply>;
}
/** Registers the script with `defineCommand` once per client (EVALSHA, with EVAL on NOSCRIPT). */
export declare function registerScript(client: RedisClient, spec: ScriptSpec<unknown, unknown>): void;
export declare function isClusterClient(client: RedisClient): client is Cluster;
/**
 * ioredis spreads a command's key positions into one function call when it prefixes keys (`keyPrefix`) or
 * picks a cluster slot; at about 122,000 keys that overflows the stack (ioredis 5 and 6). Refused below that.
 */
export declare const MAX_HANDLED_KEYS = 100000;
/** Binds one script to a client: EVALSHA through defineCommand, or FCALL for the Functions target. */
export declare function bindScript<Input, Reply>(client: RedisClient, spec: ScriptSpec<Input, Reply>): ScriptFunction<Input, Reply>;
/**
 * How a binding sends a call: `send`, or, for a script that writes, `sendGuarded` (the guarded command, already
 * sent: its rejection is typed by the call, see typedError); then, should it fail, `resend` (which retries or
 * rejects) when given.
 */
export type CallSender = {
    readonly send: (argv: unknown[]) => Promise<unknown>;
    readonly sendGuarded?: undefined;
    readonly resend?: Resend;
} | {
    readonly sendGuarded: (argv: unknown[]) => IoredisCommand;
    readonly send?: undefined;
    readonly resend: Resend;
};
type Resend = (error: unknown, argv: unknown[]) => Promise<unknown>;
/**
 * The function a binding returns: validates and encodes the input (a bad one is rejected before anything is
 * sent), then `send`s it or `queue`s it in a batch, and decodes the reply. `argv` is `numkeys, ...keys, ...args`.
 */
export declare function scriptFunction<Input, Reply>(client: RedisClient, spec: ScriptSpec<Input, Reply>, sender: CallSender, queueArguments: (pipeline: ChainableCommander, argv: unknown[]) => QueuedReply<unknown>): ScriptFunction<Input, Reply>;
export {};
