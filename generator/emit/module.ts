// code-block-writer is the writer ts-morph prints with (and re-exports); imported directly, it comes without the
// TypeScript compiler that importing 'ts-morph' loads.
import CodeBlockWriter from 'code-block-writer';

export type { CodeBlockWriter };

/** Writes hand-laid code with the module's writer. */
export type WriterFunction = (writer: CodeBlockWriter) => void;

/**
 * A statement already laid out as whole lines at the top level (no line break at the end), with or without a
 * blank line before it: put in as it is, never scanned by a writer.
 */
export interface LaidOutStatement {
  readonly text: string;
  readonly blankLineBefore: boolean;
}

/**
 * A statement of a printed module: whole lines of text (put in as they are), a writer (see declarations.ts),
 * or text laid out already with its blank line before.
 */
export type Statement = string | WriterFunction | LaidOutStatement;

/** One file luagen writes, with its path relative to the output folder (POSIX). */
export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}

/** A module before printing: its statements, and a last touch applied to the printed text. */
export interface ModuleSource {
  readonly path: string;
  readonly banner: string;
  readonly statements: readonly Statement[];
  readonly finish?: (printed: string) => string;
}

const NEW_LINE = '\n'.charCodeAt(0);

function newWriter(): CodeBlockWriter {
  return new CodeBlockWriter({ indentNumberOfSpaces: 2, useTabs: false, newLine: '\n', useSingleQuote: true });
}

/**
 * A writer's statement, laid out: printed alone, after a line ending in `;` as the statement before it would
 * leave it (a statement that opens with a blank line then writes it: kept as `blankLineBefore`). At the top
 * level, after a complete statement, a writer is in the state a fresh one starts in.
 */
function layOut(write: WriterFunction): LaidOutStatement {
  const writer = newWriter();
  writer.write(';').newLine();
  write(writer);
  const printed = writer.toString().slice(1);
  return { text: trimLineBreaks(printed), blankLineBefore: printed.startsWith('\n\n') };
}

function laidOut(statement: Statement): LaidOutStatement {
  if (typeof statement === 'string') return { text: statement, blankLineBefore: false };
  return typeof statement === 'function' ? layOut(statement) : statement;
}

/**
 * Statements one per line, with a blank line after a closing brace (as ts-morph's printer separated them) or
 * where the statement opens with one. Only a writer's statement goes through a writer: text is never scanned.
 */
function printStatements(statements: readonly Statement[]): string {
  let text = '';
  let previous: LaidOutStatement | undefined;
  for (const statement of statements.map(laidOut)) {
    if (previous) text += statement.blankLineBefore || previous.text.trimEnd().endsWith('}') ? '\n\n' : '\n';
    text += statement.text;
    previous = statement;
  }
  return text;
}

/** The text without the line breaks at its start and end (a loop: a regex anchored at the end scans it all). */
function trimLineBreaks(text: string): string {
  let from = 0;
  let to = text.length;
  while (from < to && text.charCodeAt(from) === NEW_LINE) from++;
  while (to > from && text.charCodeAt(to - 1) === NEW_LINE) to--;
  return text.slice(from, to);
}

/** Prints one module (2-space indent, single quotes, LF) behind its banner, then applies its last touch. */
export function printModule(module: ModuleSource): GeneratedFile {
  const body = `${module.banner}\n${trimLineBreaks(printStatements(module.statements))}\n`;
  return { path: module.path, content: module.finish ? module.finish(body) : body };
}
