import type { Chunk, Expression, ForNumericStatement, Identifier, Node } from 'luaparse';
import { loopIndexValues } from '../analyse/loop-index';
import { resolveScopes } from '../analyse/scope';
import { callArguments, isGlobalIdentifier, scriptTableName, walk } from '../analyse/walk';

/** How a script body reads KEYS or ARGV, for inferring a header. */
export interface SlotUsage {
  /** The highest slot read with a literal index (or a literal-bound loop); 0 when none. */
  readonly highest: number;
  /**
   * The first slot of a tail read as a whole (`#ARGV`, `unpack(ARGV, 3)`, `ipairs(KEYS)`, a computed index),
   * or undefined when the script reads only fixed slots.
   */
  readonly tailFrom: number | undefined;
}

interface MutableUsage {
  highest: number;
  tailFrom: number | undefined;
}

/** Reads every use of KEYS and ARGV in the (includes-inlined) chunk. */
export function slotUsage(chunk: Chunk): { KEYS: SlotUsage; ARGV: SlotUsage } {
  const usage: Record<'KEYS' | 'ARGV', MutableUsage> = { KEYS: { highest: 0, tailFrom: undefined }, ARGV: { highest: 0, tailFrom: undefined } };
  const loops = new Map<Identifier, ForNumericStatement>();
  walk(chunk, (node, parent) => {
    if (node.type === 'ForNumericStatement') loops.set(node.variable, node);
    const table = scriptTableName(node);
    if (!table) return;
    const use = usage[table];
    if (parent?.type === 'IndexExpression' && parent.base === node) {
      readIndex(parent.index, use, (index) => loopIndexValues(index, loops, () => resolveScopes(chunk))?.values);
    } else {
      addTail(use, unpackStart(parent, node) ?? 1);
    }
  });
  return usage;
}

function readIndex(index: Expression, use: MutableUsage, loopValues: (index: Expression) => readonly number[] | undefined): void {
  if (index.type === 'NumericLiteral' && Number.isInteger(index.value)) {
    use.highest = Math.max(use.highest, index.value);
    return;
  }
  const values = loopValues(index);
  if (values) use.highest = Math.max(use.highest, ...values, 0);
  else addTail(use, 1);
}

function addTail(use: MutableUsage, from: number): void {
  use.tailFrom = Math.min(use.tailFrom ?? from, from);
}

/** `unpack(ARGV, 3)` reads ARGV from slot 3 on; any other whole use, from slot 1. */
function unpackStart(parent: Node | undefined, table: Node): number | undefined {
  if (!parent) return undefined;
  const args = callArguments(parent);
  if (!args || !('base' in parent) || args[0] !== table) return undefined;
  const base = parent.base;
  const isUnpack = (isGlobalIdentifier(base) && base.name === 'unpack') || (base.type === 'MemberExpression' && isGlobalIdentifier(base.base) && base.base.name === 'table' && base.identifier.name === 'unpack');
  const start = args[1];
  return isUnpack && start?.type === 'NumericLiteral' && Number.isInteger(start.value) && start.value >= 1 ? start.value : undefined;
}

/**
 * KEYS slots used as the start of a name built by concatenation (`KEYS[2] .. id`, directly or through a local
 * that holds `KEYS[2]`): key prefixes, declared with `@prefix` so that the client checks their hash tag.
 */
export function keyPrefixSlots(chunk: Chunk): Set<number> {
  const slots = new Set<number>();
  const scopes = resolveScopes(chunk);
  const keysSlot = (expression: Expression): number | undefined => {
    if (expression.type === 'IndexExpression' && scriptTableName(expression.base) === 'KEYS' && expression.index.type === 'NumericLiteral') return expression.index.value;
    if (expression.type !== 'Identifier') return undefined;
    const binding = scopes.bindingOf(expression);
    const [only] = binding?.values ?? [];
    return binding?.values.length === 1 && only?.kind === 'expression' && only.expression.type === 'IndexExpression' ? keysSlot(only.expression) : undefined;
  };
  walk(chunk, (node) => {
    if (node.type !== 'BinaryExpression' || node.operator !== '..') return;
    const slot = keysSlot(node.left);
    if (slot !== undefined) slots.add(slot);
  });
  return slots;
}
