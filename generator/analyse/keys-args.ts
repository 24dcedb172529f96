import type { IndexExpression } from 'luaparse';
import type { LuagenConfig } from '../config';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { ArgTag, KeyTag } from '../parse/header-ast';
import type { ParsedScript } from '../parse/parsed-script';
import { reporter, type Report } from './report';
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
  walk(chunk, (node, parent) => {
    const table = scriptTableName(node);
    if (!table) return;
    if (parent?.type === 'IndexExpression' && parent.base === node) readIndex(parent, table, declared[table], uses[table], report);
    else uses[table].whole = true;
  });
  for (const table of ['KEYS', 'ARGV'] as const) reportUnused(table, declared[table], uses[table], report);
  return diagnostics;
}

function readIndex(access: IndexExpression, table: TableName, slots: readonly (KeyTag | ArgTag)[], use: TableUse, report: Report): void {
  const index = access.index;
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
  const tags = header.keys.length + header.args.length + header.returns.length + header.errors.length + (header.readonly ? 1 : 0);
  let tagLines = 0;
  for (let i = 0; i < header.endLine; i++) if (TAG_LINE.test(script.lines[i] ?? '')) tagLines++;
  return tagLines !== tags;
}

function noun(table: TableName): string {
  return table === 'KEYS' ? 'key' : 'argument';
}
