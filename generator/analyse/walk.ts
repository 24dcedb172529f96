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

type Visit = (child: Node, parent: Node) => void;

/** Calls `visit` on each direct child of a node, in source order. Field names (`a.b`, `{b = 1}`) are not children. */
export function forEachChild(node: Node, visit: Visit): void {
  switch (node.type) {
    case 'Chunk':
    case 'DoStatement':
    case 'ElseClause':
      return each(node.body, node, visit);
    case 'IfStatement':
      return each(node.clauses, node, visit);
    case 'IfClause':
    case 'ElseifClause':
    case 'WhileStatement':
      visit(node.condition, node);
      return each(node.body, node, visit);
    case 'RepeatStatement':
      each(node.body, node, visit);
      return visit(node.condition, node);
    case 'LocalStatement':
    case 'AssignmentStatement':
      each(node.variables, node, visit);
      return each(node.init, node, visit);
    case 'ReturnStatement':
      return each(node.arguments, node, visit);
    case 'CallStatement':
      return visit(node.expression, node);
    case 'FunctionDeclaration':
      if (node.identifier) visit(node.identifier, node);
      each(node.parameters, node, visit);
      return each(node.body, node, visit);
    case 'ForNumericStatement':
      visit(node.variable, node);
      visit(node.start, node);
      visit(node.end, node);
      if (node.step) visit(node.step, node);
      return each(node.body, node, visit);
    case 'ForGenericStatement':
      each(node.variables, node, visit);
      each(node.iterators, node, visit);
      return each(node.body, node, visit);
    case 'LabelStatement':
    case 'GotoStatement':
      return visit(node.label, node);
    default:
      return forEachExpressionChild(node, visit);
  }
}

function each(children: readonly Node[], parent: Node, visit: Visit): void {
  for (const child of children) visit(child, parent);
}

function forEachExpressionChild(node: Node, visit: Visit): void {
  switch (node.type) {
    case 'TableConstructorExpression':
      return each(node.fields, node, visit);
    case 'TableKey':
      visit(node.key, node);
      return visit(node.value, node);
    case 'TableKeyString':
    case 'TableValue':
      return visit(node.value, node);
    case 'BinaryExpression':
    case 'LogicalExpression':
      visit(node.left, node);
      return visit(node.right, node);
    case 'UnaryExpression':
      return visit(node.argument, node);
    case 'MemberExpression':
      return visit(node.base, node);
    case 'IndexExpression':
      visit(node.base, node);
      return visit(node.index, node);
    case 'CallExpression':
      visit(node.base, node);
      return each(node.arguments, node, visit);
    case 'TableCallExpression':
      visit(node.base, node);
      return visit(node.arguments, node);
    case 'StringCallExpression':
      visit(node.base, node);
      return visit(node.argument, node);
    default:
      return undefined;
  }
}

/**
 * Visits every node depth-first, parents before children. `enter` may return false to skip a node's children.
 */
export function walk(root: Node, enter: (node: Node, parent: Node | undefined) => boolean | void): void {
  const visit = (node: Node, parent: Node | undefined): void => {
    if (enter(node, parent) !== false) forEachChild(node, visit);
  };
  visit(root, undefined);
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
