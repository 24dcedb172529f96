import type { Cluster, Redis } from 'ioredis';
import type { ScriptSpec } from './script';
/** Key prefixes (`@prefix`) of one call on an ioredis client, with its `keyPrefix` (see prefix-keys.ts). */
export declare function applyPrefixes(client: Redis | Cluster, spec: ScriptSpec<unknown, unknown>, argv: unknown[], keyCount: number, cluster: boolean): void;
