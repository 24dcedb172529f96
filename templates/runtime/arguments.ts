import { z } from 'zod';

/** A key as ioredis takes it. */
export type RedisKey = string | Buffer;

/** How one ARGV value is checked (zod) and turned into what Redis receives. */
export interface ArgumentCodec<T> {
  /** The declared type, for messages. */
  readonly type: string;
  readonly schema: z.ZodType<T>;
  /** Method syntax on purpose: a codec of a narrower type still fits an ArgumentSpec. */
  encode(value: T): string | Buffer;
}

const bytes = z.custom<Buffer>((value) => value instanceof Uint8Array, { message: 'expected a Buffer or Uint8Array' });

function codec<T>(type: string, schema: z.ZodType<T>, encode: (value: T) => string | Buffer): ArgumentCodec<T> {
  return { type, schema, encode };
}

/** The key schema: a string or bytes. */
export const keySchema: z.ZodType<RedisKey> = z.union([z.string(), bytes]);

/** Argument codecs, one per declarable argument type. */
export const arg = {
  integer: codec<number>('integer', z.number().int(), (n) => String(n)),
  number: codec<number>('number', z.number(), (n) => String(n)),
  string: codec<string>('string', z.string(), (s) => s),
  boolean: codec<boolean>('boolean', z.boolean(), (b) => (b ? '1' : '0')),
  json: codec<unknown>(
    'json',
    z.unknown().refine((v) => v !== undefined, { message: 'expected a JSON value, got undefined' }),
    (v) => JSON.stringify(v),
  ),
  buffer: codec<Buffer>('buffer', bytes, (b) => (Buffer.isBuffer(b) ? b : Buffer.from(b))),
  literal<const T extends string>(...values: [T, ...T[]]): ArgumentCodec<T> {
    const type = values.map((v) => JSON.stringify(v)).join(' | ');
    return codec<T>(type, z.enum(values) as unknown as z.ZodType<T>, (s) => s);
  },
};
