import type { Diagnostic } from './diagnostic';

export type DiagnosticFormat = 'text' | 'json' | 'github';

/** `lua/x.lua:3:7: error LG004: message` followed by an indented `help:` line when there is one. */
export function formatText(d: Diagnostic): string {
  const head = `${d.file}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${d.message}`;
  return d.help ? `${head}\n  help: ${d.help}` : head;
}

/** A GitHub Actions workflow command (`::error file=...,line=...,col=...,title=...::message`). */
export function formatGithub(d: Diagnostic): string {
  const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const escapeProp = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const body = d.help ? `${d.message}\n${d.help}` : d.message;
  const props = `file=${escapeProp(d.file)},line=${d.line},col=${d.column},title=${escapeProp(d.code)}`;
  return `::${d.severity} ${props}::${escapeData(body)}`;
}

export function formatDiagnostics(diagnostics: readonly Diagnostic[], format: DiagnosticFormat): string {
  if (format === 'json') return JSON.stringify(diagnostics, null, 2);
  const lines = diagnostics.map(format === 'github' ? formatGithub : formatText);
  return lines.join('\n');
}
