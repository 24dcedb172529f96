import type { Chunk } from 'luaparse';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { HeaderAst } from './header-ast';
import { parseHeader } from './header';
import type { ExpandedScript, SourceSegment } from './includes';
import { originOf } from './includes';
import { parseLua } from './lua';

/** One script after parsing: the header and the Lua tree, both with source positions. */
export interface ParsedScript {
  /** POSIX path, e.g. `lua/atomic/transfer.lua`. */
  readonly file: string;
  /** The text Redis runs: the file with its includes inlined. Lines and positions below refer to it. */
  readonly source: string;
  readonly lines: readonly string[];
  /** Where each line of `source` comes from; one segment (the file itself) when nothing is included. */
  readonly segments: readonly SourceSegment[];
  readonly header: HeaderAst;
  /** Undefined when the Lua does not parse (a LG001 diagnostic says why). */
  readonly chunk: Chunk | undefined;
}

/**
 * Parses one script. With `expanded` (its includes inlined), the header is read from the file's own text (it
 * stands above any include) and the Lua from the expanded text.
 */
export function parseScript(file: string, text: string, expanded?: ExpandedScript): { script: ParsedScript; diagnostics: Diagnostic[] } {
  const source = expanded?.text ?? text;
  const lines = source.split(/\r?\n/);
  const header = parseHeader(file, expanded ? text.split(/\r?\n/) : lines);
  const lua = parseLua(file, source);
  const segments = expanded?.segments.length ? expanded.segments : [{ expandedLine: 1, file, line: 1 }];
  const script = { file, source, lines, segments, header: header.header, chunk: lua.chunk };
  const diagnostics = [...(expanded?.diagnostics ?? []), ...header.diagnostics, ...mapToSources(script, lua.diagnostics)];
  return { script, diagnostics };
}

/** Moves diagnostics found in the expanded text to the file and line they come from. */
export function mapToSources(script: Pick<ParsedScript, 'file' | 'segments'>, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  if (script.segments.length <= 1) return [...diagnostics];
  return diagnostics.map((d) => (d.file === script.file ? { ...d, ...originOf(script.segments, d.line) } : d));
}
