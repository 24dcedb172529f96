import { z } from 'zod';
import type { RedisKey } from './arguments.js';
/** The input field of an `@idempotent` script that names the request. */
export declare const REQUEST_ID = "requestId";
export declare const requestIdSchema: z.ZodString;
/** The fast path's rule, the same as the schema's. */
export declare const requestIdRule: {
    problem: (value: unknown) => string | undefined;
};
/**
 * The key of a request's record, `luagen:once:{<what the first key hashes>}:<script>:<requestId>`, so that it
 * lives in the first key's cluster slot (with the client's keyPrefix, which ioredis adds to every key).
 */
export declare function requestRecordKey(script: string, keyPrefix: string, firstKey: RedisKey, requestId: string): RedisKey;
