import type { DiagnosticCode } from './codes';

/**
 * Where a code's section lives: `docs/diagnostics.md#lg210`. The path is relative to luagen's own root: the
 * repository for contributors (and on any Git host, from the repository's front page), and the installed
 * package for users (`node_modules/luagen/docs/diagnostics.md`; `docs/` ships in the package, so the page
 * always matches the installed version, offline too). Every diagnostic's link is formed here and only here.
 */
export const DIAGNOSTICS_PAGE = 'docs/diagnostics.md';

export function diagnosticDocsLink(code: DiagnosticCode): string {
  return `${DIAGNOSTICS_PAGE}#${code.toLowerCase()}`;
}
