import { CrossSlotError, ScriptArgumentError } from './errors.js';
import { applyKeyPrefixes } from './prefix-keys.js';
import { REQUEST_ID, requestRecordKey } from './request-record.js';
import { keySlot } from './slots.js';
/** Where the keys start in a command's arguments: `EVALSHA sha1 numkeys key ...` (also FCALL name numkeys ...). */
export const FIRST_KEY = 3;
/** The keys of one call must share a slot on a cluster; checked before anything is sent. */
function checkSlots(spec, keys) {
    const first = keySlot(keys[0]);
    for (let i = 1; i < keys.length; i++) {
        if (keySlot(keys[i]) !== first) {
            throw new CrossSlotError(spec.id, keys.map((key) => ({ key: key.toString(), slot: keySlot(key) })));
        }
    }
}
/**
 * Validates and encodes the input (a bad one throws ScriptArgumentError; nothing is sent), checks the slots on
 * a cluster; returns the whole command: `command, script, numkeys, ...keys, ...args`. node-redis has no key
 * prefix, so keys go as given.
 */
export function commandArguments(spec, command, script, input, cluster) {
    const args = [command, script, ''];
    const request = spec.idempotent ? {} : undefined;
    let keyCount = spec.encodeInto(input, args, request);
    if (spec.idempotent) {
        if (keyCount === 0)
            throw new ScriptArgumentError(spec.id, REQUEST_ID, 'an @idempotent call needs at least one key to keep its record next to');
        args.splice(FIRST_KEY + keyCount, 0, requestRecordKey(spec.id, '', args[FIRST_KEY], request?.id));
        keyCount++;
    }
    args[2] = String(keyCount);
    if (cluster && keyCount > 1)
        checkSlots(spec, args.slice(FIRST_KEY, FIRST_KEY + keyCount));
    // `@prefix` checks read `numkeys, ...keys, ...args`; with no key prefix nothing is rewritten.
    if (spec.prefixes && cluster)
        applyKeyPrefixes('', spec, args.slice(2), keyCount, true);
    return args;
}
/** The first key of a command built by commandArguments (a cluster routes by it), if it has keys. */
export function firstKeyOf(args) {
    return args[2] === '0' ? undefined : args[FIRST_KEY];
}
