import type { Expression, ReturnStatement, TableConstructorExpression } from 'luaparse';
import type { LuagenConfig } from '../config';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { someType } from '../model/lua-type';
import type { ParsedScript } from '../parse/parsed-script';
import { reporter, type Report } from './report';
import { walk } from './walk';

/**
 * Replies Redis mangles: a literal `nil` before other elements of a returned array, where Redis cuts the array
 * (LG212), and a fractional Lua number where the declared reply holds a `number`, which Redis truncates (LG213).
 */
export function checkReplyShape(script: ParsedScript, _config: LuagenConfig): Diagnostic[] {
  if (!script.chunk) return [];
  const diagnostics: Diagnostic[] = [];
  const report = reporter(script, diagnostics);
  const declared = script.header.returns[0]?.type;
  const expectsNumber = declared !== undefined && someType(declared, (t) => t.kind === 'number');
  for (const statement of scriptReturns(script.chunk)) {
    const [value] = statement.arguments;
    if (!value) continue;
    if (value.type === 'TableConstructorExpression') checkArray(value, report);
    if (expectsNumber) checkFractions(value, report);
  }
  return diagnostics;
}

/** The return statements that end the script itself (not those of functions it defines). */
function scriptReturns(root: Parameters<typeof walk>[0]): ReturnStatement[] {
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

function checkFractions(value: Expression, report: Report): void {
  if (value.type === 'TableConstructorExpression') {
    for (const item of elements(value)) checkFractions(item, report);
    return;
  }
  const what = fractionKind(value);
  if (!what) return;
  const message = `${what} is returned where the reply declares a number: Redis truncates Lua numbers to integers`;
  report(value, 'LG213', message, 'return it as a string with tostring(x) (the client parses it back), or as {double = x}');
}

/** Describes a value that is certainly (a literal) or most likely (a division) not an integer. */
function fractionKind(value: Expression): string | undefined {
  if (value.type === 'NumericLiteral') return Number.isInteger(value.value) ? undefined : `the fraction ${value.raw}`;
  if (value.type === 'UnaryExpression' && value.operator === '-' && value.argument.type === 'NumericLiteral') {
    return Number.isInteger(value.argument.value) ? undefined : `the fraction -${value.argument.raw}`;
  }
  if (value.type === 'BinaryExpression' && value.operator === '/') return 'a division';
  return undefined;
}
