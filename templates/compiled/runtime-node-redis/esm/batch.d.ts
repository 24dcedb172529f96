import { type RedisArgument } from '@redis/client';
import type { FunctionLibrary } from './function-library.js';
import type { ScriptSpec } from './script.js';
/**
 * A `multi()` of a node-redis client or cluster, run with `exec()` (MULTI/EXEC) or `execAsPipeline()`. Typed by
 * the one method luagen calls; a standalone multi takes `addCommand(args)`, a cluster's `addCommand(firstKey,
 * isReadonly, args)`.
 */
export interface Batch {
    addCommand(...args: any[]): unknown;
}
/** A script queued in a batch. */
export interface QueuedReply<Reply> {
    /** What `exec()` / `execAsPipeline()` resolved to, or the error it rejected with. */
    read(results: readonly unknown[] | Error | null): Reply;
}
/**
 * Queues one call. The first use of a script in a batch is an EVAL, which loads it, and later uses are EVALSHA,
 * which find it: the batch runs in order on one connection, so it never depends on the script cache (node-redis's
 * own `defineScript` does the same inside a multi, see its issue #2084: every batch carries each script in full
 * once). `args` is `EVALSHA, sha1, numkeys, ...keys, ...args`.
 */
export declare function queueScript(batch: Batch, spec: ScriptSpec<unknown, unknown>, args: RedisArgument[], cluster: boolean): QueuedReply<unknown>;
/**
 * Queues an FCALL of the Functions target, after a FUNCTION LOAD REPLACE of its library when it is the library's
 * first function in the batch, so that nothing in the batch can miss the library (REPLACE: the library's name
 * carries the hash of its code, so what it replaces is the same code, and it cannot fail with "already exists",
 * which would fail the whole batch). The LOAD entries are taken out of the results (see withoutLoads).
 */
export declare function queueFunction(batch: Batch, spec: ScriptSpec<unknown, unknown>, library: FunctionLibrary, args: RedisArgument[], cluster: boolean): QueuedReply<unknown>;
