import type { LuaType } from '../model/lua-type';
import { propertyKey, quote } from './text';

/**
 * The emitted `decode` of a script: its reply decoder as straight-line code (the runtime's `reply.*` combinators,
 * unrolled for the declared type). Leaves call the runtime's shared decoders (`run.decodeInteger`, ...) with the
 * reply path as a constant. An array index or a table key is not known at build time: the path holds a step
 * marker there, filled in by the loop's `catch` only when a reply does not match, so a matching reply builds no
 * string.
 */

/** The marker of a step filled in at run time (the runtime's PATH_STEP). */
const STEP = '\u0000';

/** A path as a string literal (the step marker escaped). */
function pathText(path: string): string {
  return quote(path).replace(/\u0000/g, '\\u0000');
}

const LEAVES: Partial<Record<LuaType['kind'], string>> = {
  integer: 'decodeInteger',
  number: 'decodeNumber',
  string: 'decodeString',
  ok: 'decodeString',
  boolean: 'decodeBoolean',
  json: 'decodeJson',
  buffer: 'decodeBuffer',
};

/** Collects the statements of one decoder and names its locals. */
class Body {
  readonly lines: string[] = [];

  constructor(
    private readonly indent: string,
    private readonly names: { count: number } = { count: 0 },
  ) {}

  local(prefix: string): string {
    return `${prefix}${this.names.count++}`;
  }

  line(text: string): void {
    this.lines.push(`${this.indent}${text}`);
  }

  /** A block `levels` deeper, naming its locals from the same count. */
  nested(levels = 1): Body {
    return new Body(`${this.indent}${'  '.repeat(levels)}`, this.names);
  }
}

/** The type as the runtime's decoders name it in a mismatch (`ReplyDecoder.type`). */
function typeName(type: LuaType): string {
  switch (type.kind) {
    case 'literal':
      return type.values.map((v) => JSON.stringify(v)).join(' | ');
    case 'optional':
      return `${typeName(type.inner)}?`;
    case 'array':
      return `${typeName(type.element)}[]`;
    case 'tuple':
      return `[${type.fields.map((f) => `${f.name}: ${typeName(f.type)}`).join(', ')}]`;
    case 'record':
      return `table<string, ${typeName(type.value)}>`;
    default:
      return type.kind;
  }
}

/**
 * An expression holding the decoded `value` (a local or an element read, evaluated any number of times); statements
 * it needs first go to `body`, in evaluation order.
 */
function decodeExpression(type: LuaType, value: string, path: string, body: Body): string {
  const leaf = LEAVES[type.kind];
  if (leaf) return `run.${leaf}(${value}, ${pathText(path)})`;
  switch (type.kind) {
    case 'nil':
      return 'null';
    case 'raw':
      return `(${value} === undefined ? null : ${value})`;
    case 'literal': {
      const s = body.local('s');
      body.line(`const ${s} = run.text(${value});`);
      const mismatch = type.values.map((v) => `${s} !== ${quote(v)}`).join(' && ');
      body.line(`if (${s} === undefined || (${mismatch})) throw new run.ReplyMismatch(${pathText(path)}, ${quote(typeName(type))}, ${value});`);
      return `${s} as ${type.values.map(quote).join(' | ')}`;
    }
    case 'optional':
      return optionalExpression(type.inner, value, path, body);
    case 'tuple':
      return tupleExpression(type.fields, value, path, body);
    case 'array':
      return arrayExpression(type.element, value, path, body);
    case 'record':
      return recordExpression(type.value, value, path, body);
    default:
      throw new Error(`no decoder for ${type.kind}`);
  }
}

function optionalExpression(inner: LuaType, value: string, path: string, body: Body): string {
  const nested = body.nested();
  const decoded = decodeExpression(inner, value, path, nested);
  const absent = `${value} === null || ${value} === undefined`;
  if (nested.lines.length === 0) return `(${absent} ? null : ${decoded})`;
  const o = body.local('o');
  body.line(`let ${o}: unknown = null;`);
  body.line(`if (!(${absent})) {`);
  body.lines.push(...nested.lines);
  body.line(`  ${o} = ${decoded};`);
  body.line('}');
  return `${o} as never`;
}

/** A Lua array read as named fields; a missing trailing element (the array was cut at a nil) is null. */
function tupleExpression(fields: readonly { name: string; type: LuaType }[], value: string, path: string, body: Body): string {
  const t = body.local('t');
  body.line(`const ${t} = ${value};`);
  body.line(`if (!Array.isArray(${t}) || ${t}.length > ${fields.length}) throw new run.ReplyMismatch(${pathText(path)}, 'an array of ${fields.length}', ${t});`);
  const decoded = fields.map((field, i) => {
    const element = body.local('e');
    body.line(`const ${element}: unknown = ${t}.length > ${i} ? ${t}[${i}] : null;`);
    const f = body.local('f');
    body.line(`const ${f} = ${decodeExpression(field.type, element, `${path}.${field.name}`, body)};`);
    return `${propertyKey(field.name)}: ${f}`;
  });
  return `{ ${decoded.join(', ')} }`;
}

function arrayExpression(element: LuaType, value: string, path: string, body: Body): string {
  const a = body.local('a');
  const i = body.local('i');
  body.line(`const ${a} = ${value};`);
  body.line(`if (!Array.isArray(${a})) throw new run.ReplyMismatch(${pathText(path)}, 'an array', ${a});`);
  const items = body.local('items');
  body.line(`const ${items} = [];`);
  body.line(`for (let ${i} = 0; ${i} < ${a}.length; ${i}++) {`);
  const item = body.local('item');
  body.line(`  const ${item}: unknown = ${a}[${i}];`);
  const nested = body.nested(2);
  const decoded = decodeExpression(element, item, `${path}${STEP}`, nested);
  body.line('  try {');
  body.lines.push(...nested.lines);
  body.line(`    ${items}.push(${decoded});`);
  body.line('  } catch (error) {');
  body.line(`    throw run.atIndex(error, ${i});`);
  body.line('  }');
  body.line('}');
  return items;
}

function recordExpression(valueType: LuaType, value: string, path: string, body: Body): string {
  const entries = body.local('entries');
  const k = body.local('k');
  const v = body.local('v');
  body.line(`const ${entries} = run.entriesOf(${value}, ${pathText(path)});`);
  body.line(`for (const entry of ${entries}) {`);
  body.line(`  const [${k}, ${v}] = entry;`);
  const nested = body.nested(2);
  const decoded = decodeExpression(valueType, v, `${path}${STEP}`, nested);
  body.line('  try {');
  body.lines.push(...nested.lines);
  body.line(`    entry[1] = ${decoded};`);
  body.line('  } catch (error) {');
  body.line(`    throw run.atKey(error, ${k});`);
  body.line('  }');
  body.line('}');
  // fromEntries, not assignment: a field named `__proto__` stays a field.
  return `Object.fromEntries(${entries}) as never`;
}

/** The `decode` field of the spec: `(raw) => Reply`, throwing ReplyMismatch when the reply does not match. */
export function decoderText(type: LuaType, replyType: string): string {
  const body = new Body('  ');
  const decoded = decodeExpression(type, 'raw', 'reply', body);
  // A nil reply decodes to null whatever arrived: the parameter is then unused.
  if (body.lines.length === 0) return `(${type.kind === 'nil' ? '_raw' : 'raw'}): ${replyType} => ${decoded}`;
  return [`(raw): ${replyType} => {`, ...body.lines, `  return ${decoded};`, '}'].join('\n');
}
