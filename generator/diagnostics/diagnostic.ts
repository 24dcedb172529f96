import type { DiagnosticCode } from './codes';

export type Severity = 'error' | 'warning';

/** A 1-based position in a source file. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** One finding about one place in one file. */
export interface Diagnostic extends Position {
  /** POSIX path of the file, relative to the working directory (e.g. `lua/atomic/transfer.lua`). */
  readonly file: string;
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  /** What is wrong, in one sentence. */
  readonly message: string;
  /** How to fix it. */
  readonly help?: string;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  if (a.column !== b.column) return a.column - b.column;
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(compareDiagnostics);
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
