/**
 * Where an emitted decoder marks a step it only knows when a reply fails to match (an array index, a table
 * key): the loop around it fills it in then (`atIndex`, `atKey`), so a reply that matches builds no path.
 */
export declare const PATH_STEP = "\0";
/** A reply did not match; the caller adds the script name. */
export declare class ReplyMismatch extends Error {
    private readonly template;
    readonly expected: string;
    readonly received: unknown;
    /** Steps filled in so far, innermost last (loops fill from the inside out). */
    private readonly steps;
    constructor(template: string, expected: string, received: unknown);
    /** The reply path, e.g. `reply.items[2]`. */
    get path(): string;
    /** Fills in the innermost step still open. */
    fill(step: string): this;
}
/** Inside an emitted loop over an array: the error, its open step filled with the element's index. */
export declare function atIndex(error: unknown, index: number): unknown;
/** Inside an emitted loop over a table: the error, its open step filled with the field's name. */
export declare function atKey(error: unknown, key: string): unknown;
/** Turns a raw ioredis reply (RESP2 or RESP3) into the declared type. */
export interface ReplyDecoder<T> {
    readonly type: string;
    /** Whether the reply holds raw bytes, so the call must use the ioredis `...Buffer` variant. */
    readonly binary: boolean;
    readonly decode: (raw: unknown, path: string) => T;
}
type Decoded<D> = D extends ReplyDecoder<infer T> ? T : never;
export declare function text(raw: unknown): string | undefined;
export declare function decodeInteger(raw: unknown, path: string): number;
export declare function decodeNumber(raw: unknown, path: string): number;
export declare function decodeString(raw: unknown, path: string): string;
/** Lua true is 1 in RESP2 and RESP3; false is nil, or #f / 0 after redis.setresp(3). */
export declare function decodeBoolean(raw: unknown, path: string): boolean;
export declare function decodeJson(raw: unknown, path: string): unknown;
export declare function decodeBuffer(raw: unknown, path: string): Buffer;
/** A flat [field, value, ...] array (RESP2), a Map or an object (RESP3 map) as entries. */
export declare function entriesOf(raw: unknown, path: string): [string, unknown][];
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
