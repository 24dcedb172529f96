import { z } from 'zod';
import { ScriptArgumentError } from './errors.js';
import { keySlot } from './slots.js';
/** The input field of an `@idempotent` script that names the request. */
export const REQUEST_ID = 'requestId';
const MAX_REQUEST_ID = 256;
export const requestIdSchema = z.string().min(1).max(MAX_REQUEST_ID);
/** The fast path's rule, the same as the schema's. */
export const requestIdRule = {
    problem: (value) => typeof value === 'string' && value.length >= 1 && value.length <= MAX_REQUEST_ID ? undefined : `must be a string of 1 to ${MAX_REQUEST_ID} characters`,
};
/** The bytes a hash tag covers: `{...}` when the key has one, else the whole key (what Redis hashes). */
function hashedPart(key) {
    const open = key.indexOf(0x7b);
    if (open >= 0) {
        const close = key.indexOf(0x7d, open + 1);
        if (close > open + 1)
            return key.subarray(open + 1, close);
    }
    return key;
}
function bytesOf(key) {
    return typeof key === 'string' ? Buffer.from(key, 'utf8') : Buffer.from(key);
}
/**
 * The key of a request's record, `luagen:once:{<what the first key hashes>}:<script>:<requestId>`, so that it
 * lives in the first key's cluster slot (with the client's keyPrefix, which ioredis adds to every key).
 */
export function requestRecordKey(script, keyPrefix, firstKey, requestId) {
    const prefixed = Buffer.concat([Buffer.from(keyPrefix, 'utf8'), bytesOf(firstKey)]);
    const record = Buffer.concat([
        Buffer.from('luagen:once:{', 'utf8'),
        hashedPart(prefixed),
        Buffer.from(`}:${script}:${requestId}`, 'utf8'),
    ]);
    if (keySlot(Buffer.concat([Buffer.from(keyPrefix, 'utf8'), record])) !== keySlot(prefixed)) {
        throw new ScriptArgumentError(script, REQUEST_ID, 'the first key has no hash tag and contains a brace, so no record key can share its slot: give it a hash tag such as {user:1}');
    }
    return typeof firstKey === 'string' ? record.toString('utf8') : record;
}
