/** The value types luagen understands, shared by argument and reply declarations. */
export type ScalarKind = 'integer' | 'number' | 'string' | 'boolean' | 'ok' | 'nil' | 'json' | 'buffer' | 'raw';

export type LuaType =
  | { readonly kind: ScalarKind }
  | { readonly kind: 'literal'; readonly values: readonly string[] }
  | { readonly kind: 'optional'; readonly inner: LuaType }
  | { readonly kind: 'array'; readonly element: LuaType }
  | { readonly kind: 'tuple'; readonly fields: readonly TupleField[] }
  | { readonly kind: 'record'; readonly value: LuaType };

export interface TupleField {
  readonly name: string;
  readonly type: LuaType;
}

export const SCALAR_KINDS: readonly ScalarKind[] = ['integer', 'number', 'string', 'boolean', 'ok', 'nil', 'json', 'buffer', 'raw'];

/** Scalars an ARGV slot may declare (the others describe replies only). */
export const ARGUMENT_SCALARS: readonly ScalarKind[] = ['integer', 'number', 'string', 'boolean', 'json', 'buffer'];

/** True when the type, or anything nested in it, satisfies the predicate. */
export function someType(type: LuaType, predicate: (t: LuaType) => boolean): boolean {
  if (predicate(type)) return true;
  switch (type.kind) {
    case 'optional':
      return someType(type.inner, predicate);
    case 'array':
      return someType(type.element, predicate);
    case 'record':
      return someType(type.value, predicate);
    case 'tuple':
      return type.fields.some((f) => someType(f.type, predicate));
    default:
      return false;
  }
}

/** The declaration text of a type, as a user would write it in a header. */
export function typeToString(type: LuaType): string {
  switch (type.kind) {
    case 'literal':
      return type.values.map((v) => `'${v}'`).join(' | ');
    case 'optional':
      return `${wrapIfUnion(type.inner)}?`;
    case 'array':
      return `${wrapIfUnion(type.element)}[]`;
    case 'tuple':
      return `[${type.fields.map((f) => `${f.name}: ${typeToString(f.type)}`).join(', ')}]`;
    case 'record':
      return `table<string, ${typeToString(type.value)}>`;
    default:
      return type.kind;
  }
}

function wrapIfUnion(type: LuaType): string {
  const text = typeToString(type);
  return type.kind === 'literal' && type.values.length > 1 ? `(${text})` : text;
}
