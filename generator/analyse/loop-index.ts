import type { Expression, ForNumericStatement, Identifier } from 'luaparse';
import type { Scopes } from './scope';
import { isLocalIdentifier } from './walk';

/** The values a loop-driven index takes. */
export interface LoopIndex {
  readonly values: readonly number[];
  readonly text: string;
  readonly variable: string;
  readonly start: number;
  readonly end: number;
}

/** Loops longer than this are not enumerated (the index is then treated as computed). */
const MAX_LOOP_VALUES = 10_000;

/**
 * When `index` is the variable of a numeric `for` loop with literal bounds and step (never assigned in the
 * body), or that variable plus or minus a literal, the values it takes.
 */
export function loopIndexValues(index: Expression, loops: ReadonlyMap<Identifier, ForNumericStatement>, scopes: () => Scopes): LoopIndex | undefined {
  const { variable, offset } = loopVariable(index) ?? {};
  if (!variable || offset === undefined || !isLocalIdentifier(variable)) return undefined;
  const binding = scopes().bindingOf(variable);
  const loop = binding && binding.values.length === 1 ? loops.get(binding.declaration) : undefined;
  if (!loop) return undefined;
  const start = literalNumber(loop.start);
  const end = literalNumber(loop.end);
  const step = loop.step ? literalNumber(loop.step) : 1;
  if (start === undefined || end === undefined || step === undefined || step === 0 || !Number.isInteger(start + step)) return undefined;
  if (Math.floor((end - start) / step) + 1 > MAX_LOOP_VALUES) return undefined;
  const values: number[] = [];
  for (let value = start; step > 0 ? value <= end : value >= end; value += step) values.push(value + offset);
  const text = offset === 0 ? variable.name : `${variable.name} ${offset > 0 ? '+' : '-'} ${Math.abs(offset)}`;
  return { values, text, variable: variable.name, start, end };
}

/** `i`, `i + 2`, `i - 1`, `2 + i`. */
function loopVariable(index: Expression): { variable: Identifier; offset: number } | undefined {
  if (index.type === 'Identifier') return { variable: index, offset: 0 };
  if (index.type !== 'BinaryExpression' || (index.operator !== '+' && index.operator !== '-')) return undefined;
  const sign = index.operator === '+' ? 1 : -1;
  const right = literalNumber(index.right);
  if (index.left.type === 'Identifier' && right !== undefined && Number.isInteger(right)) return { variable: index.left, offset: sign * right };
  const left = literalNumber(index.left);
  if (sign === 1 && index.right.type === 'Identifier' && left !== undefined && Number.isInteger(left)) return { variable: index.right, offset: left };
  return undefined;
}

function literalNumber(expression: Expression): number | undefined {
  if (expression.type === 'NumericLiteral') return expression.value;
  if (expression.type === 'UnaryExpression' && expression.operator === '-' && expression.argument.type === 'NumericLiteral') return -expression.argument.value;
  return undefined;
}
