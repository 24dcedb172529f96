import { applyKeyPrefixes } from './prefix-keys.js';
/** Key prefixes (`@prefix`) of one call on an ioredis client, with its `keyPrefix` (see prefix-keys.ts). */
export function applyPrefixes(client, spec, argv, keyCount, cluster) {
    if (!spec.prefixes)
        return;
    const keyPrefix = client.options.keyPrefix ?? client.options.redisOptions?.keyPrefix ?? '';
    applyKeyPrefixes(keyPrefix, spec, argv, keyCount, cluster);
}
