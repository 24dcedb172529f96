import type { CallExpression, Expression, Node } from 'luaparse';
import type { ArgTag } from '../parse/header-ast';
import { someType } from '../model/lua-type';
import type { Binding, Scopes } from './scope';
import { asRedisCall, literalText } from './redis-call';
import { isGlobalIdentifier, isLocalIdentifier, scriptTableName } from './walk';

/**
 * What a value is, as far as fractions go: a Lua number that may be fractional (`fraction`), a string that
 * holds a possibly fractional number (`fraction-text`: an ARGV declared `number`, ZSCORE's reply; fine to
 * return, fractional once arithmetic or tonumber turns it into a Lua number), certainly an integer, or
 * unknown. `origin` is the expression the fraction comes from, `why` says what it is.
 */
export type NumberKind =
  | { readonly kind: 'fraction' | 'fraction-text'; readonly why: string; readonly origin: Node }
  | { readonly kind: 'integer' }
  | { readonly kind: 'unknown' };

export const INTEGER: NumberKind = { kind: 'integer' };
export const UNKNOWN: NumberKind = { kind: 'unknown' };

/** What a local holds at one point of the script. */
export type Environment = ReadonlyMap<Binding, NumberKind>;

/** May-join: a fraction on any side wins (the first one met keeps its origin); integer only when both are. */
export function joinKinds(a: NumberKind, b: NumberKind): NumberKind {
  if (a.kind === 'fraction') return a;
  if (b.kind === 'fraction') return b;
  if (a.kind === 'fraction-text') return a;
  if (b.kind === 'fraction-text') return b;
  return a.kind === 'integer' && b.kind === 'integer' ? INTEGER : UNKNOWN;
}

/** Commands whose reply is a double written as a string. */
const DOUBLE_REPLIES = new Set(['ZSCORE', 'ZINCRBY', 'INCRBYFLOAT', 'HINCRBYFLOAT', 'GEODIST']);
/** math functions that keep integers integral and pass fractions on. */
const MATH_PASS = new Set(['abs', 'max', 'min', 'fmod']);
/** math functions whose result is, for most inputs, not an integer (like a division). */
const MATH_FRACTIONAL = new Set(['sqrt', 'log', 'log10', 'exp', 'pow', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'atan2', 'deg', 'rad']);
const ARITHMETIC = new Set(['+', '-', '*', '%']);

export interface NumberContext {
  readonly scopes: Scopes;
  readonly args: readonly ArgTag[];
}

/** Classifies one expression, reading locals from `env` (a local it does not know is unknown). */
export function numberKind(expression: Expression, env: Environment, context: NumberContext): NumberKind {
  const recurse = (e: Expression): NumberKind => numberKind(e, env, context);
  switch (expression.type) {
    case 'NumericLiteral':
      return Number.isInteger(expression.value) ? INTEGER : { kind: 'fraction', why: `the fraction ${expression.raw}`, origin: expression };
    case 'UnaryExpression':
      if (expression.operator === '#') return INTEGER;
      if (expression.operator !== '-') return UNKNOWN;
      if (expression.argument.type === 'NumericLiteral' && !Number.isInteger(expression.argument.value)) {
        return { kind: 'fraction', why: `the fraction -${expression.argument.raw}`, origin: expression };
      }
      return asNumber(recurse(expression.argument));
    case 'BinaryExpression':
      if (expression.operator === '/') return { kind: 'fraction', why: 'a division', origin: expression };
      if (ARITHMETIC.has(expression.operator) || expression.operator === '^') {
        const joined = joinKinds(asNumber(recurse(expression.left)), asNumber(recurse(expression.right)));
        return expression.operator === '^' && joined.kind === 'integer' ? UNKNOWN : joined;
      }
      return UNKNOWN;
    case 'LogicalExpression':
      // A number is never false, so `a and b` gives b; `a or b` either side.
      if (expression.operator === 'and') return recurse(expression.right);
      return joinKinds(recurse(expression.left), recurse(expression.right));
    case 'Identifier':
      return isLocalIdentifier(expression) ? lookup(expression, env, context) : UNKNOWN;
    case 'IndexExpression':
      return argvKind(expression, context.args);
    case 'CallExpression':
      return callKind(expression, recurse);
    default:
      return UNKNOWN;
  }
}

/** The kind once Lua's arithmetic coerces the value to a number. */
function asNumber(kind: NumberKind): NumberKind {
  return kind.kind === 'fraction-text' ? { ...kind, kind: 'fraction' } : kind;
}

function lookup(identifier: Expression & { type: 'Identifier' }, env: Environment, context: NumberContext): NumberKind {
  const binding = context.scopes.bindingOf(identifier);
  return (binding && env.get(binding)) ?? UNKNOWN;
}

/** `ARGV[n]` for a literal n whose declared type is `number`. */
function argvKind(expression: Expression & { type: 'IndexExpression' }, args: readonly ArgTag[]): NumberKind {
  if (scriptTableName(expression.base) !== 'ARGV' || expression.index.type !== 'NumericLiteral') return UNKNOWN;
  const position = expression.index.value - 1;
  const last = args[args.length - 1];
  const tag = position < args.length && !args[position]?.variadic ? args[position] : last?.variadic && position >= args.length - 1 ? last : undefined;
  if (!tag || !someType(tag.type, (t) => t.kind === 'number')) return UNKNOWN;
  return { kind: 'fraction-text', why: `ARGV[${expression.index.value}], the number argument '${tag.name}'`, origin: expression };
}

function callKind(call: CallExpression, recurse: (e: Expression) => NumberKind): NumberKind {
  const args = call.arguments;
  const base = call.base;
  if (isGlobalIdentifier(base) && base.name === 'tonumber') {
    return args.length === 1 && args[0] ? asNumber(recurse(args[0])) : UNKNOWN;
  }
  const redisCall = asRedisCall(call);
  if (redisCall) {
    const name = redisCall.nameLiteral ? literalText(redisCall.nameLiteral)?.toUpperCase() : undefined;
    return name && DOUBLE_REPLIES.has(name) ? { kind: 'fraction-text', why: `the double reply of ${name}`, origin: call } : UNKNOWN;
  }
  if (base.type !== 'MemberExpression' || !isGlobalIdentifier(base.base) || base.base.name !== 'math') return UNKNOWN;
  const fn = base.identifier.name;
  if (fn === 'floor' || fn === 'ceil') return INTEGER;
  if (fn === 'random') return args.length === 0 ? { kind: 'fraction', why: 'math.random()', origin: call } : INTEGER;
  if (MATH_FRACTIONAL.has(fn)) return { kind: 'fraction', why: `math.${fn}(...)`, origin: call };
  if (MATH_PASS.has(fn) && args.length > 0) return args.map((a) => asNumber(recurse(a))).reduce(joinKinds);
  return UNKNOWN;
}
