import { z } from 'zod';
import { keySchema, type ArgumentCodec, type RedisKey } from './arguments';
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

function encoderFor<Input>(declaration: ScriptDeclaration<unknown>): ScriptSpec<Input, unknown>['encode'] {
  const schema = buildSchema(declaration);
  const { id, keys: keyNames, variadicKeys, args: argSpecs } = declaration;
  return (input) => {
    const parsed = schema.safeParse(input ?? {});
    if (!parsed.success) throw argumentError(id, parsed.error);
    const values = input as Record<string, unknown>;
    const keys: RedisKey[] = [];
    keyNames.forEach((name, i) => {
      if (variadicKeys && i === keyNames.length - 1) keys.push(...(values[name] as RedisKey[]));
      else keys.push(values[name] as RedisKey);
    });
    const args: (string | Buffer)[] = [];
    let omitted: string | undefined;
    for (const spec of argSpecs) {
      const value = values[spec.name];
      if (spec.variadic) {
        for (const item of value as unknown[]) args.push(spec.codec.encode(item));
      } else if (value === undefined) {
        omitted ??= spec.name;
      } else if (omitted !== undefined) {
        throw new ScriptArgumentError(id, spec.name, `ARGV is positional: '${spec.name}' needs '${omitted}' to be given too`);
      } else {
        args.push(spec.codec.encode(value));
      }
    }
    return { keys, args };
  };
}

/** Called by every generated module: completes a declaration into a bindable script. */
export function defineScript<Input, Reply>(declaration: ScriptDeclaration<Reply>): ScriptSpec<Input, Reply> {
  const numberOfKeys = declaration.variadicKeys ? undefined : declaration.keys.length;
  return Object.freeze({ ...declaration, numberOfKeys, encode: encoderFor<Input>(declaration) });
}
