import * as luaparse from 'luaparse';
import type { Chunk } from 'luaparse';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { MAX_SYNTAX_LEVELS, tooDeep } from './syntax-levels';

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
  const bytes = latin1Bytes(source);
  try {
    const chunk = luaparse.parse(bytes, {
      luaVersion: '5.1',
      locations: true,
      ranges: true,
      scope: true,
      comments: false,
      encodingMode: 'pseudo-latin1',
    });
    const deep = tooDeep(chunk, bytes);
    if (!deep) return { chunk, diagnostics: [] };
    // The tree is not analysed further: Redis would not load the script, and walking it could exhaust the stack.
    const at = (deep.node as { loc?: { start: { line: number; column: number } } }).loc?.start ?? { line: 1, column: 0 };
    return { chunk: undefined, diagnostics: [tooDeepDiagnostic(file, at.line, at.column + 1)] };
  } catch (error) {
    if (error instanceof RangeError) {
      // luaparse recursed deeper than the JavaScript stack allows: far deeper than Redis allows.
      const at = firstTooDeepToken(bytes) ?? { line: 1, column: 1 };
      return { chunk: undefined, diagnostics: [tooDeepDiagnostic(file, at.line, at.column)] };
    }
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

const NON_ASCII = /[^\x00-\x7f]/;

/** The UTF-8 bytes of the source as a latin1 string; an ASCII source (most scripts) already is that string. */
function latin1Bytes(source: string): string {
  return NON_ASCII.test(source) ? Buffer.from(source, 'utf8').toString('latin1') : source;
}

function tooDeepDiagnostic(file: string, line: number, column: number): Diagnostic {
  return {
    file,
    line,
    column,
    code: 'LG001',
    severity: 'error',
    message: `Lua syntax error: chunk has too many syntax levels (Redis's Lua allows ${MAX_SYNTAX_LEVELS} nested blocks and sub-expressions)`,
    help: 'Redis refuses to load this script: flatten the nesting here (use local variables, or split the expression or function)',
  };
}

const OPENERS = new Set(['(', '{', '[', 'function', 'do', 'then', 'repeat']);
const CLOSERS = new Set([')', '}', ']', 'end', 'until', 'elseif']);
const EOF_TOKEN = 1;

/**
 * Where brackets and blocks first nest deeper than Redis allows, from the tokens alone (no recursion): the
 * position for a script too deep for luaparse to read. Undefined when the tokens do not show it.
 */
function firstTooDeepToken(bytes: string): { line: number; column: number } | undefined {
  try {
    const parser = luaparse.parse(bytes, { luaVersion: '5.1', encodingMode: 'pseudo-latin1', wait: true });
    let depth = 0;
    for (;;) {
      const token = parser.lex();
      if (token.type === EOF_TOKEN) return undefined;
      if (OPENERS.has(token.value)) depth++;
      else if (CLOSERS.has(token.value)) depth--;
      if (depth > MAX_SYNTAX_LEVELS) return { line: token.line, column: token.range[0] - token.lineStart + 1 };
    }
  } catch {
    return undefined;
  }
}
