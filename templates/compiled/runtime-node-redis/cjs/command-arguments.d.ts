import type { RedisArgument } from '@redis/client';
import type { ScriptSpec } from './script';
/** Where the keys start in a command's arguments: `EVALSHA sha1 numkeys key ...` (also FCALL name numkeys ...). */
export declare const FIRST_KEY = 3;
/**
 * Validates and encodes the input (a bad one throws ScriptArgumentError; nothing is sent), checks the slots on
 * a cluster; returns the whole command: `command, script, numkeys, ...keys, ...args`. node-redis has no key
 * prefix, so keys go as given.
 */
export declare function commandArguments(spec: ScriptSpec<unknown, unknown>, command: string, script: string, input: unknown, cluster: boolean): RedisArgument[];
/** The first key of a command built by commandArguments (a cluster routes by it), if it has keys. */
export declare function firstKeyOf(args: readonly RedisArgument[]): RedisArgument | undefined;
