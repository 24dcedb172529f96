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

/** The KEYS and ARGV slots (1-based) that the header declares as key prefixes (`@prefix`). */
export interface PrefixSlots {
  readonly KEYS: ReadonlySet<number>;
  readonly ARGV: ReadonlySet<number>;
}

const NO_PREFIXES: PrefixSlots = { KEYS: new Set(), ARGV: new Set() };

/**
 * Follows simple local aliases (every assignment of the local) to tell where a value comes from. A name built
 * by concatenation that starts with a declared prefix (`KEYS[9] .. id`, `prefix .. ':job:' .. id`) counts as
 * KEYS: it shares the prefix's hash tag, which the generated client checks before sending.
 */
export function keyOrigin(expression: Expression, scopes: Scopes, prefixes: PrefixSlots = NO_PREFIXES, visiting: Set<Binding> = new Set()): KeyOrigin | undefined {
  const origin = (e: Expression) => keyOrigin(e, scopes, prefixes, visiting);
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
      if (expression.operator !== '..') return UNKNOWN;
      return isPrefix(leftmost(expression), scopes, prefixes, new Set()) ? KEYS : { kind: 'other', what: 'a name built by concatenation' };
    case 'CallExpression':
      return isStringFormat(expression.base) ? { kind: 'other', what: 'a name built with string.format' } : UNKNOWN;
    case 'LogicalExpression':
      return combine([origin(expression.left), origin(expression.right)]);
    case 'NilLiteral':
    case 'BooleanLiteral':
      return undefined; // no value: the other branch decides
    case 'Identifier':
      return isLocalIdentifier(expression) ? localOrigin(scopes.bindingOf(expression), origin, visiting) : UNKNOWN;
    default:
      return UNKNOWN;
  }
}

function localOrigin(binding: Binding | undefined, origin: (e: Expression) => KeyOrigin | undefined, visiting: Set<Binding>): KeyOrigin {
  if (!binding || visiting.has(binding)) return UNKNOWN;
  visiting.add(binding);
  const origins = binding.values.map((value) => valueOrigin(value, origin));
  visiting.delete(binding);
  return combine(origins) ?? UNKNOWN;
}

function valueOrigin(value: BindingValue, origin: (e: Expression) => KeyOrigin | undefined): KeyOrigin | undefined {
  if (value.kind === 'keys-element') return KEYS;
  if (value.kind === 'unknown') return UNKNOWN;
  return origin(value.expression);
}

/** The first operand of a chain of `..` (Lua's `..` is right-associative: `a .. (b .. c)`). */
function leftmost(expression: Expression): Expression {
  let current = expression;
  while (current.type === 'BinaryExpression' && current.operator === '..') current = current.left;
  return current;
}

/** True for `KEYS[n]` / `ARGV[n]` declared as a prefix, or a local whose every value is one. */
function isPrefix(expression: Expression, scopes: Scopes, prefixes: PrefixSlots, visiting: Set<Binding>): boolean {
  if (expression.type === 'IndexExpression') {
    const table = scriptTableName(expression.base);
    return table !== undefined && expression.index.type === 'NumericLiteral' && prefixes[table].has(expression.index.value);
  }
  if (expression.type === 'BinaryExpression' && expression.operator === '..') return isPrefix(leftmost(expression), scopes, prefixes, visiting);
  if (!isLocalIdentifier(expression)) return false;
  const binding = scopes.bindingOf(expression);
  if (!binding || visiting.has(binding)) return false;
  visiting.add(binding);
  return binding.values.every((value) => value.kind === 'expression' && isPrefix(value.expression, scopes, prefixes, visiting));
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
