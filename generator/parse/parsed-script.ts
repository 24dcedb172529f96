import type { Chunk } from 'luaparse';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { HeaderAst } from './header-ast';
import { parseHeader } from './header';
import { parseLua } from './lua';

/** One script after parsing: the header and the Lua tree, both with source positions. */
export interface ParsedScript {
  /** POSIX path, e.g. `lua/atomic/transfer.lua`. */
  readonly file: string;
  readonly source: string;
  readonly lines: readonly string[];
  readonly header: HeaderAst;
  /** Undefined when the Lua does not parse (a LG001 diagnostic says why). */
  readonly chunk: Chunk | undefined;
}

export function parseScript(file: string, source: string): { script: ParsedScript; diagnostics: Diagnostic[] } {
  const lines = source.split(/\r?\n/);
  const header = parseHeader(file, lines);
  const lua = parseLua(file, source);
  const script = { file, source, lines, header: header.header, chunk: lua.chunk };
  return { script, diagnostics: [...header.diagnostics, ...lua.diagnostics] };
}
