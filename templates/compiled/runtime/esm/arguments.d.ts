import { z } from 'zod';
/** A key as ioredis takes it. */
export type RedisKey = string | Buffer;
/**
 * How one ARGV value is checked and turned into what Redis receives. `problem` is the rule: the fast path
 * calls it directly and the zod schema is built from it, so both agree, under zod 3 and zod 4 alike (zod's own
 * number checks differ between them: zod 3 lets `Infinity` and integers beyond 2^53 through).
 */
export interface ArgumentCodec<T> {
    /** The declared type, for messages. */
    readonly type: string;
    /** What is wrong with the value, or undefined when it is valid. */
    problem(value: unknown): string | undefined;
    /** The same rule as a zod schema (zod walks objects and arrays and words structural problems). */
    readonly schema: z.ZodType<T>;
    /** Method syntax on purpose: a codec of a narrower type still fits an ArgumentSpec. */
    encode(value: T): string | Buffer;
}
/** A zod schema whose only rule is `problem`, worded by it. */
export declare function schemaOf<T>(problem: (value: unknown) => string | undefined): z.ZodType<T>;
/** A string Redis receives as it is: well-formed UTF-16 (the string rule, as a yes/no for emitted checks). */
export declare function wellFormed(text: string): boolean;
/** The key rule as a yes/no: a well-formed string or bytes (`keyProblem(value) === undefined`). */
export declare function isKey(value: unknown): boolean;
/** Bytes of a Buffer or any Uint8Array, as a Buffer over the same memory (no copy). */
export declare function asBuffer(bytes: Uint8Array): Buffer;
/** The key rule: a well-formed string or bytes. */
export declare function keyProblem(value: unknown): string | undefined;
/** The key schema: a string or bytes. */
export declare const keySchema: z.ZodType<RedisKey>;
/** A key as sent: a Uint8Array that is not a Buffer would reach Redis as `"1,2,3"`, so it becomes a Buffer. */
export declare function encodeKey(value: RedisKey | Uint8Array): RedisKey;
/** Argument codecs, one per declarable argument type. */
export declare const arg: {
    integer: ArgumentCodec<number>;
    number: ArgumentCodec<number>;
    string: ArgumentCodec<string>;
    boolean: ArgumentCodec<boolean>;
    json: ArgumentCodec<unknown>;
    buffer: ArgumentCodec<Buffer>;
    literal<const T extends string>(values_0: T, ...values: T[]): ArgumentCodec<T>;
};
