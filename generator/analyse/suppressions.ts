import type { Chunk } from 'luaparse';
import { DIAGNOSTIC_CODES, type DiagnosticCode } from '../diagnostics/codes';
import type { Diagnostic, Position } from '../diagnostics/diagnostic';
import type { ParsedScript } from '../parse/parsed-script';
import { walk } from './walk';

const IGNORE = /--\s*luagen-ignore\b/;
const CODE_TOKEN = /^[\s,]*(LG\d{3})\b/;

/** One code named by one `-- luagen-ignore` comment, and the line it silences. */
interface IgnoreEntry extends Position {
  readonly code: string;
  readonly target: number;
  used: boolean;
}

/**
 * Applies `-- luagen-ignore LG201 [LG205 ...]` comments: at the end of a line they silence those codes on that
 * line; alone on a line, on the next line. Only analysis codes (LG2xx) can be silenced. An ignore that silences
 * nothing, or names no valid code, is itself reported (LG214).
 */
export function applySuppressions(script: ParsedScript, found: readonly Diagnostic[]): Diagnostic[] {
  if (!script.source.includes('luagen-ignore')) return [...found];
  const { entries, problems } = readIgnoreComments(script);
  if (entries.length === 0 && problems.length === 0) return [...found];
  const kept = found.filter((d) => {
    const entry = entries.find((e) => e.target === d.line && e.code === d.code && isSuppressible(e.code));
    if (entry) entry.used = true;
    return !entry;
  });
  for (const entry of entries) {
    const problem = entryProblem(entry);
    if (problem) problems.push(lg214(script, entry, problem.message, problem.help));
  }
  return [...kept, ...problems];
}

function entryProblem(entry: IgnoreEntry): { message: string; help: string } | undefined {
  if (!(entry.code in DIAGNOSTIC_CODES)) {
    return { message: `luagen-ignore names ${entry.code}, which is not a luagen code`, help: 'docs/diagnostics.md lists every code' };
  }
  if (!isSuppressible(entry.code)) {
    return { message: `${entry.code} cannot be ignored: only analysis findings (LG2xx) can`, help: `fix the cause of ${entry.code} instead` };
  }
  if (entry.used) return undefined;
  return {
    message: `luagen-ignore ${entry.code} suppresses nothing on line ${entry.target}`,
    help: 'remove the comment (the problem it silenced is gone), or move it to the line that reports the code',
  };
}

function isSuppressible(code: string): boolean {
  return /^LG2\d\d$/.test(code) && code !== 'LG214' && code in DIAGNOSTIC_CODES;
}

function readIgnoreComments(script: ParsedScript): { entries: IgnoreEntry[]; problems: Diagnostic[] } {
  const entries: IgnoreEntry[] = [];
  const problems: Diagnostic[] = [];
  const insideString = stringSpans(script.chunk);
  script.lines.forEach((text, index) => {
    const match = IGNORE.exec(text);
    if (!match) return;
    const at: Position = { line: index + 1, column: match.index + 1 };
    if (insideString(at)) return;
    const alone = text.slice(0, match.index).trim() === '';
    const target = alone ? index + 2 : index + 1;
    const codes = readCodes(text.slice(match.index + match[0].length));
    if (codes.length === 0) problems.push(lg214(script, at, 'luagen-ignore names no code', 'write the code to silence, e.g. -- luagen-ignore LG210'));
    for (const code of codes) entries.push({ ...at, code, target, used: false });
  });
  return { entries, problems };
}

function readCodes(rest: string): string[] {
  const codes: string[] = [];
  let remaining = rest;
  for (let match = CODE_TOKEN.exec(remaining); match; match = CODE_TOKEN.exec(remaining)) {
    codes.push(match[1]);
    remaining = remaining.slice(match[0].length);
  }
  return codes;
}

/** A test for "this position is inside a string literal" (so `'-- luagen-ignore'` in a string is no comment). */
function stringSpans(chunk: Chunk | undefined): (at: Position) => boolean {
  const spans: { start: Position; end: Position }[] = [];
  if (chunk) {
    walk(chunk, (node) => {
      if (node.type === 'StringLiteral' && node.loc) {
        const { start, end } = node.loc;
        spans.push({ start: { line: start.line, column: start.column + 1 }, end: { line: end.line, column: end.column + 1 } });
      }
    });
  }
  const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.column < b.column);
  return (at) => spans.some((span) => before(span.start, at) && before(at, span.end));
}

function lg214(script: ParsedScript, at: Position, message: string, help: string): Diagnostic {
  const code: DiagnosticCode = 'LG214';
  return { file: script.file, line: at.line, column: at.column, code, severity: DIAGNOSTIC_CODES[code].severity, message, help };
}
