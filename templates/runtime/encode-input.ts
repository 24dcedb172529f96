import { z } from 'zod';
import { arg, encodeKey, keyProblem, keySchema, type RedisKey } from './arguments';
import { describe, ScriptArgumentError } from './errors';
import { REQUEST_ID, requestIdRule, requestIdSchema } from './request-record';
import type { ArgumentSpec, ScriptDeclaration, ScriptSpec } from './script';

/** The rule of one value: what is wrong with it, or undefined. */
interface Rule {
  problem(value: unknown): string | undefined;
}

const keyRule: Rule = { problem: keyProblem };

/** One declared key or argument, in input order (keys first): how to check one value of it. */
interface Slot {
  readonly name: string;
  readonly variadic: boolean;
  readonly optional: boolean;
  readonly rule: Rule;
}

function slotsOf(declaration: ScriptDeclaration<unknown>): Slot[] {
  const { keys, variadicKeys, args } = declaration;
  const keySlots = keys.map((name, i) => ({ name, variadic: variadicKeys && i === keys.length - 1, optional: false, rule: keyRule }));
  const argSlots = args.map((a: ArgumentSpec) => ({ name: a.name, variadic: a.variadic === true, optional: a.optional === true, rule: a.codec }));
  // An @idempotent script's requestId is read and checked with the rest, last.
  const request = declaration.idempotent ? [{ name: REQUEST_ID, variadic: false, optional: false, rule: requestIdRule }] : [];
  return [...keySlots, ...argSlots, ...request];
}

/** The input schema: the rule every input follows, and what words a rejection. */
export function inputSchema(declaration: ScriptDeclaration<unknown>): z.ZodType<Record<string, unknown>> {
  const shape: Record<string, z.ZodType> = {};
  declaration.keys.forEach((name, i) => {
    const variadic = declaration.variadicKeys && i === declaration.keys.length - 1;
    shape[name] = variadic ? z.array(keySchema) : keySchema;
  });
  for (const arg of declaration.args) {
    const schema: z.ZodType = arg.variadic ? z.array(arg.codec.schema) : arg.codec.schema;
    shape[arg.name] = arg.optional ? schema.optional() : schema;
  }
  if (declaration.idempotent) shape[REQUEST_ID] = requestIdSchema;
  return z.object(shape) as unknown as z.ZodType<Record<string, unknown>>;
}

function describeInput(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  return describe(value);
}

/** The value at a zod issue path in the snapshot, for the "got ..." part of a message. */
function valueAt(snapshot: Record<string, unknown>, path: readonly PropertyKey[]): unknown {
  let value: unknown = snapshot;
  for (const step of path) value = (value as Record<PropertyKey, unknown> | undefined)?.[step];
  return value;
}

function argumentError(id: string, error: z.ZodError, snapshot: Record<string, unknown>): ScriptArgumentError {
  const issue = error.issues[0];
  if (!issue) return new ScriptArgumentError(id, '', error.message);
  const path = issue.path.map(String);
  const index = path.length > 1 ? `[${path.slice(1).join('][')}]` : '';
  const got = issue.code === 'custom' ? `, got ${describeInput(valueAt(snapshot, issue.path as PropertyKey[]))}` : '';
  return new ScriptArgumentError(id, `${path[0] ?? ''}${index}`, `${issue.message}${got}`);
}

/**
 * Reads the input once: each declared property once, each element of a variadic array once (a getter or a
 * Proxy cannot hand validation one value and the encoder another). Values come out in slot order; variadic
 * arrays are copied. Refuses what zod could not be shown: a non-object, an unknown field, a hole in an array.
 */
function snapshotOf(id: string, slots: readonly Slot[], allowed: ReadonlySet<string>, input: unknown): unknown[] {
  const fields = inputFields(id, input);
  for (const name in fields) if (!allowed.has(name)) throw unknownField(id, name);
  const values: unknown[] = new Array(slots.length);
  let reading = '';
  try {
    for (let s = 0; s < slots.length; s++) {
      const slot = slots[s] as Slot;
      reading = slot.name;
      const value = fields[slot.name];
      values[s] = slot.variadic && Array.isArray(value) ? copyArray(id, slot.name, value) : value;
    }
  } catch (error) {
    throw unreadable(id, reading, error);
  }
  return values;
}

/** The input as an object of fields (no input is `{}`); anything else is refused. */
export function inputFields(id: string, input: unknown): Record<string, unknown> {
  if (input === undefined) return {};
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ScriptArgumentError(id, '', `expected an object of keys and arguments, got ${describeInput(input)}`);
  }
  return input as Record<string, unknown>;
}

export function unknownField(id: string, name: string): ScriptArgumentError {
  return new ScriptArgumentError(id, name, 'is not a key or argument of this script');
}

/** A getter or a Proxy trap threw while the input was read: still an argument error, with nothing sent. */
export function unreadable(id: string, name: string, error: unknown): ScriptArgumentError {
  if (error instanceof ScriptArgumentError) return error;
  return new ScriptArgumentError(id, name, `could not be read: ${error instanceof Error ? error.message : String(error)}`);
}

