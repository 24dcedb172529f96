import type { Chunk, Expression, Node } from 'luaparse';
import { lookupCommand } from '../analyse/command-table';
import { findRedisCalls, literalText, type RedisCall } from '../analyse/redis-call';
import { resolveScopes, type Binding } from '../analyse/scope';
import { isGlobalIdentifier, isLocalIdentifier, walk } from '../analyse/walk';

/** What `luagen init` concludes about a script's reply and errors. */
export interface ReplyInference {
  /** A header type expression (`integer`, `string?`, `raw`, ...). */
  readonly type: string;
  /** False when the type is `raw` because the return expressions could not be read. */
  readonly known: boolean;
  /** UPPER_SNAKE error codes the script raises with a literal message. */
  readonly errorCodes: readonly string[];
}

interface Context {
  readonly chunk: Chunk;
  readonly codes: Set<string>;
  /** Locals being followed (a local assigned from itself is unknown). */
  readonly visiting: Set<Binding>;
  /** Every Redis call of the script (direct or through an alias), by node. */
  readonly calls: ReadonlyMap<Node, RedisCall>;
}

/** `maybe-string`: a bulk reply that is false (nil) when the value is missing, e.g. GET. */
type Kind = 'integer' | 'string' | 'maybe-string' | 'boolean' | 'ok' | 'nil' | 'error' | 'unknown';

/** Replies of common commands, by the kind a script passes on when it returns them directly. */
const COMMAND_REPLIES: Readonly<Record<string, Kind>> = {
  ...Object.fromEntries(
    'incr incrby decr decrby del unlink exists llen hlen scard zcard lpush rpush sadd srem zadd zrem hset hdel hincrby expire pexpire ttl pttl persist setnx hsetnx strlen sismember zrank linsert'
      .split(' ')
      .map((name) => [name, 'integer' as Kind]),
  ),
  get: 'maybe-string',
  hget: 'maybe-string',
  lpop: 'maybe-string',
  rpop: 'maybe-string',
  lindex: 'maybe-string',
  getset: 'maybe-string',
  rpoplpush: 'maybe-string',
  lmove: 'maybe-string',
  spop: 'maybe-string',
  srandmember: 'maybe-string',
};

/**
 * Infers the reply type from the script's return statements (nested functions excluded): literals, string
 * building, `#x`, status and error replies, and the direct reply of common commands. Anything else makes the
 * reply `raw`.
 */
export function inferReply(chunk: Chunk): ReplyInference {
  const kinds = new Set<Kind>();
  const codes = new Set<string>();
  const context: Context = { chunk, codes, visiting: new Set(), calls: new Map(findRedisCalls(chunk).map((call) => [call.node as Node, call])) };
  let returns = 0;
  walk(chunk, (node) => {
    if (node.type === 'FunctionDeclaration') return false;
    if (node.type === 'ReturnStatement') {
      returns++;
      const [first] = node.arguments;
      kinds.add(first ? kindOf(first, context) : 'nil');
    }
    if (node.type === 'CallExpression' && isErrorCall(node)) errorCode(node.arguments[0], codes);
    return true;
  });
  if (returns === 0 || chunkMayEndWithoutReturn(chunk)) kinds.add('nil');
  kinds.delete('error');
  return { ...combine(kinds), errorCodes: [...codes].sort() };
}

function combine(kinds: Set<Kind>): { type: string; known: boolean } {
  if (kinds.delete('maybe-string')) kinds.add('string').add('nil');
  const values = [...kinds].filter((k) => k !== 'nil');
  if (values.includes('unknown') || values.length > 1) return { type: 'raw', known: false };
  if (values.length === 0) return { type: 'nil', known: true };
  const [only] = values;
  return { type: kinds.has('nil') ? `${only}?` : (only as string), known: true };
}

