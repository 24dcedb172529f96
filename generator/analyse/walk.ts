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

/** The direct children of a node, in source order. Field names of `a.b` and `{b = 1}` are not children. */
export function childrenOf(node: Node): Node[] {
  switch (node.type) {
    case 'Chunk':
    case 'DoStatement':
    case 'ElseClause':
      return node.body;
    case 'IfStatement':
      return node.clauses;
    case 'IfClause':
    case 'ElseifClause':
    case 'WhileStatement':
      return [node.condition, ...node.body];
    case 'RepeatStatement':
      return [...node.body, node.condition];
    case 'LocalStatement':
    case 'AssignmentStatement':
      return [...node.variables, ...node.init];
    case 'ReturnStatement':
      return node.arguments;
    case 'CallStatement':
      return [node.expression];
    case 'FunctionDeclaration':
      return [...(node.identifier ? [node.identifier] : []), ...node.parameters, ...node.body];
    case 'ForNumericStatement':
      return [node.variable, node.start, node.end, ...(node.step ? [node.step] : []), ...node.body];
    case 'ForGenericStatement':
      return [...node.variables, ...node.iterators, ...node.body];
    case 'LabelStatement':
    case 'GotoStatement':
      return [node.label];
    default:
      return expressionChildren(node);
  }
}

function expressionChildren(node: Node): Node[] {
  switch (node.type) {
    case 'TableConstructorExpression':
      return node.fields;
    case 'TableKey':
      return [node.key, node.value];
    case 'TableKeyString':
    case 'TableValue':
      return [node.value];
    case 'BinaryExpression':
    case 'LogicalExpression':
      return [node.left, node.right];
    case 'UnaryExpression':
      return [node.argument];
    case 'MemberExpression':
      return [node.base];
    case 'IndexExpression':
      return [node.base, node.index];
    case 'CallExpression':
      return [node.base, ...node.arguments];
    case 'TableCallExpression':
      return [node.base, node.arguments];
    case 'StringCallExpression':
      return [node.base, node.argument];
    default:
      return [];
  }
}

/**
 * Visits every node depth-first, parents before children. `enter` may return false to skip a node's children.
 */
export function walk(root: Node, enter: (node: Node, parent: Node | undefined) => boolean | void): void {
  const visit = (node: Node, parent: Node | undefined): void => {
    if (enter(node, parent) === false) return;
    for (const child of childrenOf(node)) visit(child, node);
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
