import { printStructure, StructureKind, type StatementStructures, type WriterFunction } from 'ts-morph';

/** A statement of a printed module: a structure, raw text, or a writer for hand-laid code. */
export type Statement = string | WriterFunction | StatementStructures;

/** One file luagen writes, with its path relative to the output folder (POSIX). */
export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}

/** Prints a whole module once: the banner, then the statements (2-space indent, single quotes, LF). */
export function printModule(banner: string, statements: Statement[]): string {
  const body = printStructure(
    { kind: StructureKind.SourceFile, statements },
    { indentNumberOfSpaces: 2, newLine: '\n', useSingleQuote: true },
  );
  return `${banner}\n${body.replace(/\n+$/, '')}\n`;
}
