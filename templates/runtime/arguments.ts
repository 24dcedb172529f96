import { z } from 'zod';

/** A key as ioredis takes it. */
export type RedisKey = string | Buffer;

/** How one ARGV value is checked (zod) and turned into what Redis receives. */
export interface ArgumentCodec<T> {
  /** The declared type, for messages. */
  readonly type: string;
  /** The validation rule, and the source of every message about a bad value. */
  readonly schema: z.ZodType<T>;
  /**
   * A fast pre-check for the common, valid case: true only for values `schema` accepts (it may be stricter,
   * never looser; when it says false, `schema` decides). Method syntax, as for `encode`.
   */
  accepts(value: unknown): boolean;
  /** Method syntax on purpose: a codec of a narrower type still fits an ArgumentSpec. */
  encode(value: T): string | Buffer;
}

const bytes = z.custom<Buffer>((value) => value instanceof Uint8Array, { message: 'expected a Buffer or Uint8Array' });

function codec<T>(
  type: string,
  schema: z.ZodType<T>,
  accepts: (value: unknown) => boolean,
  encode: (value: T) => string | Buffer,
): ArgumentCodec<T> {
  return { type, schema, accepts, encode };
}

/** The key schema: a string or bytes. */
export const keySchema: z.ZodType<RedisKey> = z.union([z.string(), bytes]);

/** The fast pre-check matching `keySchema`. */
export function acceptsKey(value: unknown): boolean {
  return typeof value === 'string' || value instanceof Uint8Array;
}

/** Argument codecs, one per declarable argument type. */
export const arg = {
  integer: codec<number>('integer', z.number().int(), (v) => Number.isSafeInteger(v), (n) => String(n)),
  number: codec<number>('number', z.number(), (v) => typeof v === 'number' && Number.isFinite(v), (n) => String(n)),
  string: codec<string>('string', z.string(), (v) => typeof v === 'string', (s) => s),
  boolean: codec<boolean>('boolean', z.boolean(), (v) => typeof v === 'boolean', (b) => (b ? '1' : '0')),
  json: codec<unknown>(
    'json',
    z.unknown().refine((v) => v !== undefined, { message: 'expected a JSON value, got undefined' }),
    (v) => v !== undefined,
    (v) => {
      // Throws on a cycle or a BigInt; a function or a symbol has no JSON text at all.
      const text = JSON.stringify(v);
      if (text === undefined) throw new TypeError(`${typeof v} has no JSON representation`);
      return text;
    },
  ),
  buffer: codec<Buffer>('buffer', bytes, (v) => v instanceof Uint8Array, (b) => (Buffer.isBuffer(b) ? b : Buffer.from(b))),
  literal<const T extends string>(...values: [T, ...T[]]): ArgumentCodec<T> {
    const type = values.map((v) => JSON.stringify(v)).join(' | ');
    const allowed: readonly unknown[] = values;
    return codec<T>(type, z.enum(values) as unknown as z.ZodType<T>, (v) => allowed.includes(v), (s) => s);
  },
};
