import { printStructure, StructureKind, type StatementStructures, type WriterFunction } from 'ts-morph';

/** A statement of a printed module: a structure, raw text, or a writer for hand-laid code. */
export type Statement = string | WriterFunction | StatementStructures;

/** One file luagen writes, with its path relative to the output folder (POSIX). */
export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}

/** A module before printing: its structures, and a last touch applied to the printed text. */
export interface ModuleSource {
  readonly path: string;
  readonly banner: string;
  readonly statements: readonly Statement[];
  readonly finish?: (printed: string) => string;
}

const SEPARATOR = '// luagen:module';

/**
 * Prints every module with ONE printStructure call (2-space indent, single quotes, LF), then cuts the text at
 * separator comments: one writer for the whole output is several times faster than one per module.
 */
export function printModules(modules: readonly ModuleSource[]): GeneratedFile[] {
  const statements: Statement[] = [];
  modules.forEach((module, index) => {
    statements.push((writer) => writer.blankLineIfLastNot().writeLine(`${SEPARATOR} ${index}`), ...module.statements);
  });
  const printed = printStructure(
    { kind: StructureKind.SourceFile, statements },
    { indentNumberOfSpaces: 2, newLine: '\n', useSingleQuote: true },
  );
  const bodies = printed.split(new RegExp(`^${SEPARATOR} \\d+\\n`, 'm')).slice(1);
  if (bodies.length !== modules.length) throw new Error(`luagen: printed ${bodies.length} modules, expected ${modules.length}`);
  return modules.map((module, index) => {
    const body = `${module.banner}\n${(bodies[index] ?? '').replace(/^\n+/, '').replace(/\n+$/, '')}\n`;
    return { path: module.path, content: module.finish ? module.finish(body) : body };
  });
}
