import type { BinaryExpression, Expression, Node } from 'luaparse';
import type { LuagenConfig } from '../config';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { ParsedScript } from '../parse/parsed-script';
import { findRedisCalls } from './redis-call';
import { reporter } from './report';
import { resolveScopes } from './scope';
import { isGlobalIdentifier, isLocalIdentifier, walk } from './walk';

/**
 * A Redis reply compared with nil (LG215): Redis converts a missing value (a null bulk or array reply) to Lua
 * `false`, never `nil`, so `redis.call(...) == nil` is always false and `~= nil` always true. The reply is
 * followed through locals whose every value is a Redis call. Scripts that switch to RESP3
 * (`redis.setresp(3)`), where a null does arrive as nil, are not checked.
 */
export function checkNilComparisons(script: ParsedScript, _config: LuagenConfig): Diagnostic[] {
  const { chunk } = script;
  if (!chunk) return [];
  const calls = new Set<Node>(findRedisCalls(chunk).map((call) => call.node));
  if (calls.size === 0 || switchesToResp3(chunk)) return [];
  const diagnostics: Diagnostic[] = [];
  const report = reporter(script, diagnostics);
  const isReply = (expression: Expression): boolean => {
    if (calls.has(expression)) return true;
    if (!isLocalIdentifier(expression)) return false;
    const binding = resolveScopes(chunk).bindingOf(expression);
    return binding !== undefined && binding.values.every((value) => value.kind === 'expression' && calls.has(value.expression));
  };
  walk(chunk, (node) => {
    if (node.type !== 'BinaryExpression' || (node.operator !== '==' && node.operator !== '~=')) return;
    const reply = comparedWithNil(node);
    if (!reply || !isReply(reply)) return;
    const always = node.operator === '==' ? 'false' : 'true';
    const message = `a Redis reply is never nil (a missing value arrives as false), so this comparison is always ${always}`;
    const help = node.operator === '==' ? "test 'if not value then' (or 'value == false')" : "test 'if value then' (or 'value ~= false')";
    report(node, 'LG215', message, help);
  });
  return diagnostics;
}

/** The other side of `x == nil` / `nil ~= x`, or undefined. */
function comparedWithNil(node: BinaryExpression): Expression | undefined {
  if (node.right.type === 'NilLiteral') return node.left;
  if (node.left.type === 'NilLiteral') return node.right;
  return undefined;
}

/** True when the script calls `redis.setresp(...)` with anything but a literal 2. */
function switchesToResp3(root: Node): boolean {
  let found = false;
  walk(root, (node) => {
    if (found || node.type !== 'CallExpression' || node.base.type !== 'MemberExpression') return !found;
    const { base } = node;
    if (isGlobalIdentifier(base.base) && base.base.name === 'redis' && base.identifier.name === 'setresp') {
      const [version] = node.arguments;
      found = !(version?.type === 'NumericLiteral' && version.value === 2);
    }
    return !found;
  });
  return found;
}
