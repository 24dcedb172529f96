import { CrossSlotError } from './errors.js';
import { hasHashTag, keySlot } from './slots.js';
/**
 * Key prefixes (`@prefix`): the script builds keys from them (`prefix .. id`). A prefix passed as an argument
 * gets the client's `keyPrefix` (ioredis; '' for node-redis), as keys do; on a cluster every prefix must carry a
 * hash tag in the slot of the call's keys, or the keys built from it could live on another node.
 * `argv` is `numkeys, ...KEYS, ...ARGV`.
 */
export function applyKeyPrefixes(keyPrefix, spec, argv, keyCount, cluster) {
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
    const untagged = named.find((prefix) => !hasHashTag(prefix));
    const keys = argv.slice(1, 1 + keyCount).map((key) => (typeof key === 'string' ? keyPrefix + key : Buffer.concat([Buffer.from(keyPrefix), key])));
    const slotted = [...keys, ...named].map((key) => ({ key: key.toString(), slot: keySlot(key) }));
    if (untagged !== undefined)
        throw new CrossSlotError(spec.id, slotted, untagged);
    if (slotted.some((k) => k.slot !== slotted[0]?.slot))
        throw new CrossSlotError(spec.id, slotted);
}
