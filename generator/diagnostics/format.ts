import type { Diagnostic } from './diagnostic';
import { diagnosticDocsLink } from './docs-link';

export type DiagnosticFormat = 'text' | 'json' | 'github';

/** The help text followed by the link to the code's section: `fix it like this (docs/diagnostics.md#lg004)`. */
function helpWithLink(d: Diagnostic): string {
  const link = diagnosticDocsLink(d.code);
  return d.help ? `${d.help} (${link})` : `see ${link}`;
}

/** `lua/x.lua:3:7: error LG004: message` followed by an indented `help:` line ending in the code's docs link. */
export function formatText(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${d.message}\n  help: ${helpWithLink(d)}`;
}

/** A GitHub Actions workflow command (`::error file=...,line=...,col=...,title=...::message`). */
export function formatGithub(d: Diagnostic): string {
  return githubAnnotation({ ...d, title: d.code, body: `${d.message}\n${helpWithLink(d)}` });
}

export interface GithubAnnotation {
  readonly severity: Diagnostic['severity'];
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly title: string;
  readonly body: string;
}

/** One workflow command, its properties and text escaped as GitHub Actions requires. */
export function githubAnnotation(a: GithubAnnotation): string {
  const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const escapeProp = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const props = `file=${escapeProp(a.file)},line=${a.line},col=${a.column},title=${escapeProp(a.title)}`;
  return `::${a.severity} ${props}::${escapeData(a.body)}`;
}

/** The JSON form of one diagnostic: its fields plus `docs`, the link to the code's section. */
function toJson(d: Diagnostic): Diagnostic & { readonly docs: string } {
  return { ...d, docs: diagnosticDocsLink(d.code) };
}

export function formatDiagnostics(diagnostics: readonly Diagnostic[], format: DiagnosticFormat): string {
  if (format === 'json') return JSON.stringify(diagnostics.map(toJson), null, 2);
  const lines = diagnostics.map(format === 'github' ? formatGithub : formatText);
  return lines.join('\n');
}
