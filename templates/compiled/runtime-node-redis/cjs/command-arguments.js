"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FIRST_KEY = void 0;
exports.commandArguments = commandArguments;
exports.firstKeyOf = firstKeyOf;
const errors_1 = require("./errors");
const prefix_keys_1 = require("./prefix-keys");
const request_record_1 = require("./request-record");
const slots_1 = require("./slots");
/** Where the keys start in a command's arguments: `EVALSHA sha1 numkeys key ...` (also FCALL name numkeys ...). */
exports.FIRST_KEY = 3;
/** The keys of one call must share a slot on a cluster; checked before anything is sent. */
function checkSlots(spec, keys) {
    const first = (0, slots_1.keySlot)(keys[0]);
    for (let i = 1; i < keys.length; i++) {
        if ((0, slots_1.keySlot)(keys[i]) !== first) {
            throw new errors_1.CrossSlotError(spec.id, keys.map((key) => ({ key: key.toString(), slot: (0, slots_1.keySlot)(key) })));
        }
    }
}
/**
 * Validates and encodes the input (a bad one throws ScriptArgumentError; nothing is sent), checks the slots on
 * a cluster; returns the whole command: `command, script, numkeys, ...keys, ...args`. node-redis has no key
 * prefix, so keys go as given.
 */
function commandArguments(spec, command, script, input, cluster) {
    const args = [command, script, ''];
    const request = spec.idempotent ? {} : undefined;
    let keyCount = spec.encodeInto(input, args, request);
    if (spec.idempotent) {
        if (keyCount === 0)
            throw new errors_1.ScriptArgumentError(spec.id, request_record_1.REQUEST_ID, 'an @idempotent call needs at least one key to keep its record next to');
        args.splice(exports.FIRST_KEY + keyCount, 0, (0, request_record_1.requestRecordKey)(spec.id, '', args[exports.FIRST_KEY], request?.id));
        keyCount++;
    }
    args[2] = String(keyCount);
    if (cluster && keyCount > 1)
        checkSlots(spec, args.slice(exports.FIRST_KEY, exports.FIRST_KEY + keyCount));
    // `@prefix` checks read `numkeys, ...keys, ...args`; with no key prefix nothing is rewritten.
    if (spec.prefixes && cluster)
        (0, prefix_keys_1.applyKeyPrefixes)('', spec, args.slice(2), keyCount, true);
    return args;
}
/** The first key of a command built by commandArguments (a cluster routes by it), if it has keys. */
function firstKeyOf(args) {
    return args[2] === '0' ? undefined : args[exports.FIRST_KEY];
}
