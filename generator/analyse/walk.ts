import type { Expression, Identifier, Node } from 'luaparse';

/** The fields luaparse adds with `scope: true` that @types/luaparse does not declare. */
interface ScopedIdentifier extends Identifier {
  readonly isLocal?: boolean;
}

/** True for a name that resolves to a global (luaparse's scope tracking said it is not a local). */
export function isGlobalIdentifier(node: Node): node is Identifier {
  return node.type === 'Identifier' && (node as ScopedIdentifier).isLocal === false;
}

/** True for a name that resolves to a local variable or parameter. */
export function isLocalIdentifier(node: Node): node is Identifier {
  return node.type === 'Identifier' && (node as ScopedIdentifier).isLocal === true;
}

/** `KEYS` or `ARGV` (the global, not a local of that name), or undefined. */
export function scriptTableName(node: Node): 'KEYS' | 'ARGV' | undefined {
  if (!isGlobalIdentifier(node)) return undefined;
  return node.name === 'KEYS' || node.name === 'ARGV' ? node.name : undefined;
}

type Visit<C> = (child: Node, parent: Node, context: C) => void;

/** Calls `visit(child, node, context)` on each direct child of a node, in source order. Field names (`a.b`, `{b = 1}`) are not children. */
export function forEachChild<C>(node: Node, visit: Visit<C>, context: C): void {
  switch (node.type) {
    case 'Chunk':
    case 'DoStatement':
    case 'ElseClause':
      return each(node.body, node, visit, context);
    case 'IfStatement':
      return each(node.clauses, node, visit, context);
    case 'IfClause':
    case 'ElseifClause':
    case 'WhileStatement':
      visit(node.condition, node, context);
      return each(node.body, node, visit, context);
    case 'RepeatStatement':
      each(node.body, node, visit, context);
      return visit(node.condition, node, context);
    case 'LocalStatement':
    case 'AssignmentStatement':
      each(node.variables, node, visit, context);
      return each(node.init, node, visit, context);
    case 'ReturnStatement':
      return each(node.arguments, node, visit, context);
    case 'CallStatement':
      return visit(node.expression, node, context);
    case 'FunctionDeclaration':
      if (node.identifier) visit(node.identifier, node, context);
      each(node.parameters, node, visit, context);
      return each(node.body, node, visit, context);
    case 'ForNumericStatement':
      visit(node.variable, node, context);
      visit(node.start, node, context);
      visit(node.end, node, context);
      if (node.step) visit(node.step, node, context);
      return each(node.body, node, visit, context);
    case 'ForGenericStatement':
      each(node.variables, node, visit, context);
      each(node.iterators, node, visit, context);
      return each(node.body, node, visit, context);
    case 'LabelStatement':
    case 'GotoStatement':
      return visit(node.label, node, context);
    default:
      return forEachExpressionChild(node, visit, context);
  }
}

function each<C>(children: readonly Node[], parent: Node, visit: Visit<C>, context: C): void {
  for (const child of children) visit(child, parent, context);
}

function forEachExpressionChild<C>(node: Node, visit: Visit<C>, context: C): void {
  switch (node.type) {
    case 'TableConstructorExpression':
      return each(node.fields, node, visit, context);
    case 'TableKey':
      visit(node.key, node, context);
      return visit(node.value, node, context);
    case 'TableKeyString':
    case 'TableValue':
      return visit(node.value, node, context);
    case 'BinaryExpression':
    case 'LogicalExpression':
      visit(node.left, node, context);
      return visit(node.right, node, context);
    case 'UnaryExpression':
      return visit(node.argument, node, context);
    case 'MemberExpression':
      return visit(node.base, node, context);
    case 'IndexExpression':
      visit(node.base, node, context);
      return visit(node.index, node, context);
    case 'CallExpression':
      visit(node.base, node, context);
      return each(node.arguments, node, visit, context);
    case 'TableCallExpression':
      visit(node.base, node, context);
      return visit(node.arguments, node, context);
    case 'StringCallExpression':
      visit(node.base, node, context);
      return visit(node.argument, node, context);
    default:
      return undefined;
  }
}

type Enter = (node: Node, parent: Node | undefined) => boolean | void;

/**
 * Visits every node depth-first, parents before children. `enter` may return false to skip a node's children.
 */
export function walk(root: Node, enter: Enter): void {
  if (enter(root, undefined) !== false) forEachChild(root, step, enter);
}

function step(node: Node, parent: Node, enter: Enter): void {
  if (enter(node, parent) !== false) forEachChild(node, step, enter);
}

/** The arguments of any call form: `f(a, b)`, `f{...}`, `f'...'`. */
export function callArguments(node: Node): Expression[] | undefined {
  switch (node.type) {
    case 'CallExpression':
      return node.arguments;
    case 'TableCallExpression':
      return [node.arguments];
    case 'StringCallExpression':
      return [node.argument];
    default:
      return undefined;
  }
}

/** True when an expression in the last position of a list can expand to any number of values. */
export function isMultiValue(node: Expression): boolean {
  if (node.type === 'VarargLiteral') return true;
  return callArguments(node) !== undefined && !returnsOneValue(node);
}

/** Library functions that always return exactly one value (unlike `unpack`, `string.match`, `string.gsub`). */
const SINGLE_VALUE_GLOBALS = new Set(['tostring', 'tonumber', 'type']);
const SINGLE_VALUE_MEMBERS: Readonly<Record<string, ReadonlySet<string>>> = {
  string: new Set(['format', 'rep', 'sub', 'upper', 'lower', 'len', 'reverse', 'char']),
  math: new Set(['abs', 'ceil', 'floor', 'max', 'min', 'sqrt', 'pow', 'fmod', 'log', 'log10', 'exp', 'random']),
  cjson: new Set(['encode', 'decode']),
  cmsgpack: new Set(['pack']),
  table: new Set(['concat']),
  redis: new Set(['call', 'pcall', 'sha1hex', 'status_reply', 'error_reply']),
  bit: new Set(['band', 'bor', 'bxor', 'bnot', 'lshift', 'rshift', 'arshift', 'tobit', 'tohex']),
};
const SINGLE_VALUE_METHODS = SINGLE_VALUE_MEMBERS.string;

function returnsOneValue(call: Node): boolean {
  if (!('base' in call)) return false;
  const base = call.base;
  if (isGlobalIdentifier(base)) return SINGLE_VALUE_GLOBALS.has(base.name);
  if (base.type !== 'MemberExpression') return false;
  if (base.indexer === ':') return SINGLE_VALUE_METHODS.has(base.identifier.name);
  return isGlobalIdentifier(base.base) && (SINGLE_VALUE_MEMBERS[base.base.name]?.has(base.identifier.name) ?? false);
}
