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
  /** An `@idempotent` script's request record (luagen's own key, written on every reply): not compared. */
  readonly ignored?: string;
}

/** Every key of a run shares this hash tag, as on a cluster. */
export const RUN_TAG = '{t}';

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

// Small values meet the boundaries scripts test; the whole safe range (fast-check biases it towards its
// ends and towards 0) reaches the large ones, and shrinks to the smallest value that still fails.
const integer = fc.oneof(
  { withCrossShrink: true },
  { weight: 4, arbitrary: fc.integer({ min: -2, max: 20 }) },
  { weight: 2, arbitrary: fc.integer({ min: -MAX_SAFE, max: MAX_SAFE }) },
);

const number = fc.oneof(
  { withCrossShrink: true },
  { weight: 3, arbitrary: integer },
  { weight: 2, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.constantFrom(0.5, -0.25, 1e-7) },
);

const text = fc.oneof({ withCrossShrink: true }, { weight: 3, arbitrary: sharedValue }, { weight: 1, arbitrary: fc.string({ maxLength: 16, unit: 'grapheme' }) });

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

/** Variadic keys draw their names from this many per declared key. */
const VARIADIC_NAMES = 6;

/**
 * The arbitrary of one script's runs. Contents are generated for every key name a run may use, independently
 * of the input (no `chain`), so that fast-check shrinks the input and the keys' contents separately.
 */
export function caseOf(script: ScriptModel): fc.Arbitrary<RunCase> {
  const prefixKeys = new Set(script.prefixes.keys);
  const prefixArgs = new Set(script.prefixes.args);
  const fixedName = (name: string) => `${RUN_TAG}:${name}`;
  const keyNames = script.keys.map((key, index) => {
    if (key.variadic) return fc.array(fc.nat({ max: VARIADIC_NAMES - 1 }), { maxLength: 4 }).map((ns) => ns.map((n) => `${fixedName(key.name)}:${n}`));
    if (prefixKeys.has(index)) return fc.constant(`${fixedName(key.name)}:`);
    const others = script.keys.filter((k, i) => i !== index && !k.variadic && !prefixKeys.has(i)).map((k) => fixedName(k.name));
    // Now and then a key is passed twice (e.g. a transfer to itself).
    const own = fc.constant(fixedName(key.name));
    return others.length === 0 ? own : fc.oneof({ weight: 9, arbitrary: own }, { weight: 1, arbitrary: fc.constantFrom(...others) });
  });
  const argValues = script.args.map((arg, index) => {
    const value = prefixArgs.has(index) ? fc.constant(`${RUN_TAG}:${arg.name}:`) : valueOf(arg.type);
    if (arg.variadic) return fc.array(value, { maxLength: 4 });
    return arg.optional ? fc.option(value, { nil: undefined, freq: 3 }) : value;
  });
  const possible = script.keys.flatMap((key, index) => {
    if (prefixKeys.has(index)) return [];
    if (!key.variadic) return [fixedName(key.name)];
    return Array.from({ length: VARIADIC_NAMES }, (_, n) => `${fixedName(key.name)}:${n}`);
  });
  return fc.tuple(fc.tuple(...keyNames), fc.tuple(...argValues), fc.tuple(...possible.map(() => keyContent))).map(([keys, args, contents]): RunCase => {
    const input: Record<string, unknown> = {};
    script.keys.forEach((key, i) => (input[key.name] = keys[i]));
    script.args.forEach((arg, i) => {
      if (args[i] !== undefined) input[arg.name] = args[i];
    });
    if (script.idempotent) input.requestId = 'request-1';
    const used = new Set(keys.flat() as string[]);
    const prefixes = [...script.prefixes.keys.map((i) => keys[i] as string), ...script.prefixes.args.map((i) => args[i] as string)];
    const keysOfRun = possible.flatMap((key, i) => (used.has(key) ? [[key, contents[i]!] as const] : []));
    return { input, keys: keysOfRun, prefixes, ...(script.idempotent ? { ignored: 'luagen:once:' } : {}) };
  });
}
