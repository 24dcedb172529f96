import type { Chunk, Expression, Node, StringLiteral } from 'luaparse';
import { callArguments, isGlobalIdentifier, isMultiValue, walk } from './walk';

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

/**
 * Recognises `redis.call(...)` / `redis.pcall(...)` (any call syntax) on the global `redis`, and the
 * `pcall(redis.call, ...)` idiom.
 */
export function asRedisCall(node: Node): RedisCall | undefined {
  const all = callArguments(node);
  if (!all || !('base' in node)) return undefined;
  const direct = redisMethod(node.base);
  const wrapped = !direct && isGlobalIdentifier(node.base) && node.base.name === 'pcall' && all[0] ? redisMethod(all[0]) : undefined;
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

/** `redis.call` → 'call', `redis.pcall` → 'pcall' (on the global `redis`). */
function redisMethod(expression: Node): 'call' | 'pcall' | undefined {
  if (expression.type !== 'MemberExpression' || expression.indexer !== '.') return undefined;
  if (!isGlobalIdentifier(expression.base) || expression.base.name !== 'redis') return undefined;
  const name = expression.identifier.name;
  return name === 'call' || name === 'pcall' ? name : undefined;
}

const CALLS_BY_CHUNK = new WeakMap<Chunk, readonly RedisCall[]>();

/** Every Redis call of the chunk, in source order (nested functions included); computed once per chunk. */
export function findRedisCalls(chunk: Chunk): readonly RedisCall[] {
  const cached = CALLS_BY_CHUNK.get(chunk);
  if (cached) return cached;
  const calls: RedisCall[] = [];
  walk(chunk, (node) => {
    const call = asRedisCall(node);
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
