import { type FunctionBinding, type FunctionLibrary } from './function-library.js';
import type { ScriptSpec } from './script.js';
import type { ScriptFunction } from './bind.js';
import { type RedisClient } from './client.js';
/**
 * `--target functions` on node-redis: every script is a function of one Redis Functions library, called with
 * FCALL (FCALL_RO when read-only). A call that finds no function loads the library (on every master of a
 * cluster) and runs again, once. A batch loads it in its own first command (see queueFunction).
 */
/** Loads the library where the client's calls go: the server, or every master of a cluster. */
export declare function loadLibrary(client: RedisClient, library: FunctionLibrary): Promise<void>;
/** Loads the library everywhere calls may go (see loadLibrary). */
export declare function preloadLibrary(client: RedisClient, library: FunctionLibrary): Promise<void>;
/** Binds a script of the Functions target; the same API as an EVAL script (see bindScript). */
export declare function bindFunction<Input, Reply>(client: RedisClient, spec: ScriptSpec<Input, Reply>, binding: FunctionBinding): ScriptFunction<Input, Reply>;
