import type { Expression, ForNumericStatement, Identifier, IndexExpression } from 'luaparse';
import type { LuagenConfig } from '../config';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { ArgTag, KeyTag } from '../parse/header-ast';
import type { ParsedScript } from '../parse/parsed-script';
import { reporter, type Report } from './report';
import { loopIndexValues, type LoopIndex } from './loop-index';
import { resolveScopes } from './scope';
import { scriptTableName, walk } from './walk';

type TableName = 'KEYS' | 'ARGV';

/** How the body reads one of KEYS / ARGV. */
interface TableUse {
  /** Literal indexes read (`KEYS[2]` → 2). */
  readonly literal: Set<number>;
  /** Read with a computed index (`KEYS[i]`) or as a whole (`#ARGV`, `unpack(KEYS)`): any slot may be used. */
  whole: boolean;
}

/**
 * The header against the body: literal indexes beyond the declared slots (LG201), declared slots never read
 * (LG202), and computed indexes when nothing variadic is declared (LG203).
 */
export function checkKeysAndArgs(script: ParsedScript, _config: LuagenConfig): Diagnostic[] {
  const { chunk, header } = script;
  if (!chunk || header.endLine === 0 || headerHasErrors(script)) return [];
  const diagnostics: Diagnostic[] = [];
  const report = reporter(script, diagnostics);
  const uses: Record<TableName, TableUse> = { KEYS: { literal: new Set(), whole: false }, ARGV: { literal: new Set(), whole: false } };
  const declared: Record<TableName, readonly (KeyTag | ArgTag)[]> = { KEYS: header.keys, ARGV: header.args };
  const loops = new Map<Identifier, ForNumericStatement>();
  const indexValues = (index: Expression) => loopIndexValues(index, loops, () => resolveScopes(chunk));
  walk(chunk, (node, parent) => {
    if (node.type === 'ForNumericStatement') loops.set(node.variable, node);
    const table = scriptTableName(node);
    if (!table) return;
    if (parent?.type === 'IndexExpression' && parent.base === node) readIndex(parent, table, declared[table], uses[table], report, indexValues);
    else uses[table].whole = true;
  });
  for (const table of ['KEYS', 'ARGV'] as const) reportUnused(table, declared[table], uses[table], report);
  return diagnostics;
}

type IndexValues = (index: Expression) => LoopIndex | undefined;

function readIndex(
  access: IndexExpression,
  table: TableName,
  slots: readonly (KeyTag | ArgTag)[],
  use: TableUse,
  report: Report,
  indexValues: IndexValues,
): void {
  const index = access.index;
  const inLoop = index.type === 'NumericLiteral' ? undefined : indexValues(index);
  if (inLoop) {
    readLoopIndex(access, table, slots, use, report, inLoop);
    return;
  }
  if (index.type !== 'NumericLiteral' || !Number.isInteger(index.value)) {
    use.whole = true;
    if (!slots.some((slot) => slot.variadic)) {
      const tag = table === 'KEYS' ? '@key' : '@arg';
      const help = `declare the varying tail with '--- ${tag} ...name${table === 'ARGV' ? ' type' : ''}', or use literal indexes`;
      report(access, 'LG203', `${table} is indexed with a computed value but the header declares a fixed number of ${noun(table)}s`, help);
    }
    return;
  }
  const position = index.value;
  use.literal.add(position);
  if (position < 1) {
    report(access, 'LG201', `${table}[${position}] is always nil: ${table} starts at index 1`, `the first ${noun(table)} is ${table}[1]`);
    return;
  }
  if (position <= slots.length || slots.some((slot) => slot.variadic)) return;
  const tag = table === 'KEYS' ? '--- @key name' : '--- @arg name type';
  const message = `${table}[${position}] is beyond the ${slots.length} declared ${noun(table)}${slots.length === 1 ? '' : 's'}: the generated client never sends it, so it is nil`;
  report(access, 'LG201', message, `declare it with '${tag}' (one line per slot, in order), or fix the index`);
}

/**
 * `KEYS[i]` inside `for i = 7, 10 do`: each value the index takes is a literal use; a value outside the
 * declared slots is LG201, as a literal index would be.
 */
function readLoopIndex(access: IndexExpression, table: TableName, slots: readonly (KeyTag | ArgTag)[], use: TableUse, report: Report, loop: LoopIndex): void {
  for (const value of loop.values) use.literal.add(value);
  const variadic = slots.some((slot) => slot.variadic);
  const below = loop.values.filter((value) => value < 1);
  const beyond = variadic ? [] : loop.values.filter((value) => value > slots.length);
  const range = `${table}[${loop.text}] with ${loop.variable} from ${loop.start} to ${loop.end}`;
  if (below.length > 0) {
    report(access, 'LG201', `${range} reads ${table}[${below[0]}], which is always nil: ${table} starts at index 1`, `start the loop so that the first ${noun(table)} read is ${table}[1]`);
  } else if (beyond.length > 0) {
    const message = `${range} reads ${table}[${beyond[beyond.length - 1]}], beyond the ${slots.length} declared ${noun(table)}${slots.length === 1 ? '' : 's'}: the generated client never sends it, so it is nil`;
    report(access, 'LG201', message, `declare every slot the loop reads, or fix the loop bounds`);
  }
}

function reportUnused(table: TableName, slots: readonly (KeyTag | ArgTag)[], use: TableUse, report: Report): void {
  if (use.whole) return;
  slots.forEach((slot, offset) => {
    const position = offset + 1;
    const used = slot.variadic ? [...use.literal].some((n) => n >= position) : use.literal.has(position);
    if (used) return;
    const what = `${noun(table)} '${slot.variadic ? '...' : ''}${slot.name}' (${table}[${position}]${slot.variadic ? ' onwards' : ''})`;
    const help = `read ${table}[${position}] in the script, or remove the declaration (the later ${noun(table)}s move down one slot)`;
    report(slot, 'LG202', `${what} is declared but never used`, help);
  });
}

const TAG_LINE = /^\s*---\s*@/;

/**
 * A header with a broken tag (unknown, malformed) has lost that tag, so its slots no longer line up with
 * KEYS/ARGV: comparing them with the body would only echo the header error. A tag was lost when the header
 * holds more tag lines than tags.
 */
function headerHasErrors(script: ParsedScript): boolean {
  const { header } = script;
  const tags = header.keys.length + header.args.length + header.returns.length + header.errors.length + header.prefixes.length + (header.readonly ? 1 : 0);
  let tagLines = 0;
  for (let i = Math.max(header.startLine - 1, 0); i < header.endLine; i++) if (TAG_LINE.test(script.lines[i] ?? '')) tagLines++;
  return tagLines !== tags;
}

function noun(table: TableName): string {
  return table === 'KEYS' ? 'key' : 'argument';
}
