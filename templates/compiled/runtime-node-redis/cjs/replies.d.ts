/** A reply did not match; the caller adds the script name. */
export declare class ReplyMismatch extends Error {
    readonly path: string;
    readonly expected: string;
    readonly received: unknown;
    constructor(path: string, expected: string, received: unknown);
}
/** Turns a raw ioredis reply (RESP2 or RESP3) into the declared type. */
export interface ReplyDecoder<T> {
    readonly type: string;
    /** Whether the reply holds raw bytes, so the call must use the ioredis `...Buffer` variant. */
    readonly binary: boolean;
    readonly decode: (raw: unknown, path: string) => T;
}
type Decoded<D> = D extends ReplyDecoder<infer T> ? T : never;
type TupleSpec = readonly (readonly [string, ReplyDecoder<unknown>])[];
type TupleOf<S extends TupleSpec> = {
    [E in S[number] as E[0]]: Decoded<E[1]>;
};
/** Reply decoders, one per declarable reply type, and combinators for nesting them. */
export declare const reply: {
    integer: ReplyDecoder<number>;
    number: ReplyDecoder<number>;
    string: ReplyDecoder<string>;
    boolean: ReplyDecoder<boolean>;
    ok: ReplyDecoder<string>;
    nil: ReplyDecoder<null>;
    json: ReplyDecoder<unknown>;
    buffer: ReplyDecoder<Buffer>;
    /** The reply as the client delivered it, unchecked (its shape may differ between RESP2 and RESP3). */
    raw: ReplyDecoder<unknown>;
    literal<const T extends string>(values_0: T, ...values: T[]): ReplyDecoder<T>;
    optional<T>(inner: ReplyDecoder<T>): ReplyDecoder<T | null>;
    array<T>(element: ReplyDecoder<T>): ReplyDecoder<T[]>;
    /** A Lua array decoded into an object; a missing trailing element (the array was cut at a nil) is null. */
    tuple<const S extends TupleSpec>(fields: S): ReplyDecoder<TupleOf<S>>;
    record<T>(value: ReplyDecoder<T>): ReplyDecoder<Record<string, T>>;
};
export {};
