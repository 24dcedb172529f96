import { z } from 'zod';
import { acceptsKey, keySchema, type ArgumentCodec, type RedisKey } from './arguments';
import { ScriptArgumentError, ScriptCodeError } from './errors';
import type { ReplyDecoder } from './replies';

/** One ARGV slot as the generated module declares it. */
export interface ArgumentSpec {
  readonly name: string;
  readonly codec: ArgumentCodec<unknown>;
  readonly optional?: boolean;
  readonly variadic?: boolean;
}

/** A generated error class; its code parameter is a union of literals, hence `never` here. */
type CodeErrorClass = new (
  script: string,
  code: never,
  detail: string,
  redisMessage: string,
  options?: { cause?: unknown },
) => ScriptCodeError;

/** What a generated module declares about its script. */
export interface ScriptDeclaration<Reply> {
  /** Dotted name, e.g. `atomic.transfer`. */
  readonly id: string;
  /** The ioredis command name it is registered under with `defineCommand`. */
  readonly command: string;
  /** The .lua file it came from, for error locations. */
  readonly sourcePath: string;
  /** Lines luagen added above the file's first line. */
  readonly lineOffset: number;
  /** KEYS and ARGV positions (0-based) declared `@prefix`: keys are built from them in the script. */
  readonly prefixes?: { readonly keys: readonly number[]; readonly args: readonly number[] };
  /** For a script with includes: `[first line of the script text, file, its line there]`, in order. */
  readonly sources?: readonly (readonly [number, string, number])[];
  readonly lua: string;
  readonly sha1: string;
  readonly readonly: boolean;
  /** Names of the KEYS slots; the last one is an array when `variadicKeys`. */
  readonly keys: readonly string[];
  readonly variadicKeys: boolean;
  readonly args: readonly ArgumentSpec[];
  readonly reply: ReplyDecoder<Reply>;
  readonly errorCodes: readonly string[];
  readonly errorClass?: CodeErrorClass;
}

/** A script ready to bind: its declaration plus a validator and an encoder. */
export interface ScriptSpec<Input, Reply> extends ScriptDeclaration<Reply> {
  /** `numberOfKeys` for defineCommand; undefined when the count varies per call. */
  readonly numberOfKeys: number | undefined;
  /** Validates the input (throws ScriptArgumentError) and returns KEYS and ARGV. */
  readonly encode: (input: Input) => { keys: RedisKey[]; args: (string | Buffer)[] };
  /**
   * The same, appending KEYS then ARGV to `out` (one array per call on the hot path); returns the key count.
   */
  readonly encodeInto: (input: Input, out: unknown[]) => number;
  /** Phantom field carrying the input type. */
  readonly __input?: Input;
}

function buildSchema(declaration: ScriptDeclaration<unknown>): z.ZodType<Record<string, unknown>> {
  const shape: Record<string, z.ZodType> = {};
  declaration.keys.forEach((name, i) => {
    const variadic = declaration.variadicKeys && i === declaration.keys.length - 1;
    shape[name] = variadic ? z.array(keySchema) : keySchema;
  });
  for (const arg of declaration.args) {
    const schema: z.ZodType = arg.variadic ? z.array(arg.codec.schema) : arg.codec.schema;
    shape[arg.name] = arg.optional ? schema.optional() : schema;
  }
  return z.object(shape).strict() as unknown as z.ZodType<Record<string, unknown>>;
}

function argumentError(id: string, error: z.ZodError): ScriptArgumentError {
  const issue = error.issues[0];
  if (!issue) return new ScriptArgumentError(id, '', error.message);
  const unknownKey = (issue as { keys?: string[] }).keys?.[0];
  if (issue.code === 'unrecognized_keys' && unknownKey !== undefined) {
    return new ScriptArgumentError(id, unknownKey, 'is not a key or argument of this script');
  }
  const path = issue.path.map(String);
  const index = path.length > 1 ? `[${path.slice(1).join('][')}]` : '';
  return new ScriptArgumentError(id, `${path[0] ?? ''}${index}`, issue.message);
}

/** Every field of the input is declared, and every declared field passes its codec's fast pre-check. */
function passesFastCheck(declaration: ScriptDeclaration<unknown>, allowed: ReadonlySet<string>, input: unknown): boolean {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return false;
  const values = input as Record<string, unknown>;
  for (const name in values) if (!allowed.has(name)) return false;
  const { keys, variadicKeys } = declaration;
  for (let i = 0; i < keys.length; i++) {
    const value = values[keys[i] as string];
    const ok = variadicKeys && i === keys.length - 1 ? Array.isArray(value) && value.every(acceptsKey) : acceptsKey(value);
    if (!ok) return false;
  }
  for (const arg of declaration.args) {
    const value = values[arg.name];
    if (arg.variadic) {
      if (!Array.isArray(value) || !value.every((item) => arg.codec.accepts(item))) return false;
    } else if (!(value === undefined ? arg.optional === true : arg.codec.accepts(value))) {
      return false;
    }
  }
  return true;
}

function encodeValue(id: string, spec: ArgumentSpec, value: unknown): string | Buffer {
  try {
    return spec.codec.encode(value);
  } catch (error) {
    throw new ScriptArgumentError(id, spec.name, error instanceof Error ? error.message : String(error));
  }
}

function encoderFor<Input>(declaration: ScriptDeclaration<unknown>): ScriptSpec<Input, unknown>['encodeInto'] {
  const schema = buildSchema(declaration);
  const allowed = new Set([...declaration.keys, ...declaration.args.map((a) => a.name)]);
  const { id, keys: keyNames, variadicKeys, args: argSpecs } = declaration;
  return (input, out) => {
    // zod validates whatever the fast pre-check does not vouch for, and words every message.
    if (!passesFastCheck(declaration, allowed, input)) {
      const parsed = schema.safeParse(input ?? {});
      if (!parsed.success) throw argumentError(id, parsed.error);
    }
    const values = (input ?? {}) as Record<string, unknown>;
    const start = out.length;
    for (let i = 0; i < keyNames.length; i++) {
      const value = values[keyNames[i] as string];
      if (variadicKeys && i === keyNames.length - 1) for (const key of value as RedisKey[]) out.push(key);
      else out.push(value);
    }
    const keyCount = out.length - start;
    let omitted: string | undefined;
    for (const spec of argSpecs) {
      const value = values[spec.name];
      if (spec.variadic) {
        for (const item of value as unknown[]) out.push(encodeValue(id, spec, item));
      } else if (value === undefined) {
        omitted ??= spec.name;
      } else if (omitted !== undefined) {
        throw new ScriptArgumentError(id, spec.name, `ARGV is positional: '${spec.name}' needs '${omitted}' to be given too`);
      } else {
        out.push(encodeValue(id, spec, value));
      }
    }
    return keyCount;
  };
}

/** Called by every generated module: completes a declaration into a bindable script. */
export function defineScript<Input, Reply>(declaration: ScriptDeclaration<Reply>): ScriptSpec<Input, Reply> {
  const numberOfKeys = declaration.variadicKeys ? undefined : declaration.keys.length;
  const encodeInto = encoderFor<Input>(declaration);
  const encode = (input: Input) => {
    const out: unknown[] = [];
    const keyCount = encodeInto(input, out);
    return { keys: out.slice(0, keyCount) as RedisKey[], args: out.slice(keyCount) as (string | Buffer)[] };
  };
  return Object.freeze({ ...declaration, numberOfKeys, encode, encodeInto });
}
