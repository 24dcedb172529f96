import * as path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic';

/**
 * `--- @include "relative/path"` (the `.lua` suffix optional): the named file's text is inlined right after
 * the directive line, once per script however often it is reached. Paths are relative to the including file
 * and may not leave the source folder.
 */
const INCLUDE_DIRECTIVE = /^(\s*---\s*)@include\b\s*(?:(["'])(.*?)\2)?/;

export interface IncludeDirective {
  /** 1-based line of the directive in its file. */
  readonly line: number;
  readonly column: number;
  /** The path as written, or undefined when the directive names none. */
  readonly target: string | undefined;
}

/** True for a line that is an include directive (the header parser leaves these alone). */
export function isIncludeLine(line: string): boolean {
  return INCLUDE_DIRECTIVE.test(line);
}

/** The include directives of a file, in order. */
export function includeDirectives(text: string): IncludeDirective[] {
  if (!text.includes('@include')) return [];
  const directives: IncludeDirective[] = [];
  text.split('\n').forEach((line, index) => {
    const match = INCLUDE_DIRECTIVE.exec(line);
    if (match) directives.push({ line: index + 1, column: match[1].length + 1, target: match[3] });
  });
  return directives;
}

/** A run of consecutive lines of the expanded text that come from one file. */
export interface SourceSegment {
  /** 1-based line in the expanded text where the run starts. */
  readonly expandedLine: number;
  readonly file: string;
  /** 1-based line in `file` where the run starts. */
  readonly line: number;
}

export interface ExpandedScript {
  /** The script with every include inlined: the text Redis runs. */
  readonly text: string;
  /** Where each line of `text` comes from, in order; a single segment when nothing was included. */
  readonly segments: readonly SourceSegment[];
  /** Every file inlined, in the order they were reached. */
  readonly included: readonly string[];
  readonly diagnostics: Diagnostic[];
}

/** Resolves an include target against the including file; undefined when it leaves `srcDir`. */
export function resolveInclude(from: string, target: string, srcDir: string): string | undefined {
  if (target === '' || path.posix.isAbsolute(target) || /^[A-Za-z]:[\\/]/.test(target) || target.includes('\\')) return undefined;
  const withSuffix = target.endsWith('.lua') ? target : `${target}.lua`;
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(from), withSuffix));
  const root = path.posix.normalize(srcDir).replace(/\/+$/, '');
  // The source folder may itself lie outside the working directory (`--src ../shared/lua`): contain in it.
  if (root === '.' || root === '') return resolved === '..' || resolved.startsWith('../') ? undefined : resolved;
  return resolved.startsWith(`${root}/`) ? resolved : undefined;
}

/** Every file that some file includes: these are modules, not scripts. */
export function includedFiles(files: ReadonlyMap<string, string>, srcDir: string): Set<string> {
  const included = new Set<string>();
  for (const [file, text] of files) {
    for (const directive of includeDirectives(text)) {
      const resolved = directive.target === undefined ? undefined : resolveInclude(file, directive.target, srcDir);
      if (resolved !== undefined && files.has(resolved)) included.add(resolved);
    }
  }
  return included;
}

/**
 * Inlines the includes of `file`, depth first, each file once. Lines are kept byte for byte; every directive
 * line stays (it is a Lua comment) and the included text follows it.
 */
export function expandIncludes(file: string, files: ReadonlyMap<string, string>, srcDir: string): ExpandedScript {
  const parts: string[] = [];
  const segments: SourceSegment[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>([file]);
  let expandedLines = 0;

  const emit = (from: string, lines: readonly string[], firstLine: number): void => {
    if (lines.length === 0) return;
    segments.push({ expandedLine: expandedLines + 1, file: from, line: firstLine });
    parts.push(lines.join('\n'));
    expandedLines += lines.length;
  };
  const visit = (current: string, chain: readonly string[]): void => {
    const text = files.get(current) ?? '';
    const lines = text.split('\n');
    let start = 0;
    for (const directive of includeDirectives(text)) {
      const target = checkDirective(current, directive, chain, files, srcDir, diagnostics);
      if (target === undefined || seen.has(target)) continue;
      seen.add(target);
      emit(current, lines.slice(start, directive.line), start + 1);
      start = directive.line;
      visit(target, [...chain, target]);
    }
    emit(current, lines.slice(start), start + 1);
  };
  visit(file, [file]);
  const text = segments.length <= 1 ? (files.get(file) ?? '') : parts.join('\n');
  return { text, segments, included: [...seen].slice(1), diagnostics };
}

/** The file a directive names, or undefined (and a diagnostic) when it cannot be inlined. */
function checkDirective(
  current: string,
  directive: IncludeDirective,
  chain: readonly string[],
  files: ReadonlyMap<string, string>,
  srcDir: string,
  diagnostics: Diagnostic[],
): string | undefined {
  const at = { file: current, line: directive.line, column: directive.column, severity: 'error' as const };
  if (directive.target === undefined) {
    diagnostics.push({ ...at, code: 'LG020', message: '@include names no file', help: 'write the path in quotes, relative to this file: --- @include "includes/helpers"' });
    return undefined;
  }
  const resolved = resolveInclude(current, directive.target, srcDir);
  if (resolved === undefined) {
    const message = `@include "${directive.target}" leaves the source folder '${srcDir}'`;
    diagnostics.push({ ...at, code: 'LG020', message, help: 'include only files inside the source folder, with a path relative to this file' });
    return undefined;
  }
  if (!files.has(resolved)) {
    const message = `@include "${directive.target}": ${resolved} does not exist`;
    diagnostics.push({ ...at, code: 'LG020', message, help: 'the path is relative to this file and the .lua suffix may be left out; luagen follows no symbolic links' });
    return undefined;
  }
  if (chain.includes(resolved)) {
    const cycle = [...chain.slice(chain.indexOf(resolved)), resolved].join(' -> ');
    diagnostics.push({ ...at, code: 'LG021', message: `include cycle: ${cycle}`, help: 'an include is inlined once per script: remove the include that closes the cycle' });
    return undefined;
  }
  return resolved;
}

/** Maps a line of the expanded text back to the file and line it came from. */
export function originOf(segments: readonly SourceSegment[], expandedLine: number): { file: string; line: number } {
  let segment = segments[0];
  for (const candidate of segments) {
    if (candidate.expandedLine > expandedLine) break;
    segment = candidate;
  }
  return { file: segment.file, line: expandedLine - segment.expandedLine + segment.line };
}
