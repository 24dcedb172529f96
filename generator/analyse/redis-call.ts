import type { Chunk, Expression, Node, StringLiteral } from 'luaparse';
import { resolveScopes, type Binding, type Scopes } from './scope';
import { callArguments, isGlobalIdentifier, isLocalIdentifier, isMultiValue, walk } from './walk';

/** One `redis.call(...)` or `redis.pcall(...)` in the script. */
export interface RedisCall {
  readonly node: Expression;
  readonly method: 'call' | 'pcall';
  /** Every argument, the command name first. */
  readonly args: readonly Expression[];
  /** The command name, when it is a string literal. */
  readonly nameLiteral: StringLiteral | undefined;
  /** True when the last argument may expand to any number of values (`unpack(t)`, `...`, a call). */
  readonly spreads: boolean;
}

/** Tells which Redis method a local name is an alias of (`local rcall = redis.call`), if any. */
export type AliasResolver = (name: Node) => 'call' | 'pcall' | undefined;

const NO_ALIASES: AliasResolver = () => undefined;

/**
 * Recognises `redis.call(...)` / `redis.pcall(...)` (any call syntax) on the global `redis`, calls through a
 * local alias of either (`local rcall = redis.call; rcall(...)`), and the `pcall(redis.call, ...)` idiom.
 */
export function asRedisCall(node: Node, aliasOf: AliasResolver = NO_ALIASES): RedisCall | undefined {
  const all = callArguments(node);
  if (!all || !('base' in node)) return undefined;
  const methodOf = (expression: Node) => redisMethod(expression) ?? aliasOf(expression);
  const direct = methodOf(node.base);
  const wrapped = !direct && isGlobalIdentifier(node.base) && node.base.name === 'pcall' && all[0] ? methodOf(all[0]) : undefined;
  const method = direct ?? wrapped;
  if (!method) return undefined;
  const args = wrapped ? all.slice(1) : all;
  const [first] = args;
  const last = args[args.length - 1];
  return {
    node: node as Expression,
    method,
    args,
    nameLiteral: first?.type === 'StringLiteral' ? first : undefined,
    spreads: last !== undefined && isMultiValue(last),
  };
}

/**
 * `redis.call` → 'call', `redis.pcall` → 'pcall' (on the global `redis`, or `server`, Valkey's name for it:
 * whether a profile has `server` at all is the sandbox check's business).
 */
function redisMethod(expression: Node): 'call' | 'pcall' | undefined {
  if (expression.type !== 'MemberExpression' || expression.indexer !== '.') return undefined;
  if (!isGlobalIdentifier(expression.base) || (expression.base.name !== 'redis' && expression.base.name !== 'server')) return undefined;
  const name = expression.identifier.name;
  return name === 'call' || name === 'pcall' ? name : undefined;
}

/**
 * Resolves a local name to the Redis method it certainly holds: every value the script gives it (its
 * declaration and any later assignment) is `redis.call`, or every one is `redis.pcall`. Upvalues resolve like
 * any local. Scopes are resolved only when some call goes through a local name.
 */
function aliasResolver(chunk: Chunk): AliasResolver {
  let scopes: Scopes | undefined;
  const methods = new Map<Binding, 'call' | 'pcall' | undefined>();
  return (name) => {
    if (!isLocalIdentifier(name)) return undefined;
    const binding = (scopes ??= resolveScopes(chunk)).bindingOf(name);
    if (!binding) return undefined;
    if (!methods.has(binding)) methods.set(binding, bindingMethod(binding));
    return methods.get(binding);
  };
}

function bindingMethod(binding: Binding): 'call' | 'pcall' | undefined {
  const [first, ...rest] = binding.values.map((value) => (value.kind === 'expression' ? redisMethod(value.expression) : undefined));
  return first !== undefined && rest.every((method) => method === first) ? first : undefined;
}

const CALLS_BY_CHUNK = new WeakMap<Chunk, readonly RedisCall[]>();

/**
 * Every Redis call of the chunk, in source order (nested functions included), direct or through a local
 * alias; computed once per chunk.
 */
export function findRedisCalls(chunk: Chunk): readonly RedisCall[] {
  const cached = CALLS_BY_CHUNK.get(chunk);
  if (cached) return cached;
  const calls: RedisCall[] = [];
  const aliasOf = aliasResolver(chunk);
  walk(chunk, (node) => {
    const call = asRedisCall(node, aliasOf);
    if (call) calls.push(call);
  });
  CALLS_BY_CHUNK.set(chunk, calls);
  return calls;
}

/** The text of a string literal as Redis sees it (luaparse decodes escapes in pseudo-latin1 mode). */
export function literalText(node: Expression): string | undefined {
  if (node.type === 'StringLiteral') return node.value ?? undefined;
  if (node.type === 'NumericLiteral') return String(node.value);
  return undefined;
}
