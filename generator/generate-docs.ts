import * as posixPath from 'node:path/posix';
import { cell, cellCode, code, headingAnchor, markdownBanner, table } from './docs/markdown';
import { scriptHeading, scriptSection } from './docs/script-section';
import type { GeneratedFile } from './emit/module';
import type { ScriptModel } from './model/script';

export interface DocsOptions {
  /** The folder the scripts were read from, as in the config (`lua`). */
  readonly srcDir: string;
  /** The folder the catalog is written to, relative to the same working directory (`docs/scripts`). */
  readonly docsDir: string;
}

/** The page holding the scripts of one namespace: `ratelimit.md`; top-level scripts stay on the index. */
const INDEX_PAGE = 'README.md';

function pageOf(script: ScriptModel): string {
  return script.namespace.length === 0 ? INDEX_PAGE : `${script.namespace.join('.')}.md`;
}

/**
 * The script catalog, as Markdown, from the models generate() returns: an index (README.md) and one page per
 * namespace. Pure and deterministic: sorted, LF, no timestamps; links are relative, so the folder can be
 * published with a project's docs.
 */
export function generateDocs(scripts: readonly ScriptModel[], options: DocsOptions): GeneratedFile[] {
  const sorted = [...scripts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byPage = new Map<string, ScriptModel[]>();
  for (const script of sorted) byPage.set(pageOf(script), [...(byPage.get(pageOf(script)) ?? []), script]);
  const source = `${options.srcDir}/ (${scripts.length} script${scripts.length === 1 ? '' : 's'})`;
  const toSource = (script: ScriptModel) => linkTarget(posixPath.relative(options.docsDir, script.sourcePath));
  const pages: GeneratedFile[] = [{ path: INDEX_PAGE, content: indexPage(sorted, byPage.get(INDEX_PAGE) ?? [], source, toSource) }];
  for (const [page, pageScripts] of byPage) {
    if (page !== INDEX_PAGE) pages.push({ path: page, content: namespacePage(page, pageScripts, source, toSource) });
  }
  return pages.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** A path usable as a Markdown link target (spaces and parentheses would end it). */
function linkTarget(relativePath: string): string {
  return relativePath.replace(/ /g, '%20').replace(/\(/g, '%28').replace(/\)/g, '%29');
}

function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const end = flat.search(/\.(\s+[A-Z]|$)/);
  return end === -1 ? flat : flat.slice(0, end + 1);
}

function indexPage(
  scripts: readonly ScriptModel[],
  topLevel: readonly ScriptModel[],
  source: string,
  toSource: (s: ScriptModel) => string,
): string {
  const rows = scripts.map((s) => {
    const page = pageOf(s) === INDEX_PAGE ? '' : pageOf(s);
    const link = `[${cellCode(s.id)}](${page}#${headingAnchor(scriptHeading(s))})`;
    return [link, s.readonly ? 'yes' : 'no', cell(firstSentence(s.description))];
  });
  const parts = [
    markdownBanner(source),
    '# Script catalog',
    `Every script luagen builds from ${code(source.replace(/ \(.*$/, ''))}, generated from the script headers by ` +
      '`luagen docs`. Each entry shows the TypeScript call, the keys, the arguments, the reply type and the error codes.',
    scripts.length === 0 ? '_No scripts yet._' : table(['script', 'read-only', 'what it does'], rows),
    ...topLevel.map((s) => scriptSection(s, toSource(s))),
  ];
  return `${parts.join('\n\n')}\n`;
}

function namespacePage(page: string, scripts: readonly ScriptModel[], source: string, toSource: (s: ScriptModel) => string): string {
  const namespace = page.replace(/\.md$/, '');
  const parts = [
    markdownBanner(source),
    `# ${namespace}`,
    `[Script catalog](${INDEX_PAGE}) › ${code(namespace)}: ${scripts.length} script${scripts.length === 1 ? '' : 's'}.`,
    ...scripts.map((s) => scriptSection(s, toSource(s))),
  ];
  return `${parts.join('\n\n')}\n`;
}
