import type { LuaType } from '../model/lua-type';
import type { ScriptModel } from '../model/script';
import { quote } from './text';

/**
 * The emitted `encoder` of a script: its `encodeInto` as straight-line code (the runtime's `encoderFor`, unrolled
 * for the script's keys and arguments). It reads the input once, checks every value with the rule the zod schema
 * is built from (the runtime's `arg.*.problem` and `keyProblem`, here as yes/no expressions), and appends KEYS then
 * ARGV to `out`. When a check fails it calls `reject` with the values read, and zod words the error.
 */

/** One value the encoder reads: a key, an argument or the `requestId` of an `@idempotent` script. */
interface Slot {
  readonly name: string;
  readonly local: string;
  readonly variadic: boolean;
  readonly optional: boolean;
  /** The yes/no rule of one value (`x` is its expression). */
  readonly check: (x: string) => string;
  /** What Redis receives for one value; undefined for `requestId` (it is not sent as ARGV). */
  readonly encode?: (x: string) => string;
}

const MAX_REQUEST_ID = 256;

/** The rule of one value of an argument type, as an expression over `x` (the same rule as `arg.<type>.problem`). */
export function argumentCheckText(type: LuaType, x: string): string {
  switch (type.kind) {
    case 'integer':
      return `Number.isSafeInteger(${x})`;
    case 'number':
      return `Number.isFinite(${x})`;
    case 'string':
      return `(typeof ${x} === 'string' && run.wellFormed(${x}))`;
    case 'boolean':
      return `typeof ${x} === 'boolean'`;
    case 'json':
      return `${x} !== undefined`;
    case 'buffer':
      return `${x} instanceof Uint8Array`;
    case 'literal':
      return `(${type.values.map((v) => `${x} === ${quote(v)}`).join(' || ')})`;
    default:
      throw new Error(`not an argument type: ${type.kind}`);
  }
}

function argumentEncodeText(type: LuaType, x: string, id: string, name: string): string {
  switch (type.kind) {
    case 'integer':
    case 'number':
      return `String(${x})`;
    case 'boolean':
      return `(${x} ? '1' : '0')`;
    case 'json':
      return `run.jsonArgument(${quote(id)}, ${quote(name)}, ${x})`;
    case 'buffer':
      return `run.asBuffer(${x} as Uint8Array)`;
    default:
      return `${x} as string`;
  }
}

function slotsOf(script: ScriptModel): Slot[] {
  const slots: Slot[] = script.keys.map((key) => ({
    name: key.name,
    variadic: key.variadic,
    optional: false,
    local: '',
    check: (x) => `run.isKey(${x})`,
    encode: (x) => `run.encodeKey(${x} as RedisKey)`,
  }));
  for (const a of script.args) {
    slots.push({
      name: a.name,
      variadic: a.variadic,
      optional: a.optional,
      local: '',
      check: (x) => argumentCheckText(a.type, x),
      encode: (x) => argumentEncodeText(a.type, x, script.id, a.name),
    });
  }
  if (script.idempotent) {
    const check = (x: string) => `(typeof ${x} === 'string' && ${x}.length >= 1 && ${x}.length <= ${MAX_REQUEST_ID})`;
    slots.push({ name: 'requestId', variadic: false, optional: false, local: '', check });
  }
  return slots.map((slot, i) => ({ ...slot, local: `v${i}` }));
}

/** `for (const name in fields)`: any field that is not a key or an argument is refused. */
function unknownFieldLines(id: string, slots: readonly Slot[]): string[] {
  if (slots.length === 0) return [`for (const name in fields) throw run.unknownField(${quote(id)}, name);`];
  return [
    'for (const name in fields) {',
    '  switch (name) {',
    ...slots.map((slot) => `    case ${quote(slot.name)}:`),
    '      break;',
    '    default:',
    `      throw run.unknownField(${quote(id)}, name);`,
    '  }',
    '}',
  ];
}

