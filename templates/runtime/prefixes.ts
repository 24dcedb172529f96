import type { Cluster, Redis } from 'ioredis';
import { applyKeyPrefixes } from './prefix-keys';
import type { ScriptSpec } from './script';

/** Key prefixes (`@prefix`) of one call on an ioredis client, with its `keyPrefix` (see prefix-keys.ts). */
export function applyPrefixes(client: Redis | Cluster, spec: ScriptSpec<unknown, unknown>, argv: unknown[], keyCount: number, cluster: boolean): void {
  if (!spec.prefixes) return;
  const keyPrefix = client.options.keyPrefix ?? (client.options as { redisOptions?: { keyPrefix?: string } }).redisOptions?.keyPrefix ?? '';
  applyKeyPrefixes(keyPrefix, spec, argv, keyCount, cluster);
}
