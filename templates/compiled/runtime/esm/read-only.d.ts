import type { RedisClient } from './bind.js';
import type { ScriptSpec } from './script.js';
/**
 * Runs a `no-writes` script with EVALSHA_RO (EVAL_RO when the script is not cached), so that Redis may run it
 * on a replica and refuses it should it write. `call()` applies the client's keyPrefix to the keys and, on a
 * Cluster, routes by the first key's slot and counts as a read (ioredis `scaleReads`), as EVALSHA_RO is a
 * read-only command. When the server lacks EVALSHA_RO, `fallback` (EVALSHA via defineCommand) runs instead,
 * for this call and every later one on the client.
 * `argv` is `numkeys, ...keys, ...args`, passed as one array (ioredis flattens it; a spread overflows the stack).
 */
export declare function callReadOnly(client: RedisClient, spec: ScriptSpec<unknown, unknown>, argv: readonly unknown[], fallback: () => Promise<unknown>): Promise<unknown>;
