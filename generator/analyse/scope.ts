import type { Chunk, Expression, FunctionDeclaration, Identifier, Node, Statement } from 'luaparse';
import { isLocalIdentifier, isMultiValue, scriptTableName, walk } from './walk';

/** One value a local may hold: an expression, an element of KEYS (a loop over it), or something unknown. */
export type BindingValue =
  | { readonly kind: 'expression'; readonly expression: Expression }
  | { readonly kind: 'keys-element' }
  | { readonly kind: 'unknown' };

/** A local variable or parameter, with every value the script gives it (flow-insensitive). */
export interface Binding {
  readonly name: string;
  readonly declaration: Identifier;
  readonly values: BindingValue[];
}

export interface Scopes {
  /** The binding a local name refers to (declarations included). */
  bindingOf(identifier: Identifier): Binding | undefined;
}

const UNKNOWN: BindingValue = { kind: 'unknown' };

const SCOPES_BY_CHUNK = new WeakMap<Chunk, Scopes>();

/**
 * Resolves every local name of the chunk to its declaration, following Lua 5.1 scoping rules; once per chunk,
 * shared by the checks that need it.
 */
export function resolveScopes(chunk: Chunk): Scopes {
  let scopes = SCOPES_BY_CHUNK.get(chunk);
  if (!scopes) SCOPES_BY_CHUNK.set(chunk, (scopes = computeScopes(chunk)));
  return scopes;
}

function computeScopes(chunk: Chunk): Scopes {
  const resolved = new Map<Identifier, Binding>();
  const stack: Map<string, Binding>[] = [];

  const lookup = (name: string): Binding | undefined => {
    for (let i = stack.length - 1; i >= 0; i--) {
      const found = stack[i].get(name);
      if (found) return found;
    }
    return undefined;
  };
  const declare = (identifier: Identifier, value: BindingValue): void => {
    const binding: Binding = { name: identifier.name, declaration: identifier, values: [value] };
    stack[stack.length - 1].set(identifier.name, binding);
    resolved.set(identifier, binding);
  };
  const enterExpression = (child: Node): boolean => {
    if (child.type === 'FunctionDeclaration') {
      functionBody(child);
      return false;
    }
    if (isLocalIdentifier(child)) {
      const binding = lookup(child.name);
      if (binding) resolved.set(child, binding);
    }
    return true;
  };
  const expression = (node: Node): void => walk(node, enterExpression);
  const block = (body: readonly Statement[], before?: () => void, after?: () => void): void => {
    stack.push(new Map());
    before?.();
    for (const child of body) statement(child);
    after?.();
    stack.pop();
  };
  const functionBody = (node: FunctionDeclaration): void =>
    block(node.body, () => {
      for (const parameter of node.parameters) if (parameter.type === 'Identifier') declare(parameter, UNKNOWN);
    });
  const assign = (target: Expression, value: BindingValue): void => {
    expression(target);
    if (target.type !== 'Identifier') return;
    resolved.get(target)?.values.push(value);
  };

  const statement = (node: Statement): void => {
    switch (node.type) {
      case 'LocalStatement': {
        node.init.forEach(expression);
        node.variables.forEach((variable, index) => declare(variable, listValue(node.init, index)));
        return;
      }
      case 'AssignmentStatement':
        node.init.forEach(expression);
        node.variables.forEach((variable, index) => assign(variable, listValue(node.init, index)));
        return;
      case 'FunctionDeclaration':
        if (node.isLocal && node.identifier?.type === 'Identifier') declare(node.identifier, UNKNOWN);
        else if (node.identifier) assign(node.identifier, UNKNOWN);
        functionBody(node);
        return;
      case 'ForNumericStatement':
        [node.start, node.end, ...(node.step ? [node.step] : [])].forEach(expression);
        block(node.body, () => declare(node.variable, UNKNOWN));
        return;
      case 'ForGenericStatement': {
        node.iterators.forEach(expression);
        const overKeys = iteratesKeys(node.iterators);
        block(node.body, () => node.variables.forEach((v, i) => declare(v, overKeys && i === 1 ? { kind: 'keys-element' } : UNKNOWN)));
        return;
      }
      case 'IfStatement':
        for (const clause of node.clauses) {
          if (clause.type !== 'ElseClause') expression(clause.condition);
          block(clause.body);
        }
        return;
      case 'WhileStatement':
        expression(node.condition);
        block(node.body);
        return;
      case 'RepeatStatement':
        block(node.body, undefined, () => expression(node.condition));
        return;
      case 'DoStatement':
        block(node.body);
        return;
      case 'ReturnStatement':
        node.arguments.forEach(expression);
        return;
      case 'CallStatement':
        expression(node.expression);
        return;
      default:
        return;
    }
  };

  block(chunk.body);
  return { bindingOf: (identifier) => resolved.get(identifier) };
}

/** The value the `index`-th name of `local a, b = e1, e2` receives. */
function listValue(init: readonly Expression[], index: number): BindingValue {
  const value = init[index];
  if (value) return { kind: 'expression', expression: value };
  const last = init[init.length - 1];
  if (last && isMultiValue(last)) return UNKNOWN;
  return { kind: 'expression', expression: NIL };
}

const NIL: Expression = { type: 'NilLiteral', value: null, raw: 'nil' };

/** `ipairs(KEYS)` or `pairs(KEYS)`. */
function iteratesKeys(iterators: readonly Expression[]): boolean {
  const [call] = iterators;
  if (iterators.length !== 1 || call?.type !== 'CallExpression' || call.base.type !== 'Identifier') return false;
  if (call.base.name !== 'ipairs' && call.base.name !== 'pairs') return false;
  const [table] = call.arguments;
  return call.arguments.length === 1 && table !== undefined && scriptTableName(table) === 'KEYS';
}
