import type { Diagnostic } from '../diagnostics/diagnostic';
import type { ShebangAst } from './header-ast';

/** The flags Redis 7 accepts in a script's `#!lua flags=...` line. */
export const SHEBANG_FLAGS = ['no-writes', 'allow-oom', 'allow-stale', 'no-cluster', 'allow-cross-slot-keys'] as const;

export interface ShebangParse {
  readonly shebang: ShebangAst | undefined;
  readonly diagnostics: Diagnostic[];
}

/** Reads `#!lua flags=a,b` from the first line, when the file starts with `#!`. */
export function parseShebang(file: string, firstLine: string): ShebangParse {
  if (!firstLine.startsWith('#!')) return { shebang: undefined, diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  const report = (column: number, message: string, help: string) =>
    diagnostics.push({ file, line: 1, column, code: 'LG010', severity: 'error', message, help });
  const [engine = '', ...parts] = firstLine.slice(2).trim().split(/\s+/);
  if (engine !== 'lua') report(3, `unknown script engine '${engine}' in shebang`, 'write #!lua flags=...');
  let flags: string[] = [];
  let hasFlags = false;
  for (const part of parts) {
    const column = firstLine.indexOf(part) + 1;
    if (!part.startsWith('flags=')) {
      report(column, `'${part}' is not valid in a script shebang`, `only flags=${SHEBANG_FLAGS.join(',')} may follow #!lua`);
      continue;
    }
    hasFlags = true;
    flags = part.slice('flags='.length).split(',').filter((f) => f !== '');
    let flagColumn = column + 'flags='.length;
    for (const flag of part.slice('flags='.length).split(',')) {
      if (flag !== '' && !(SHEBANG_FLAGS as readonly string[]).includes(flag)) {
        report(flagColumn, `unknown shebang flag '${flag}'`, `Redis accepts ${SHEBANG_FLAGS.join(', ')}`);
      }
      flagColumn += flag.length + 1;
    }
  }
  return { shebang: { engine, flags, hasFlags }, diagnostics };
}
