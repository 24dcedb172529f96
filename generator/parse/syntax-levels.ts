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

interface Pending {
  readonly node: Node;
  readonly level: number;
}

/** The first place (in source order) where the syntax goes beyond MAX_SYNTAX_LEVELS, or undefined. */
export function tooDeep(chunk: Chunk, source: string): DeepestPoint | undefined {
  // The script itself is the first block: its statements run at level 1.
  const stack: Pending[] = [{ node: chunk, level: 0 }];
  let first: DeepestPoint | undefined;
  const enter = (node: Node, level: number) => {
    if (level <= MAX_SYNTAX_LEVELS) stack.push({ node, level });
    else if (!first || start(node) < start(first.node)) first = { level, node };
  };
  const slots = new Slots(source, enter);
  for (let item = stack.pop(); item; item = stack.pop()) slots.children(item.node, item.level);
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
        return node.clauses.forEach((clause) => this.enter(clause, level));
      case 'IfClause':
      case 'ElseifClause':
      case 'WhileStatement':
      case 'RepeatStatement':
        this.expression(node.condition, level + 1);
        return this.block(node, node.body, level);
      case 'LocalStatement':
      case 'AssignmentStatement':
        node.variables.forEach((target) => this.expression(target, level));
        return node.init.forEach((value) => this.expression(value, level + 1));
      case 'ReturnStatement':
        return node.arguments.forEach((value) => this.expression(value, level + 1));
      case 'CallStatement':
        return this.expression(node.expression, level);
      case 'ForNumericStatement':
        [node.start, node.end, node.step].forEach((value) => value && this.expression(value, level + 1));
        return this.block(node, node.body, level);
      case 'ForGenericStatement':
        node.iterators.forEach((value) => this.expression(value, level + 1));
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
        return node.arguments.forEach((arg) => this.expression(arg, level + 1, node.arguments.length === 1 ? 1 : 0));
      case 'TableCallExpression':
        this.expression(node.base, level);
        return this.enter(node.arguments, level);
      case 'StringCallExpression':
        return this.expression(node.base, level);
      case 'TableConstructorExpression':
        return node.fields.forEach((field) => {
          if (field.type === 'TableKey') this.expression(field.key, level + 1);
          this.expression(field.value, level + 1);
        });
      default:
        return undefined;
    }
  }

  /** A block runs one level deeper than the statement (or function) that opens it; even an empty one counts. */
  private block(owner: Node, body: readonly Statement[], level: number): void {
    if (level + 1 > MAX_SYNTAX_LEVELS && owner.type !== 'Chunk') return this.enter(owner, level + 1);
    body.forEach((statement) => this.enter(statement, level + 1));
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
      else if (!/\s/.test(c)) break;
    }
    if (before === 0) return 0;
    let after = 0;
    for (let i = to; i < this.source.length && after < before; i++) {
      const c = this.source[i];
      if (c === ')') after++;
      else if (!/\s/.test(c)) break;
    }
    return Math.min(before, after);
  }
}
