"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.applyPrefixes = applyPrefixes;
const prefix_keys_1 = require("./prefix-keys");
/** Key prefixes (`@prefix`) of one call on an ioredis client, with its `keyPrefix` (see prefix-keys.ts). */
function applyPrefixes(client, spec, argv, keyCount, cluster) {
    if (!spec.prefixes)
        return;
    const keyPrefix = client.options.keyPrefix ?? client.options.redisOptions?.keyPrefix ?? '';
    (0, prefix_keys_1.applyKeyPrefixes)(keyPrefix, spec, argv, keyCount, cluster);
}
