import * as luaparse from 'luaparse';
import type { Chunk } from 'luaparse';
import type { Diagnostic } from '../diagnostics/diagnostic';

export interface LuaParse {
  /** The syntax tree (luaparse, Lua 5.1, with locations and scope), when the source parses. */
  readonly chunk: Chunk | undefined;
  readonly diagnostics: Diagnostic[];
}

interface LuaparseSyntaxError extends SyntaxError {
  line: number;
  column: number;
  index: number;
}

function isLuaparseError(error: unknown): error is LuaparseSyntaxError {
  return error instanceof SyntaxError && typeof (error as Partial<LuaparseSyntaxError>).line === 'number';
}

/**
 * Parses Lua 5.1 source the way Redis will load it. The text is handed over byte for byte (latin1) so that
 * string literal values are the bytes Redis sees.
 */
export function parseLua(file: string, source: string): LuaParse {
  const bytes = Buffer.from(source, 'utf8').toString('latin1');
  try {
    const chunk = luaparse.parse(bytes, {
      luaVersion: '5.1',
      locations: true,
      ranges: true,
      scope: true,
      comments: false,
      encodingMode: 'pseudo-latin1',
    });
    return { chunk, diagnostics: [] };
  } catch (error) {
    if (!isLuaparseError(error)) throw error;
    // luaparse prefixes its message with "[line:col] "; the position is ours to print.
    const message = error.message.replace(/^\[\d+:\d+\]\s*/, '');
    return {
      chunk: undefined,
      diagnostics: [
        {
          file,
          line: error.line,
          column: error.column + 1,
          code: 'LG001',
          severity: 'error',
          message: `Lua syntax error: ${message}`,
          help: 'Redis runs Lua 5.1: fix the syntax at this position (luagen parses exactly as Redis will load it)',
        },
      ],
    };
  }
}
