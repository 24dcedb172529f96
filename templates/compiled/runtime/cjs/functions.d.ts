import { type RedisClient, type ScriptFunction } from './bind';
import { type FunctionBinding, type FunctionLibrary } from './function-library';
import type { ScriptSpec } from './script';
export type { FunctionBinding, FunctionLibrary } from './function-library';
/**
 * Loads the library where the client's calls go: the server of a standalone client, every master of a cluster
 * (replicas get it from their master). A server that already has it is left as is.
 */
export declare function loadLibrary(client: RedisClient, library: FunctionLibrary): Promise<void>;
/** Binds a script of the Functions target; the same API as an EVAL script (see bindScript). */
export declare function bindFunction<Input, Reply>(client: RedisClient, spec: ScriptSpec<Input, Reply>, binding: FunctionBinding): ScriptFunction<Input, Reply>;
/** Loads the library everywhere calls may go (see loadLibrary). */
export declare function preloadLibrary(client: RedisClient, library: FunctionLibrary): Promise<void>;
