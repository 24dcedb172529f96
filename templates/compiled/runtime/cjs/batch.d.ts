import type { ChainableCommander } from 'ioredis';
import { type IoredisCommand } from './at-most-once';
import type { RedisClient } from './bind';
import type { ScriptSpec } from './script';
/** A script queued in a pipeline or transaction. */
export interface QueuedReply<Reply> {
    read(results: [error: Error | null, result: unknown][] | null): Reply;
}
type CommandMethod = (...args: unknown[]) => Promise<unknown>;
/** A command method of a client or pipeline; scripts are defined on the client before its pipelines exist. */
export declare function commandOf(target: object, name: string, script: string): CommandMethod;
/** ioredis marks a `multi()` pipeline by counting its MULTI commands (an internal field, in ioredis 5 and 6). */
export declare function isTransaction(pipeline: ChainableCommander): boolean;
/** How one script is queued: the ioredis methods (the `...Buffer` variants for binary replies), worked out once. */
export interface BatchMethods {
    readonly eval: string;
    readonly evalsha: string;
    /** The method `defineCommand` created. */
    readonly defined: string;
    /** Turns `numkeys, ...keys, ...args` into what the defined command takes (it may reuse the array). */
    readonly toDefined: (argv: unknown[]) => unknown[];
}
export declare function batchMethods(spec: ScriptSpec<unknown, unknown>, toDefined: BatchMethods['toDefined']): BatchMethods;
/**
 * Queues one call. The first use of a script in a pipeline or transaction is an EVAL, which loads it; later uses
 * are EVALSHA, which then find it, as a batch runs in order on one connection. An EVALSHA that met an empty
 * cache could not be recovered inside MULTI, and in a plain pipeline ioredis would resend it after the rest of
 * the batch, out of order. `argv` is `numkeys, ...keys, ...args`.
 * Every command gets `argv` as one array argument, which ioredis flattens: spread into the call (`apply`), about
 * 120,000 values overflow the stack with a RangeError.
 */
export declare function queueScript(client: RedisClient, pipeline: ChainableCommander, spec: ScriptSpec<unknown, unknown>, argv: unknown[], methods: BatchMethods): QueuedReply<unknown>;
/** Where a queued call's entry is in `exec()`'s results (a method of the queued call: no closure per read). */
export interface ResultPosition {
    indexIn(results: [error: Error | null, result: unknown][]): number;
}
/** The decoded reply (or the typed error) of one entry of `exec()`'s results, at the index `position` gives. */
export declare function readResult(spec: ScriptSpec<unknown, unknown>, results: [error: Error | null, result: unknown][] | null, position: ResultPosition, written?: IoredisCommand): unknown;
export {};
