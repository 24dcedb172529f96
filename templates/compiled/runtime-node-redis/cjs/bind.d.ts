import type { ScriptSpec } from './script';
import { type Batch, type QueuedReply } from './batch';
import { type RedisClient } from './client';
/** A script bound to a node-redis client: call it with its keys and arguments by name. */
export interface ScriptFunction<Input, Reply> {
    (...input: {} extends Input ? [input?: Input] : [input: Input]): Promise<Reply>;
    /**
     * Queues the script in a `multi()` of the bound client (run it with `exec()` or `execAsPipeline()`); then
     * `read(results)` decodes this script's entry (or throws its error, typed as for a call). Pass `read` the
     * array `exec()` resolved to, or the MultiErrorReply it rejected with.
     */
    queue(batch: Batch, ...input: {} extends Input ? [input?: Input] : [input: Input]): QueuedReply<Reply>;
    readonly spec: ScriptSpec<Input, Reply>;
}
/** Binds one script to a node-redis client: EVALSHA (EVAL on NOSCRIPT), or FCALL for the Functions target. */
export declare function bindScript<Input, Reply>(client: RedisClient, spec: ScriptSpec<Input, Reply>): ScriptFunction<Input, Reply>;
