import type { Chunk, Expression, Identifier, Node, ReturnStatement, Statement } from 'luaparse';
import { type Environment, INTEGER, joinKinds, type NumberContext, type NumberKind, numberKind, UNKNOWN } from './number-kind';
import type { Binding } from './scope';
import { isLocalIdentifier, walk } from './walk';

/** A return statement of the script itself, with what every local holds when it runs. */
export interface ReturnAt {
  readonly statement: ReturnStatement;
  /** Classifies an expression of this statement. */
  kindOf(expression: Expression): NumberKind;
}

type Env = Map<Binding, NumberKind>;

/** Loops run their body until what the locals may hold stops changing; the lattice is 3 deep, so this is plenty. */
const LOOP_ROUNDS = 6;

/**
 * Follows numbers through the script's locals, statement by statement: assignments replace what a local
 * holds, `if` branches and loops merge (a fraction on any path wins), a branch that ends in `return` does not
 * flow on. Locals assigned inside a function body are unknown everywhere (the call order is not followed), and
 * so are function results, table fields and globals.
 */
export function followNumbers(chunk: Chunk, context: NumberContext): ReturnAt[] {
  const escaped = assignedInFunctions(chunk, context);
  const found: ReturnAt[] = [];

  const set = (env: Env, identifier: Identifier, kind: NumberKind): void => {
    const binding = context.scopes.bindingOf(identifier);
    if (binding) env.set(binding, escaped.has(binding) ? UNKNOWN : kind);
  };
  const assign = (env: Env, targets: readonly Expression[], init: readonly Expression[]): void => {
    const kinds = targets.map((_, i) => valueKind(init, i, env));
    targets.forEach((target, i) => {
      if (target.type === 'Identifier' && isLocalIdentifier(target)) set(env, target, kinds[i] ?? UNKNOWN);
    });
  };
  // A name without its own expression gets nil or part of a multi-value call: unknown either way.
  const valueKind = (init: readonly Expression[], index: number, env: Env): NumberKind => {
    const value = init[index];
    return value ? numberKind(value, env, context) : UNKNOWN;
  };

  /** Runs a block on a copy of `env`; undefined when it cannot fall through (it ends in return). */
  const block = (body: readonly Statement[], env: Env): Env | undefined => {
    let current: Env | undefined = new Map(env);
    for (const node of body) {
      if (!current) break;
      current = statement(node, current);
    }
    return current;
  };
  const loop = (body: readonly Statement[], env: Env, before?: (env: Env) => void): Env => {
    let out = new Map(env);
    for (let round = 0; round < LOOP_ROUNDS; round++) {
      const entry = new Map(out);
      before?.(entry);
      const next = merge([out, block(body, entry)]);
      if (sameKinds(next, out)) return next;
      out = next;
    }
    return out;
  };

  const statement = (node: Statement, env: Env): Env | undefined => {
    switch (node.type) {
      case 'LocalStatement':
      case 'AssignmentStatement':
        assign(env, node.variables, node.init);
        return env;
      case 'FunctionDeclaration':
        if (node.isLocal && node.identifier?.type === 'Identifier') set(env, node.identifier, UNKNOWN);
        return env;
      case 'ReturnStatement': {
        const snapshot = new Map(env);
        found.push({ statement: node, kindOf: (e) => numberKind(e, snapshot, context) });
        return undefined;
      }
      case 'IfStatement': {
        const branches = node.clauses.map((clause) => block(clause.body, env));
        const hasElse = node.clauses.some((clause) => clause.type === 'ElseClause');
        return merge(hasElse ? branches : [env, ...branches]);
      }
      case 'WhileStatement':
        return loop(node.body, env);
      case 'RepeatStatement':
        return loop(node.body, block(node.body, env) ?? env);
      case 'ForNumericStatement': {
        const bounds = [node.start, ...(node.step ? [node.step] : [])].map((e) => numberKind(e, env, context));
        const variable = bounds.reduce(joinKinds, INTEGER);
        return loop(node.body, env, (entry) => set(entry, node.variable, variable.kind === 'fraction-text' ? UNKNOWN : variable));
      }
      case 'ForGenericStatement':
        return loop(node.body, env, (entry) => node.variables.forEach((v) => set(entry, v, UNKNOWN)));
      case 'DoStatement':
        return block(node.body, env);
      default:
        return env;
    }
  };

  block(chunk.body, new Map());
  return found;
}

/** Merges the environments of paths that meet; undefined paths (they returned) take no part. */
function merge(paths: readonly (Env | undefined)[]): Env {
  const live = paths.filter((p): p is Env => p !== undefined);
  const out: Env = new Map();
  for (const env of live) {
    for (const [binding, kind] of env) {
      const seen = out.get(binding);
      out.set(binding, seen ? joinKinds(seen, kind) : kind);
    }
  }
  return out;
}

function sameKinds(a: Environment, b: Environment): boolean {
  if (a.size !== b.size) return false;
  for (const [binding, kind] of a) if (b.get(binding)?.kind !== kind.kind) return false;
  return true;
}

/** Locals of an enclosing scope that some function body assigns (their value depends on when it runs). */
function assignedInFunctions(chunk: Chunk, context: NumberContext): Set<Binding> {
  const escaped = new Set<Binding>();
  const inFunction = (root: Node): void =>
    walk(root, (node) => {
      if (node.type !== 'AssignmentStatement') return true;
      for (const target of node.variables) {
        const binding = target.type === 'Identifier' ? context.scopes.bindingOf(target) : undefined;
        if (binding) escaped.add(binding);
      }
      return true;
    });
  walk(chunk, (node) => {
    if (node.type !== 'FunctionDeclaration') return true;
    node.body.forEach(inFunction);
    return false;
  });
  return escaped;
}
