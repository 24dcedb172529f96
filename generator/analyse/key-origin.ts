import type { Expression } from 'luaparse';
import type { Binding, BindingValue, Scopes } from './scope';
import { isGlobalIdentifier, isLocalIdentifier, scriptTableName } from './walk';

/**
 * Where a value used as a key comes from: KEYS (safe on a cluster), somewhere else that is certainly not KEYS
 * (a literal, a concatenation, ARGV, string.format), or unknown (a parameter, a table field, a call).
 */
export type KeyOrigin =
  | { readonly kind: 'keys' }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'other'; readonly what: string };

const KEYS: KeyOrigin = { kind: 'keys' };
const UNKNOWN: KeyOrigin = { kind: 'unknown' };

/** Follows simple local aliases (every assignment of the local) to tell where a value comes from. */
export function keyOrigin(expression: Expression, scopes: Scopes, visiting: Set<Binding> = new Set()): KeyOrigin | undefined {
  switch (expression.type) {
    case 'IndexExpression': {
      const table = scriptTableName(expression.base);
      if (table === 'KEYS') return KEYS;
      return table === 'ARGV' ? { kind: 'other', what: 'an ARGV value' } : UNKNOWN;
    }
    case 'StringLiteral':
      return { kind: 'other', what: `the literal ${expression.raw}` };
    case 'NumericLiteral':
      return { kind: 'other', what: `the literal ${expression.raw}` };
    case 'BinaryExpression':
      return expression.operator === '..' ? { kind: 'other', what: 'a name built by concatenation' } : UNKNOWN;
    case 'CallExpression':
      return isStringFormat(expression.base) ? { kind: 'other', what: 'a name built with string.format' } : UNKNOWN;
    case 'LogicalExpression':
      return combine([keyOrigin(expression.left, scopes, visiting), keyOrigin(expression.right, scopes, visiting)]);
    case 'NilLiteral':
    case 'BooleanLiteral':
      return undefined; // no value: the other branch decides
    case 'Identifier':
      return isLocalIdentifier(expression) ? localOrigin(scopes.bindingOf(expression), scopes, visiting) : UNKNOWN;
    default:
      return UNKNOWN;
  }
}

function localOrigin(binding: Binding | undefined, scopes: Scopes, visiting: Set<Binding>): KeyOrigin {
  if (!binding || visiting.has(binding)) return UNKNOWN;
  visiting.add(binding);
  const origins = binding.values.map((value) => valueOrigin(value, scopes, visiting));
  visiting.delete(binding);
  return combine(origins) ?? UNKNOWN;
}

function valueOrigin(value: BindingValue, scopes: Scopes, visiting: Set<Binding>): KeyOrigin | undefined {
  if (value.kind === 'keys-element') return KEYS;
  if (value.kind === 'unknown') return UNKNOWN;
  return keyOrigin(value.expression, scopes, visiting);
}

/** All KEYS → KEYS; all certainly-other → the first other; anything mixed or unknown → unknown. */
function combine(origins: readonly (KeyOrigin | undefined)[]): KeyOrigin | undefined {
  const known = origins.filter((o): o is KeyOrigin => o !== undefined);
  if (known.length === 0) return undefined;
  if (known.every((o) => o.kind === 'keys')) return KEYS;
  const others = known.filter((o) => o.kind === 'other');
  return others.length === known.length ? others[0] : UNKNOWN;
}

function isStringFormat(base: Expression): boolean {
  return base.type === 'MemberExpression' && isGlobalIdentifier(base.base) && base.base.name === 'string' && base.identifier.name === 'format';
}
