import type { Diagnostic } from '../diagnostics/diagnostic';
import type { DiagnosticCode } from '../diagnostics/codes';
import type { ArgTag, ErrorTag, HeaderAst, KeyTag, PrefixTag, ReturnTag } from './header-ast';
import { isIncludeLine } from './includes';
import { parseShebang } from './shebang';
import { parseTag, type TagLine } from './header-tags';

export interface HeaderParse {
  readonly header: HeaderAst;
  readonly diagnostics: Diagnostic[];
}

// `s`: a U+2028 or U+2029 inside a header line is text (Lua does not end a comment there), not the header's end.
const HEADER_LINE = /^(\s*)---(?!-)(.*)$/s;
const IGNORE_COMMENT = /\s*--\s*luagen-ignore\b.*$/;

/**
 * Reads the `---` comment block at the top of a script: after an optional `#!lua` line, and after blank lines
 * and ordinary comments (a licence, a `--[[ ... ]]` doc block) that come before it.
 */
export function parseHeader(file: string, lines: readonly string[]): HeaderParse {
  const { shebang, diagnostics } = parseShebang(file, lines[0] ?? '');
  let index = skipLeadingComments(lines, shebang ? 1 : 0);

  const header = emptyHeader(shebang);
  let lastTag: { description: string } | undefined;
  for (; index < lines.length; index++) {
    const match = HEADER_LINE.exec(lines[index]);
    if (!match || isIncludeLine(lines[index])) break;
    // A `-- luagen-ignore LG202` at the end of a tag line is for the analysis, not part of the description (the
    // regex, tried at every position of every line, runs only on a line that names it).
    const text = match[2].includes('luagen-ignore') ? match[2].replace(IGNORE_COMMENT, '') : match[2];
    const line: TagLine = { file, line: index + 1, column: match[1].length + 4, text };
    if (header.startLine === 0) header.startLine = index + 1;
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
  if (header.endLine === 0) diagnostics.push(missingHeader(file, lines));
  return { header, diagnostics };
}

const LINE_COMMENT = /^\s*--(?!-)(?!\[=*\[)/;
const BLOCK_COMMENT_START = /^\s*--\[(=*)\[/;

/** The first line (0-based) at or after `index` that is neither blank nor part of an ordinary (non-`---`) comment. */
export function skipLeadingComments(lines: readonly string[], index: number): number {
  while (index < lines.length) {
    const line = lines[index];
    const block = BLOCK_COMMENT_START.exec(line);
    if (block) {
      index = blockCommentEnd(lines, index, `]${block[1]}]`, line.indexOf('[', line.indexOf('[') + 1) + 1) + 1;
    } else if (line.trim() === '' || LINE_COMMENT.test(line)) {
      index++;
    } else {
      return index;
    }
  }
  return index;
}

/** The line that closes a block comment opened on line `start` (its text starts at `from`). */
function blockCommentEnd(lines: readonly string[], start: number, close: string, from: number): number {
  if (lines[start].indexOf(close, from) >= 0) return start;
  for (let i = start + 1; i < lines.length; i++) if (lines[i].includes(close)) return i;
  return lines.length;
}

type MutableHeader = {
  -readonly [K in keyof HeaderAst]: HeaderAst[K] extends readonly (infer T)[] ? T[] : HeaderAst[K];
};

function emptyHeader(shebang: HeaderAst['shebang']): MutableHeader {
  return { description: [], keys: [], args: [], returns: [], errors: [], prefixes: [], brokenTags: [], readonly: undefined, idempotent: undefined, shebang, startLine: 0, endLine: 0 };
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
    case 'prefix':
      return pushMutable(header.prefixes, tag.value);
    case 'readonly':
      header.readonly ??= tag.value;
      return undefined;
    case 'idempotent':
      header.idempotent ??= tag.value;
      return undefined;
    case 'test-allow':
      return tag.value; // only `luagen test` reads it (model/test-checks.ts); a continuation line extends the reason
  }
}

/**
 * Adds a tag and hands back a mutable view of it, so that continuation lines extend its description. The tag is
 * parseTag's own fresh object (no copy: an object spread per tag was a tenth of the header's cost, cold).
 */
function pushMutable<T extends KeyTag | ArgTag | ReturnTag | ErrorTag | PrefixTag>(list: T[], value: T): { description: string } {
  list.push(value);
  return value as unknown as { description: string };
}

function joinText(a: string, b: string): string {
  if (b === '') return a;
  return a === '' ? b : `${a} ${b}`;
}

function trimBlankLines(lines: string[]): void {
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
}

const TAG_BELOW = /^\s*---\s*@(key|arg|return|error|readonly)\b/;

function missingHeader(file: string, lines: readonly string[]): Diagnostic {
  const code: DiagnosticCode = 'LG002';
  const below = lines.findIndex((line) => TAG_BELOW.test(line));
  if (below >= 0) {
    return {
      file,
      line: below + 1,
      column: 1,
      code,
      severity: 'error',
      message: 'this header comes after code: luagen reads the header only above the first statement',
      help: 'move the --- block above the first line of code (comments and a licence may stay above it)',
    };
  }
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
