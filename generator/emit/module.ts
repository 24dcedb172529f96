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

/** A statement of a printed module: raw text or a writer (see declarations.ts), or text laid out already. */
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

const CLOSE_BRACE = '}'.charCodeAt(0);
/** The characters ts-morph's printer skips as blank when it looks back for a `}`. */
const BLANKS: ReadonlySet<number> = new Set([...' \f\n\r\t\v\u00A0\u2028\u2029'].map((c) => c.charCodeAt(0)));

/** True when the last character written, blanks aside, is `}`. */
function endsWithCloseBrace(writer: CodeBlockWriter): boolean {
  return writer.iterateLastCharCodes((code) => (code === CLOSE_BRACE ? true : BLANKS.has(code) ? undefined : false)) ?? false;
}

/** Statements one per line, with a blank line after a closing brace (as ts-morph's printer separates them). */
function writeStatements(writer: CodeBlockWriter, statements: readonly Statement[]): void {
  for (const statement of statements) {
    if (endsWithCloseBrace(writer)) writer.blankLineIfLastNot();
    else if (!writer.isAtStartOfFirstLineOfBlock()) writer.newLineIfLastNot();
    if (typeof statement === 'string') writer.write(statement);
    else if (typeof statement === 'function') statement(writer);
    else {
      if (statement.blankLineBefore) writer.blankLineIfLastNot();
      writer.write(statement.text);
    }
  }
}

function isLaidOut(statement: Statement): statement is LaidOutStatement {
  return typeof statement === 'object';
}

/**
 * Statements laid out already, joined as the writer would separate them: a blank line after a closing brace
 * or where the statement asks for one, a line break otherwise.
 */
function joinLaidOut(statements: readonly LaidOutStatement[]): string {
  let text = '';
  let previous: LaidOutStatement | undefined;
  for (const statement of statements) {
    if (previous) text += statement.blankLineBefore || previous.text.trimEnd().endsWith('}') ? '\n\n' : '\n';
    text += statement.text;
    previous = statement;
  }
  return text;
}

/** Statements laid out already need no writer (the script modules: most of the output). */
function printStatements(statements: readonly Statement[]): string {
  if (statements.every(isLaidOut)) return joinLaidOut(statements);
  const writer = new CodeBlockWriter({ indentNumberOfSpaces: 2, useTabs: false, newLine: '\n', useSingleQuote: true });
  writeStatements(writer, statements);
  return writer.toString();
}

/** Prints one module (2-space indent, single quotes, LF) behind its banner, then applies its last touch. */
export function printModule(module: ModuleSource): GeneratedFile {
  const body = `${module.banner}\n${printStatements(module.statements).replace(/^\n+/, '').replace(/\n+$/, '')}\n`;
  return { path: module.path, content: module.finish ? module.finish(body) : body };
}
