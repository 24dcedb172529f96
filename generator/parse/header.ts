import type { Diagnostic } from '../diagnostics/diagnostic';
import type { DiagnosticCode } from '../diagnostics/codes';
import type { ArgTag, ErrorTag, HeaderAst, KeyTag, ReturnTag } from './header-ast';
import { parseShebang } from './shebang';
import { parseTag, type TagLine } from './header-tags';

export interface HeaderParse {
  readonly header: HeaderAst;
  readonly diagnostics: Diagnostic[];
}

const HEADER_LINE = /^(\s*)---(?!-)(.*)$/;
const IGNORE_COMMENT = /\s*--\s*luagen-ignore\b.*$/;

/**
 * Reads the `---` comment block at the top of a script (after an optional `#!lua` line and blank lines).
 */
export function parseHeader(file: string, lines: readonly string[]): HeaderParse {
  const { shebang, diagnostics } = parseShebang(file, lines[0] ?? '');
  let index = shebang ? 1 : 0;
  while (index < lines.length && lines[index].trim() === '') index++;

  const header = emptyHeader(shebang);
  let lastTag: { description: string } | undefined;
  for (; index < lines.length; index++) {
    const match = HEADER_LINE.exec(lines[index]);
    if (!match) break;
    // A `-- luagen-ignore LG202` at the end of a tag line is for the analysis, not part of the description.
    const text = match[2].replace(IGNORE_COMMENT, '');
    const line: TagLine = { file, line: index + 1, column: match[1].length + 4, text };
    header.endLine = index + 1;
    const trimmed = line.text.trim();
    if (!trimmed.startsWith('@')) {
      if (lastTag) lastTag.description = joinText(lastTag.description, trimmed);
      else header.description.push(trimmed);
      continue;
    }
    const parsed = parseTag(line, diagnostics);
    if (!parsed) header.brokenTags.push(/^@(\w*)/.exec(trimmed)?.[1] ?? '');
    lastTag = parsed ? collect(header, parsed) : undefined;
  }
  trimBlankLines(header.description);
  if (header.endLine === 0) diagnostics.push(missingHeader(file));
  return { header, diagnostics };
}

type MutableHeader = {
  -readonly [K in keyof HeaderAst]: HeaderAst[K] extends readonly (infer T)[] ? T[] : HeaderAst[K];
};

function emptyHeader(shebang: HeaderAst['shebang']): MutableHeader {
  return { description: [], keys: [], args: [], returns: [], errors: [], brokenTags: [], readonly: undefined, shebang, endLine: 0 };
}

type ParsedTag = ReturnType<typeof parseTag>;

function collect(header: MutableHeader, tag: NonNullable<ParsedTag>): { description: string } | undefined {
  switch (tag.tag) {
    case 'key':
      return pushMutable(header.keys, tag.value);
    case 'arg':
      return pushMutable(header.args, tag.value);
    case 'return':
      return pushMutable(header.returns, tag.value);
    case 'error':
      return pushMutable(header.errors, tag.value);
    case 'readonly':
      header.readonly ??= tag.value;
      return undefined;
  }
}

/** Adds a tag and hands back a mutable view of it, so that continuation lines extend its description. */
function pushMutable<T extends KeyTag | ArgTag | ReturnTag | ErrorTag>(list: T[], value: T): { description: string } {
  const copy = { ...value };
  list.push(copy);
  return copy as { description: string };
}

function joinText(a: string, b: string): string {
  if (b === '') return a;
  return a === '' ? b : `${a} ${b}`;
}

function trimBlankLines(lines: string[]): void {
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
}

function missingHeader(file: string): Diagnostic {
  const code: DiagnosticCode = 'LG002';
  return {
    file,
    line: 1,
    column: 1,
    code,
    severity: 'error',
    message: 'the script has no header: luagen cannot tell its keys, arguments or reply',
    help: "start the file with '--- @key name', '--- @arg name type' and '--- @return type' lines (see docs/annotations.md)",
  };
}