function kindOf(expression: Expression, context: Context): Kind {
  switch (expression.type) {
    case 'NumericLiteral':
      return 'integer';
    case 'StringLiteral':
      return 'string';
    case 'BooleanLiteral':
      return expression.value ? 'integer' : 'nil';
    case 'NilLiteral':
      return 'nil';
    case 'UnaryExpression':
      return expression.operator === '#' ? 'integer' : 'unknown';
    case 'BinaryExpression':
      return expression.operator === '..' ? 'string' : 'unknown';
    case 'TableConstructorExpression':
      return tableKind(expression, context.codes);
    case 'CallExpression':
      return callKind(expression, context);
    case 'Identifier':
      return localKind(expression, context);
    default:
      return 'unknown';
  }
}

/** A local returned as is: the kinds of every value the script gives it, when they agree. */
function localKind(identifier: Extract<Expression, { type: 'Identifier' }>, context: Context): Kind {
  if (!isLocalIdentifier(identifier)) return 'unknown';
  const binding = resolveScopes(context.chunk).bindingOf(identifier);
  if (!binding || context.visiting.has(binding)) return 'unknown';
  context.visiting.add(binding);
  const kinds = new Set(binding.values.map((value) => (value.kind === 'expression' ? kindOf(value.expression, context) : 'unknown')));
  context.visiting.delete(binding);
  const values = [...kinds].filter((k) => k !== 'nil');
  return values.length === 1 && !kinds.has('nil') ? (values[0] as Kind) : 'unknown';
}

function tableKind(table: Extract<Expression, { type: 'TableConstructorExpression' }>, codes: Set<string>): Kind {
  const [field] = table.fields;
  if (table.fields.length !== 1 || field?.type !== 'TableKeyString') return 'unknown';
  if (field.key.name === 'ok') return 'ok';
  if (field.key.name !== 'err') return 'unknown';
  errorCode(field.value, codes);
  return 'error';
}

function callKind(call: Extract<Expression, { type: 'CallExpression' }>, { codes, calls }: Context): Kind {
  const base = call.base;
  if (isGlobalIdentifier(base) && base.name === 'tostring') return 'string';
  if (base.type === 'MemberExpression' && isGlobalIdentifier(base.base)) {
    const member = `${base.base.name}.${base.identifier.name}`;
    if (member === 'redis.status_reply') return 'ok';
    if (member === 'redis.error_reply') {
      errorCode(call.arguments[0], codes);
      return 'error';
    }
    if (member === 'string.format' || member === 'cjson.encode' || member === 'table.concat') return 'string';
  }
  const redis = calls.get(call);
  const lookup = redis ? lookupCommand(redis) : undefined;
  return lookup?.kind === 'known' ? (COMMAND_REPLIES[lookup.info.name] ?? 'unknown') : 'unknown';
}

function isErrorCall(call: Extract<Node, { type: 'CallExpression' }>): boolean {
  return isGlobalIdentifier(call.base) && call.base.name === 'error';
}

/** Records `CODE` from `'CODE detail'` (or `{err = 'CODE detail'}` passed to error()). */
function errorCode(argument: Expression | undefined, codes: Set<string>): void {
  if (!argument) return;
  if (argument.type === 'TableConstructorExpression') {
    const err = argument.fields.find((f) => f.type === 'TableKeyString' && f.key.name === 'err');
    if (err) errorCode(err.value, codes);
    return;
  }
  const text = literalText(argument) ?? (argument.type === 'BinaryExpression' && argument.operator === '..' ? literalText(argument.left) : undefined);
  const code = text?.trim().split(/\s+/)[0];
  if (code && /^[A-Z][A-Z0-9_]*$/.test(code) && code !== 'ERR') codes.add(code);
}

/** True when control can fall off the end of the chunk (its last statement is not a return). */
function chunkMayEndWithoutReturn(chunk: Chunk): boolean {
  const last = chunk.body[chunk.body.length - 1];
  return last?.type !== 'ReturnStatement';
}