/** An optional argument given after one left out: ARGV has no gaps. */
export function positionalGap(id: string, name: string, omitted: string): ScriptArgumentError {
  return new ScriptArgumentError(id, name, `ARGV is positional: '${name}' needs '${omitted}' to be given too`);
}

/** A `json` argument's text; a value with none (a cycle, a BigInt, a function) is an argument error. */
export function jsonArgument(id: string, name: string, value: unknown): string {
  try {
    return arg.json.encode(value) as string;
  } catch (error) {
    throw new ScriptArgumentError(id, name, error instanceof Error ? error.message : String(error));
  }
}

/** A copy of a variadic array, read once element by element; a hole is refused. */
export function copyArray(id: string, name: string, array: readonly unknown[]): unknown[] {
  const length = array.length;
  const copy: unknown[] = [];
  for (let i = 0; i < length; i++) {
    const item = array[i];
    // `every` and `forEach` skip holes; ioredis would send them as ''.
    if (item === undefined && !(i in array)) throw new ScriptArgumentError(id, `${name}[${i}]`, 'is a hole in a sparse array; give every element');
    copy.push(item);
  }
  return copy;
}

/** Every value passes its slot's rule (the fast path: no zod, no allocation). */
function isValid(slots: readonly Slot[], values: readonly unknown[]): boolean {
  for (let s = 0; s < slots.length; s++) {
    const slot = slots[s] as Slot;
    const value = values[s];
    if (slot.variadic) {
      if (!Array.isArray(value)) return false;
      for (let i = 0; i < value.length; i++) if (slot.rule.problem(value[i]) !== undefined) return false;
    } else if (value === undefined ? !slot.optional : slot.rule.problem(value) !== undefined) {
      return false;
    }
  }
  return true;
}

/** zod finds the first problem in the snapshot and words it; the rules are the slots' own, so it finds one. */
function rejection(id: string, schema: z.ZodType, slots: readonly Slot[], values: readonly unknown[]): ScriptArgumentError {
  const snapshot: Record<string, unknown> = {};
  slots.forEach((slot, s) => (snapshot[slot.name] = values[s]));
  const parsed = schema.safeParse(snapshot);
  return parsed.success ? new ScriptArgumentError(id, '', 'failed validation') : argumentError(id, parsed.error, snapshot);
}

function encodeValue(id: string, spec: ArgumentSpec, value: unknown): string | Buffer {
  try {
    return spec.codec.encode(value);
  } catch (error) {
    throw new ScriptArgumentError(id, spec.name, error instanceof Error ? error.message : String(error));
  }
}

/**
 * How an emitted encoder rejects an input its straight-line check refused: zod words the first problem of the
 * values read (in slot order: keys, arguments, then `requestId`). The schema is built on the first rejection.
 */
export function rejecterFor(declaration: ScriptDeclaration<unknown>): (values: readonly unknown[]) => ScriptArgumentError {
  let schema: z.ZodType | undefined;
  let slots: Slot[] | undefined;
  return (values) => {
    schema ??= inputSchema(declaration);
    slots ??= slotsOf(declaration);
    return rejection(declaration.id, schema, slots, values);
  };
}

/** Validates one snapshot of the input (throws ScriptArgumentError) and appends KEYS then ARGV to `out`. */
export function encoderFor<Input>(declaration: ScriptDeclaration<unknown>): ScriptSpec<Input, unknown>['encodeInto'] {
  const schema = inputSchema(declaration);
  const slots = slotsOf(declaration);
  const allowed = new Set(slots.map((slot) => slot.name));
  const { id, keys: keyNames, variadicKeys, args: argSpecs } = declaration;
  return (input, out, request) => {
    const values = snapshotOf(id, slots, allowed, input);
    if (!isValid(slots, values)) throw rejection(id, schema, slots, values);
    const start = out.length;
    for (let i = 0; i < keyNames.length; i++) {
      const value = values[i];
      if (variadicKeys && i === keyNames.length - 1) for (const key of value as RedisKey[]) out.push(encodeKey(key));
      else out.push(encodeKey(value as RedisKey));
    }
    const keyCount = out.length - start;
    let omitted: string | undefined;
    for (let a = 0; a < argSpecs.length; a++) {
      const spec = argSpecs[a] as ArgumentSpec;
      const value = values[keyNames.length + a];
      if (spec.variadic) {
        for (const item of value as unknown[]) out.push(encodeValue(id, spec, item));
      } else if (value === undefined) {
        omitted ??= spec.name;
      } else if (omitted !== undefined) {
        throw positionalGap(id, spec.name, omitted);
      } else {
        out.push(encodeValue(id, spec, value));
      }
    }
    if (request && declaration.idempotent) request.id = values[slots.length - 1] as string;
    return keyCount;
  };
}
