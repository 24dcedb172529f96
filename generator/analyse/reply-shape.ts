import type { Chunk, Expression, ReturnStatement, TableConstructorExpression } from 'luaparse';
import type { LuagenConfig } from '../config';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { someType, type LuaType } from '../model/lua-type';
import type { ParsedScript } from '../parse/parsed-script';
import { followNumbers, type ReturnAt } from './number-flow';
import { reporter, type Report } from './report';
import { resolveScopes } from './scope';
import { walk } from './walk';

/**
 * Replies Redis mangles: a literal `nil` before other elements of a returned array, where Redis cuts the array
 * (LG212), and a Lua number that may be fractional where the declared reply holds a `number`, which Redis
 * truncates (LG213). Fractions are followed through locals and arithmetic (see number-flow.ts).
 */
export function checkReplyShape(script: ParsedScript, _config: LuagenConfig): Diagnostic[] {
  const chunk = script.chunk;
  if (!chunk) return [];
  const diagnostics: Diagnostic[] = [];
  const report = reporter(script, diagnostics);
  for (const statement of scriptReturns(chunk)) {
    const [value] = statement.arguments;
    if (value?.type === 'TableConstructorExpression') checkArray(value, report);
  }
  const declared = script.header.returns[0]?.type;
  if (!declared || !someType(declared, (t) => t.kind === 'number')) return diagnostics;
  for (const at of followNumbers(chunk, { scopes: resolveScopes(chunk), args: script.header.args })) {
    const [value] = at.statement.arguments;
    if (value) checkFractions(value, declared, at, report);
  }
  return diagnostics;
}

/** The return statements that end the script itself (not those of functions it defines). */
function scriptReturns(root: Chunk): ReturnStatement[] {
  const found: ReturnStatement[] = [];
  walk(root, (node) => {
    if (node.type === 'FunctionDeclaration') return false;
    if (node.type === 'ReturnStatement') found.push(node);
    return true;
  });
  return found;
}

/** Array elements of a table constructor, in order (`{a, b, k = v}` → a, b). */
function elements(table: TableConstructorExpression): Expression[] {
  return table.fields.flatMap((field) => (field.type === 'TableValue' ? [field.value] : []));
}

function checkArray(table: TableConstructorExpression, report: Report): void {
  const items = elements(table);
  items.forEach((item, index) => {
    if (item.type === 'TableConstructorExpression') checkArray(item, report);
    if (item.type !== 'NilLiteral') return;
    const cut = items.slice(index + 1).some((later) => later.type !== 'NilLiteral');
    if (!cut) return;
    const message = `nil at position ${index + 1} of a returned array: Redis ends the array there and drops every element after it`;
    report(item, 'LG212', message, "return false instead of nil (it becomes a null reply element and the array goes on), or move optional elements to the end");
  });
}

/** Walks the returned value along its declared type and reports a possible fraction where a `number` is declared. */
function checkFractions(value: Expression, declared: LuaType, at: ReturnAt, report: Report): void {
  if (declared.kind === 'optional') return checkFractions(value, declared.inner, at, report);
  if (value.type === 'TableConstructorExpression') {
    const items = elements(value);
    if (declared.kind === 'tuple') items.forEach((item, i) => declared.fields[i] && checkFractions(item, declared.fields[i].type, at, report));
    if (declared.kind === 'array') items.forEach((item) => checkFractions(item, declared.element, at, report));
    return;
  }
  if (declared.kind !== 'number') return;
  const kind = at.kindOf(value);
  if (kind.kind !== 'fraction') return;
  const what = kind.origin === value ? kind.why : `${describe(value)} may be fractional (${kind.why}, line ${kind.origin.loc?.start.line ?? '?'}) and`;
  const message = `${what} is returned where the reply declares a number: Redis truncates Lua numbers to integers`;
  report(value, 'LG213', message, 'return it as a string with tostring(x) (the client parses it back), or as {double = x}');
}

function describe(value: Expression): string {
  return value.type === 'Identifier' ? `'${value.name}'` : 'this value';
}
