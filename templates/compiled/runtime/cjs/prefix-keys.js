"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.applyKeyPrefixes = applyKeyPrefixes;
const errors_1 = require("./errors");
const slots_1 = require("./slots");
/**
 * Key prefixes (`@prefix`): the script builds keys from them (`prefix .. id`). A prefix passed as an argument
 * gets the client's `keyPrefix` (ioredis; '' for node-redis), as keys do; on a cluster every prefix must carry a
 * hash tag in the slot of the call's keys, or the keys built from it could live on another node.
 * `argv` is `numkeys, ...KEYS, ...ARGV`.
 */
function applyKeyPrefixes(keyPrefix, spec, argv, keyCount, cluster) {
    const prefixes = spec.prefixes;
    if (!prefixes)
        return;
    for (const index of prefixes.args) {
        const at = 1 + keyCount + index;
        if (keyPrefix !== '')
            argv[at] = keyPrefix + String(argv[at]);
    }
    if (!cluster)
        return;
    const named = [
        ...prefixes.keys.map((index) => keyPrefix + String(argv[1 + index])),
        ...prefixes.args.map((index) => String(argv[1 + keyCount + index])),
    ];
    const untagged = named.find((prefix) => !(0, slots_1.hasHashTag)(prefix));
    const keys = argv.slice(1, 1 + keyCount).map((key) => (typeof key === 'string' ? keyPrefix + key : Buffer.concat([Buffer.from(keyPrefix), key])));
    const slotted = [...keys, ...named].map((key) => ({ key: key.toString(), slot: (0, slots_1.keySlot)(key) }));
    if (untagged !== undefined)
        throw new errors_1.CrossSlotError(spec.id, slotted, untagged);
    if (slotted.some((k) => k.slot !== slotted[0]?.slot))
        throw new errors_1.CrossSlotError(spec.id, slotted);
}
