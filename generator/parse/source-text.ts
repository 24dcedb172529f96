import type { Diagnostic } from '../diagnostics/diagnostic';

/**
 * What luagen reads from a `.lua` file before parsing it. Redis's Lua 5.1 lexer reads each of `\r\n`, `\n\r`,
 * `\r` and `\n` as one line break, everywhere (in long strings and escaped string line ends too, where it stores
 * `\n`), so writing every one of them as `\n` changes neither a value nor a line number: the text luagen hashes,
 * inlines and sends is then free of CR, which a template literal would otherwise rewrite.
 */
const LUA_LINE_BREAK = /\r\n|\n\r|\r|\n/g;

/** The source with every Lua line break written as `\n`. */
export function withLuaLineBreaks(source: string): string {
  return source.includes('\r') ? source.replace(LUA_LINE_BREAK, '\n') : source;
}

/** Scripts larger than this are refused (LG014): Redis scripts are small, and reading larger ones costs seconds. */
export const MAX_SCRIPT_BYTES = 1024 * 1024;

/** 1-based line and column (in characters) of a byte offset, counting lines as Lua does. */
export function positionOfByte(bytes: Buffer, offset: number): { line: number; column: number } {
  const lines = withLuaLineBreaks(bytes.subarray(0, offset).toString('utf8')).split('\n');
  return { line: lines.length, column: [...lines[lines.length - 1]].length + 1 };
}

/** The offset of the first byte that does not begin a valid UTF-8 sequence, or -1 when all of them do. */
export function firstInvalidUtf8(bytes: Buffer): number {
  for (let i = 0; i < bytes.length; ) {
    const length = sequenceLength(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return -1;
}

/** The length of the valid UTF-8 sequence at `i` (RFC 3629: no overlong forms, surrogates or code points past U+10FFFF), or 0. */
function sequenceLength(bytes: Buffer, i: number): number {
  const lead = bytes[i];
  if (lead < 0x80) return 1;
  const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  if (length === 0) return 0;
  const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
  const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
  for (let k = 1; k < length; k++) {
    const byte = bytes[i + k];
    if (byte === undefined || byte < (k === 1 ? low : 0x80) || byte > (k === 1 ? high : 0xbf)) return 0;
  }
  return length;
}

/** Why a file's bytes were not handed to the parser, and where. */
export type RefusedSource =
  | { readonly kind: 'invalid-utf8'; readonly byte: number; readonly line: number; readonly column: number }
  | { readonly kind: 'too-large'; readonly bytes: number; readonly line: number; readonly column: number };

export function refusedSourceDiagnostic(file: string, refused: RefusedSource): Diagnostic {
  const at = { file, line: refused.line, column: refused.column, severity: 'error' as const };
  if (refused.kind === 'invalid-utf8') {
    const byte = `0x${refused.byte.toString(16).padStart(2, '0')}`;
    return {
      ...at,
      code: 'LG013',
      message: `byte ${byte} is not valid UTF-8: luagen sends a script's exact bytes and will not guess what this one means`,
      help: "save the file as UTF-8; for a binary byte inside a Lua string write it as a decimal escape (\\ddd, e.g. '\\255')",
    };
  }
  return {
    ...at,
    code: 'LG014',
    message: `the script is ${refused.bytes} bytes; luagen accepts scripts up to ${MAX_SCRIPT_BYTES} bytes (1 MiB)`,
    help: 'Redis scripts are loaded into every server and parsed on each SCRIPT LOAD: keep data out of the script (pass it in ARGV or store it in keys) or split the script',
  };
}