/** Each field read once (a getter or a Proxy sees one read); a variadic array is copied, element by element. */
function readLines(id: string, slots: readonly Slot[]): string[] {
  if (slots.length === 0) return [];
  const reads = slots.flatMap((slot, i) => {
    const value = `fields[${quote(slot.name)}]`;
    const read = slot.variadic
      ? [`${slot.local} = ${value};`, `if (Array.isArray(${slot.local})) ${slot.local} = run.copyArray(${quote(id)}, ${quote(slot.name)}, ${slot.local});`]
      : [`${slot.local} = ${value};`];
    return i === 0 ? read : [`reading = ${quote(slot.name)};`, ...read];
  });
  return [
    `let ${slots.map((slot) => `${slot.local}: unknown`).join(', ')};`,
    `let reading = ${quote(slots[0]!.name)};`,
    'try {',
    ...reads.map((line) => `  ${line}`),
    '} catch (error) {',
    `  throw run.unreadable(${quote(id)}, reading, error);`,
    '}',
  ];
}

/** The verdict of every rule; on a failure zod words the first problem of the values read. */
function checkLines(slots: readonly Slot[]): string[] {
  if (slots.length === 0) return [];
  const whole = slots.filter((slot) => !slot.variadic).map((slot) => (slot.optional ? `(${slot.local} === undefined || ${slot.check(slot.local)})` : slot.check(slot.local)));
  const variadic = slots.filter((slot) => slot.variadic);
  const values = `[${slots.map((slot) => slot.local).join(', ')}]`;
  if (variadic.length === 0) return [`if (!(${whole.join(' && ')})) throw reject(${values});`];
  const lines = [`let valid = ${[...whole, ...variadic.map((slot) => `Array.isArray(${slot.local})`)].join(' && ')};`];
  for (const slot of variadic) {
    lines.push(`for (let i = 0; valid && i < (${slot.local} as unknown[]).length; i++) {`);
    lines.push(`  const item = (${slot.local} as unknown[])[i];`);
    lines.push(`  valid = ${slot.check('item')};`);
    lines.push('}');
  }
  lines.push(`if (!valid) throw reject(${values});`);
  return lines;
}

/** KEYS then ARGV appended to `out`; an optional argument after one left out is refused (ARGV has no gaps). */
function encodeLines(id: string, slots: readonly Slot[], keyCount: number, variadicKeys: boolean): string[] {
  const lines: string[] = [];
  let pending: string[] = [];
  const flush = () => {
    if (pending.length > 0) lines.push(`out.push(${pending.join(', ')});`);
    pending = [];
  };
  const optional = slots.some((slot) => slot.optional && slot.encode);
  if (variadicKeys) lines.push('const start = out.length;');
  if (optional) lines.push('let omitted: string | undefined;');
  slots.forEach((slot, i) => {
    const encode = slot.encode;
    if (!encode) return;
    if (slot.variadic) {
      flush();
      lines.push(`for (const item of ${slot.local} as unknown[]) out.push(${encode('item')});`);
    } else if (slot.optional) {
      flush();
      lines.push(`if (${slot.local} === undefined) omitted ??= ${quote(slot.name)};`);
      lines.push(`else if (omitted !== undefined) throw run.positionalGap(${quote(id)}, ${quote(slot.name)}, omitted);`);
      lines.push(`else out.push(${encode(slot.local)});`);
    } else {
      pending.push(encode(slot.local));
    }
    if (variadicKeys && i === keyCount - 1) {
      flush();
      lines.push('const keyCount = out.length - start;');
    }
  });
  flush();
  return lines;
}

/** The `encoder` field of the spec: `(reject) => (input, out[, request]) => keyCount`. */
export function encoderText(script: ScriptModel): string {
  const slots = slotsOf(script);
  const keyCount = script.keys.length;
  const variadicKeys = script.keys.some((key) => key.variadic);
  const request = script.idempotent ? slots[slots.length - 1] : undefined;
  const sends = slots.some((slot) => slot.encode);
  const body = [
    `const fields = run.inputFields(${quote(script.id)}, input);`,
    ...unknownFieldLines(script.id, slots),
    ...readLines(script.id, slots),
    ...checkLines(slots),
    ...encodeLines(script.id, slots, keyCount, variadicKeys),
    ...(request ? [`if (request) request.id = ${request.local} as string;`] : []),
    `return ${variadicKeys ? 'keyCount' : keyCount};`,
  ];
  const params = ['input', ...(sends || request ? ['out'] : []), ...(request ? ['request'] : [])];
  const outer = slots.length > 0 ? 'reject' : '_reject';
  return [`(${outer}) => (${params.join(', ')}) => {`, ...body.map((line) => `  ${line}`), '}'].join('\n');
}
