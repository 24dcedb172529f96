import type { ScriptSpec } from './script';
/**
 * Key prefixes (`@prefix`): the script builds keys from them (`prefix .. id`). A prefix passed as an argument
 * gets the client's `keyPrefix` (ioredis; '' for node-redis), as keys do; on a cluster every prefix must carry a
 * hash tag in the slot of the call's keys, or the keys built from it could live on another node.
 * `argv` is `numkeys, ...KEYS, ...ARGV`.
 */
export declare function applyKeyPrefixes(keyPrefix: string, spec: ScriptSpec<unknown, unknown>, argv: unknown[], keyCount: number, cluster: boolean): void;
