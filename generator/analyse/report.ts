import type { Node } from 'luaparse';
import { DIAGNOSTIC_CODES, type DiagnosticCode } from '../diagnostics/codes';
import type { Diagnostic, Position, Severity } from '../diagnostics/diagnostic';
import type { ParsedScript } from '../parse/parsed-script';

/** Adds one finding about a node (or a header position); the severity defaults to the code's registered one. */
export type Report = (where: Node | Position, code: DiagnosticCode, message: string, help: string, severity?: Severity) => void;

/** A reporter that appends to `into`, converting luaparse locations to 1-based line and column. */
export function reporter(script: ParsedScript, into: Diagnostic[]): Report {
  return (where, code, message, help, severity = DIAGNOSTIC_CODES[code].severity) => {
    const at = 'line' in where ? where : positionOf(script, where);
    into.push({ file: script.file, line: at.line, column: at.column, code, severity, message, help });
  };
}

/**
 * luaparse reads the UTF-8 bytes as latin1 and counts 0-based byte columns; editors count characters from 1.
 */
export function positionOf(script: ParsedScript, node: Node): Position {
  const start = node.loc?.start ?? { line: 1, column: 0 };
  const text = script.lines[start.line - 1] ?? '';
  return { line: start.line, column: characterColumn(text, start.column) + 1 };
}

function characterColumn(line: string, byteColumn: number): number {
  if (/^[\x00-\x7f]*$/.test(line)) return byteColumn;
  const bytes = Buffer.from(line, 'utf8').subarray(0, byteColumn);
  return bytes.toString('utf8').length;
}
