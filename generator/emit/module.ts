// code-block-writer is the writer ts-morph prints with (and re-exports); imported directly, it comes without the
// TypeScript compiler that importing 'ts-morph' loads.
import CodeBlockWriter from 'code-block-writer';

export type { CodeBlockWriter };

/** Writes hand-laid code with the module's writer. */
export type WriterFunction = (writer: CodeBlockWriter) => void;

/** A statement of a printed module: raw text, or a writer (see declarations.ts for imports, interfaces ...). */
export type Statement = string | WriterFunction;

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
  /**
   * Text already laid out, put after the statements (a blank line between) without going through the writer,
   * which would scan each of its characters: whole lines, ending without a line break.
   */
  readonly tail?: string;
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
    else statement(writer);
  }
}

/** Prints one module (2-space indent, single quotes, LF) behind its banner, then applies its last touch. */
export function printModule(module: ModuleSource): GeneratedFile {
  const writer = new CodeBlockWriter({ indentNumberOfSpaces: 2, useTabs: false, newLine: '\n', useSingleQuote: true });
  writeStatements(writer, module.statements);
  const printed = writer.toString().replace(/^\n+/, '').replace(/\n+$/, '');
  const body = `${module.banner}\n${printed}${module.tail === undefined ? '' : `\n\n${module.tail}`}\n`;
  return { path: module.path, content: module.finish ? module.finish(body) : body };
}
