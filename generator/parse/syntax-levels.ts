import type { Chunk, Expression, Node, Statement } from 'luaparse';

/**
 * Redis's Lua 5.1 parser refuses a script whose syntax nests deeper than LUAI_MAXCCALLS (200) levels
 * ("chunk has too many syntax levels"). Its parser enters a level in exactly two places: each block (`chunk()`:
 * the script, a function body, the body of do/while/for/if/repeat) and each sub-expression (`subexpr()`: an
 * expression in a list, a condition, an index, a table field or a call argument; a parenthesised expression;
 * a unary operand; the right operand of a binary operator). This replays that count over luaparse's tree
 * (which drops parentheses: they are counted from the source text) without recursion, so that any depth
 * luaparse could read is measured.
 */
export const MAX_SYNTAX_LEVELS = 200;

export interface DeepestPoint {
  readonly level: number;
  /** The node where the level first goes beyond the limit (or the deepest node, when it never does). */
  readonly node: Node;
}

/** The first place (in source order) where the syntax goes beyond MAX_SYNTAX_LEVELS, or undefined. */
export function tooDeep(chunk: Chunk, source: string): DeepestPoint | undefined {
  // The script itself is the first block: its statements run at level 1. Pending nodes and their levels are two
  // parallel stacks (no object per node).
  const nodes: Node[] = [chunk];
  const levels: number[] = [0];
  let first: DeepestPoint | undefined;
  const enter = (node: Node, level: number) => {
    if (level <= MAX_SYNTAX_LEVELS) {
      nodes.push(node);
      levels.push(level);
    } else if (!first || start(node) < start(first.node)) {
      first = { level, node };
    }
  };
  const slots = new Slots(source, enter);
  while (nodes.length > 0) slots.children(nodes.pop()!, levels.pop()!);
  return first;
}

function range(node: Node): readonly [number, number] {
  return (node as { range?: [number, number] }).range ?? [0, 0];
}

function start(node: Node): number {
  return range(node)[0];
}

/** Hands each child of a node to `enter` with the level Lua's parser reaches it at. */
class Slots {
  constructor(
    private readonly source: string,
    private readonly enter: (node: Node, level: number) => void,
  ) {}

  children(node: Node, level: number): void {
    switch (node.type) {
      case 'Chunk':
      case 'DoStatement':
      case 'ElseClause':
        return this.block(node, node.body, level);
      case 'IfStatement':
        for (const clause of node.clauses) this.enter(clause, level);
        return undefined;
      case 'IfClause':
      case 'ElseifClause':
      case 'WhileStatement':
      case 'RepeatStatement':
        this.expression(node.condition, level + 1);
        return this.block(node, node.body, level);
      case 'LocalStatement':
      case 'AssignmentStatement':
        for (const target of node.variables) this.expression(target, level);
        return this.expressions(node.init, level + 1);
      case 'ReturnStatement':
        return this.expressions(node.arguments, level + 1);
      case 'CallStatement':
        return this.expression(node.expression, level);
      case 'ForNumericStatement':
        this.expression(node.start, level + 1);
        this.expression(node.end, level + 1);
        if (node.step) this.expression(node.step, level + 1);
        return this.block(node, node.body, level);
      case 'ForGenericStatement':
        this.expressions(node.iterators, level + 1);
        return this.block(node, node.body, level);
      case 'FunctionDeclaration':
        return this.block(node, node.body, level);
      default:
        return this.expressionChildren(node, level);
    }
  }

  private expressionChildren(node: Node, level: number): void {
    switch (node.type) {
      case 'BinaryExpression':
      case 'LogicalExpression':
        this.expression(node.left, level);
        return this.expression(node.right, level + 1);
      case 'UnaryExpression':
        return this.expression(node.argument, level + 1);
      case 'MemberExpression':
        return this.expression(node.base, level);
      case 'IndexExpression':
        this.expression(node.base, level);
        return this.expression(node.index, level + 1);
      case 'CallExpression':
        this.expression(node.base, level);
        for (const arg of node.arguments) this.expression(arg, level + 1, node.arguments.length === 1 ? 1 : 0);
        return undefined;
      case 'TableCallExpression':
        this.expression(node.base, level);
        return this.enter(node.arguments, level);
      case 'StringCallExpression':
        return this.expression(node.base, level);
      case 'TableConstructorExpression':
        for (const field of node.fields) {
          if (field.type === 'TableKey') this.expression(field.key, level + 1);
          this.expression(field.value, level + 1);
        }
        return undefined;
      default:
        return undefined;
    }
  }

  /** A block runs one level deeper than the statement (or function) that opens it; even an empty one counts. */
  private block(owner: Node, body: readonly Statement[], level: number): void {
    if (level + 1 > MAX_SYNTAX_LEVELS && owner.type !== 'Chunk') return this.enter(owner, level + 1);
    for (const statement of body) this.enter(statement, level + 1);
  }

  private expressions(list: readonly Expression[], level: number): void {
    for (const node of list) this.expression(node, level);
  }

  /** An expression, one level deeper for each pair of parentheses around it (less those of the call it is the only argument of). */
  private expression(node: Expression, level: number, callParens = 0): void {
    this.enter(node, level + Math.max(0, this.parentheses(node) - callParens));
  }

  /** How many `(` directly precede a node and `)` directly follow it (whitespace between them is skipped). */
  private parentheses(node: Node): number {
    const [from, to] = range(node);
    let before = 0;
    for (let i = from - 1; i >= 0; i--) {
      const c = this.source[i];
      if (c === '(') before++;
      else if (!isSpace(c)) break;
    }
    if (before === 0) return 0;
    let after = 0;
    for (let i = to; i < this.source.length && after < before; i++) {
      const c = this.source[i];
      if (c === ')') after++;
      else if (!isSpace(c)) break;
    }
    return Math.min(before, after);
  }
}

/** Latin-1 characters that `\s` matches (the source is the script's bytes as Latin-1): tab to carriage return, space, no-break space. */
const LATIN1_SPACE = new Set(['\t', '\n', '\v', '\f', '\r', ' ', '\u00a0']);

/** `/\s/.test(c)` for one character, without a regex for the Latin-1 ones (all of a script's). */
function isSpace(c: string): boolean {
  return c.charCodeAt(0) < 256 ? LATIN1_SPACE.has(c) : /\s/.test(c);
}
