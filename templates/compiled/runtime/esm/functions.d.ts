import { type RedisClient, type ScriptFunction } from './bind.js';
import { type FunctionBinding, type FunctionLibrary } from './function-library.js';
import type { ScriptSpec } from './script.js';
export type { FunctionBinding, FunctionLibrary } from './function-library.js';
/**
 * Loads the library where the client's calls go: the server of a standalone client, every master of a cluster
 * (replicas get it from their master). A server that already has it is left as is.
 */
export declare function loadLibrary(client: RedisClient, library: FunctionLibrary): Promise<void>;
/** Binds a script of the Functions target; the same API as an EVAL script (see bindScript). */
export declare function bindFunction<Input, Reply>(client: RedisClient, spec: ScriptSpec<Input, Reply>, binding: FunctionBinding): ScriptFunction<Input, Reply>;
/** Loads the library everywhere calls may go (see loadLibrary). */
export declare function preloadLibrary(client: RedisClient, library: FunctionLibrary): Promise<void>;
