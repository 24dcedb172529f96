/** One generated run of a script: the input (keys and arguments by name) and what each key holds first. */
import fc from 'fast-check';
import type { LuaType } from '../model/lua-type';
import type { ScriptModel } from '../model/script';
import { keyContent, sharedValue, type KeyContent } from './key-contents';

export interface RunCase {
  /** The call's input, as the generated function takes it. */
  readonly input: Readonly<Record<string, unknown>>;
  /** Every distinct key of the call, with what it holds before the call. */
  readonly keys: readonly (readonly [string, KeyContent])[];
  /** Prefixes (`@prefix` keys and arguments) under which the script may build further keys. */
  readonly prefixes: readonly string[];
}

/** Every key of a run shares this hash tag, as on a cluster. */
export const RUN_TAG = '{t}';

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

const integer = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: -2, max: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom(MAX_SAFE, -MAX_SAFE, 1000, 60_000) },
  { weight: 1, arbitrary: fc.maxSafeInteger() },
);

const number = fc.oneof(
  { weight: 3, arbitrary: integer },
  { weight: 2, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.constantFrom(0.5, -0.25, 1e-7) },
);

const text = fc.oneof({ weight: 3, arbitrary: sharedValue }, { weight: 1, arbitrary: fc.string({ maxLength: 16, unit: 'grapheme' }) });

/** Values of a declared argument type. */
export function valueOf(type: LuaType): fc.Arbitrary<unknown> {
  switch (type.kind) {
    case 'literal':
      return fc.constantFrom(...type.values);
    case 'integer':
      return integer;
    case 'number':
      return number;
    case 'boolean':
      return fc.boolean();
    case 'json':
      return fc.jsonValue({ maxDepth: 2 });
    case 'buffer':
      return fc.uint8Array({ maxLength: 8 }).map((bytes) => Buffer.from(bytes));
    default:
      return text;
  }
}

/** The arbitrary of one script's runs. */
export function caseOf(script: ScriptModel): fc.Arbitrary<RunCase> {
  const prefixKeys = new Set(script.prefixes.keys);
  const prefixArgs = new Set(script.prefixes.args);
  const keyNames = script.keys.map((key, index) => {
    if (key.variadic) return fc.array(fc.nat({ max: 5 }), { maxLength: 4 }).map((ns) => ns.map((n) => `${RUN_TAG}:${key.name}:${n}`));
    const own = `${RUN_TAG}:${key.name}${prefixKeys.has(index) ? ':' : ''}`;
    const others = script.keys.filter((k, i) => i !== index && !k.variadic).map((k) => `${RUN_TAG}:${k.name}`);
    // Now and then a key is passed twice (e.g. a transfer to itself).
    return others.length === 0 ? fc.constant(own) : fc.oneof({ weight: 9, arbitrary: fc.constant(own) }, { weight: 1, arbitrary: fc.constantFrom(...others) });
  });
  const argValues = script.args.map((arg, index) => {
    const value = prefixArgs.has(index) ? fc.constant(`${RUN_TAG}:${arg.name}:`) : valueOf(arg.type);
    if (arg.variadic) return fc.array(value, { maxLength: 4 });
    return arg.optional ? fc.option(value, { nil: undefined, freq: 3 }) : value;
  });
  return fc.tuple(fc.tuple(...keyNames), fc.tuple(...argValues)).chain(([keys, args]) => {
    const input: Record<string, unknown> = {};
    script.keys.forEach((key, i) => (input[key.name] = keys[i]));
    script.args.forEach((arg, i) => {
      if (args[i] !== undefined) input[arg.name] = args[i];
    });
    const distinct = [...new Set(keys.flat() as string[])].filter((k) => !k.endsWith(':'));
    const prefixes = [...script.prefixes.keys.map((i) => keys[i] as string), ...script.prefixes.args.map((i) => args[i] as string)];
    return fc.tuple(...distinct.map(() => keyContent)).map((contents): RunCase => ({
      input,
      keys: distinct.map((key, i) => [key, contents[i]!] as const),
      prefixes,
    }));
  });
}
