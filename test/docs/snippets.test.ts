import { promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { DEFAULT_CONFIG, type LuagenConfig } from '../../generator/config';
import { DIAGNOSTIC_CODES } from '../../generator/diagnostics/codes';
import { discoverScripts } from '../../generator/discover/discover';
import { readTemplates } from '../../generator/discover/templates';
import { generate, type ScriptInput } from '../../generator/generate';
import { CLIENT_EXPORTS } from '../../generator/model/generated-names';
import { applyPlan } from '../../generator/write/apply';
import { planWrite } from '../../generator/write/plan';
import { REPO_ROOT } from '../support/generate-fixture';
import { readSnippets, type Snippet } from './snippets';

/**
 * Every ```lua and ```ts block of README.md and docs/ is checked, so the docs cannot drift from the product (see
 * snippets.ts for the markers): Lua is built with generate(); TypeScript is type-checked against a client
 * generated from lua/ plus the docs' own named scripts.
 */
const SNIPPETS = readSnippets(REPO_ROOT);
const checked = (language: Snippet['language']) => SNIPPETS.filter((s) => s.language === language && !s.skip);
const OUT = path.join(REPO_ROOT, 'test/.generated/docs-snippets');

const slug = (s: Snippet) => `${s.page.replace(/\.md$/, '').replace(/[^A-Za-z0-9]+/g, '_').toLowerCase()}_l${s.line}`;
const luaPaths = (s: Snippet) => (s.files.length > 0 ? s.files : [`docs_snippet/${slug(s)}`]).map((f) => `lua/${f}.lua`);

let templates: Awaited<ReturnType<typeof readTemplates>>;
beforeAll(async () => {
  templates = await readTemplates();
});

describe('Lua snippets build with exactly the findings their marker states', () => {
  it.each(checked('lua').map((s) => [s.where, s] as const))('%s', (_where, snippet) => {
    const scripts = luaPaths(snippet).map((p) => ({ path: p, text: snippet.text }));
    const server = (snippet.server ?? DEFAULT_CONFIG.server) as LuagenConfig['server'];
    const result = generate({ ...DEFAULT_CONFIG, cluster: snippet.cluster, server }, { scripts, templates });
    const codes = [...new Set(result.diagnostics.map((d) => d.code))].sort();
    const found = result.diagnostics.map((d) => `${d.severity} ${d.code}: ${d.message}`);
    expect({ codes, found }).toEqual({ codes: snippet.fails, found: snippet.fails.length === 0 ? [] : found });
  });
});

describe('TypeScript snippets type-check against the generated client', () => {
  const typescript = checked('ts');
  let diagnostics: Map<string, string[]>;

  beforeAll(async () => {
    // The diagnostics page's examples are built one by one (above); other named scripts join the docs' client.
    const named = checked('lua').filter((s) => s.files.length > 0 && s.fails.length === 0 && s.page !== 'docs/diagnostics.md');
    const library = await discoverScripts(REPO_ROOT, 'lua');
    const fromDocs: ScriptInput[] = named.flatMap((s) => luaPaths(s).map((p) => ({ path: p, text: s.text })));
    const taken = new Set(library.map((s) => s.path));
    const clash = fromDocs.filter((s) => taken.has(s.path)).map((s) => s.path);
    if (clash.length > 0) throw new Error(`docs snippets redefine library scripts: ${clash.join(', ')}`);
    const result = generate(DEFAULT_CONFIG, { scripts: [...library, ...fromDocs], templates });
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) throw new Error(`the docs' client has errors: ${errors.map((d) => `${d.file} ${d.code}`).join(', ')}`);
    const clientDir = path.join(OUT, 'generated');
    await fs.mkdir(clientDir, { recursive: true });
    await applyPlan(clientDir, await planWrite(clientDir, result.files));
    const exported = exportedNames(readFileSync(path.join(clientDir, 'index.ts'), 'utf8'));
    const files = typescript.map((s) => ({ snippet: s, file: path.join(OUT, `${slug(s)}.ts`) }));
    for (const { snippet, file } of files) await fs.writeFile(file, withPrelude(snippet.text, exported));
    diagnostics = typeCheck(files.map((f) => f.file));
  }, 120_000);

  it('has snippets to check', () => {
    expect(typescript.length).toBeGreaterThan(5);
  });

  it.each(typescript.map((s) => [s.where, s] as const))('%s', (_where, snippet) => {
    const found = diagnostics.get(path.join(OUT, `${slug(snippet)}.ts`)) ?? [];
    const codes = [...new Set(found.map((d) => d.replace(/:.*$/s, '')))].sort();
    expect({ codes, found }).toEqual({ codes: snippet.fails, found: snippet.fails.length === 0 ? [] : found });
  });
});

describe('docs/diagnostics.md', () => {
  const page = SNIPPETS.filter((s) => s.page === 'docs/diagnostics.md');
  const markdown = readFileSync(path.join(REPO_ROOT, 'docs/diagnostics.md'), 'utf8').split('\n');
  const sectionOf = (code: string) => {
    const start = markdown.findIndex((l) => l.trim() === `### ${code}`);
    const end = markdown.findIndex((l, i) => i > start && /^#{1,3} /.test(l));
    return { start: start + 1, end: end === -1 ? markdown.length : end + 1 };
  };

  // Findings about a file's bytes that a Markdown page cannot hold; the CLI test named in the section builds them.
  const NOT_IN_A_PAGE: Readonly<Record<string, string>> = {
    LG013: 'invalid UTF-8 bytes (test/cli/source-fidelity.test.ts)',
    LG014: 'a script over 1 MiB (test/cli/source-fidelity.test.ts)',
  };

  it.each(Object.keys(DIAGNOSTIC_CODES))('%s has a section with a failing and a fixed example, both checked', (code) => {
    const { start, end } = sectionOf(code);
    expect(start).toBeGreaterThan(0);
    const inSection = page.filter((s) => s.language === 'lua' && !s.skip && s.line > start && s.line < end);
    const failing = code in NOT_IN_A_PAGE || inSection.some((s) => s.fails.includes(code));
    expect({ code, failing }).toEqual({ code, failing: true });
    expect({ code, fixed: inSection.some((s) => s.fails.length === 0) }).toEqual({ code, fixed: true });
  });
});

/** Every name the generated index exports. */
function exportedNames(index: string): Set<string> {
  const listed = [...index.matchAll(/^export (?:type )?\{([^}]*)\}/gm)].flatMap((m) => m[1].split(',').map((n) => n.trim()));
  return new Set([...CLIENT_EXPORTS, ...listed].filter((n) => n !== ''));
}

/**
 * A snippet with imports is complete: it is checked as written. One without (a bare call, as the catalog shows)
 * gets the client's names and a bound `scripts`. A `type X = ...` it declares for a name the client exports must
 * be the same type as the client's: both are checked to be assignable to each other.
 */
function withPrelude(text: string, exported: ReadonlySet<string>): string {
  if (/^import\s/m.test(text)) return text;
  const declared = [...text.matchAll(/^type (\w+)\s*=/gm)].map((m) => m[1]).filter((n) => exported.has(n));
  const names = [...exported].filter((n) => n !== 'scripts' && !declared.includes(n)).sort();
  const prelude = [
    "import Redis from 'ioredis';",
    `import { ${names.join(', ')} } from './generated';`,
    `import type { ${declared.map((n) => `${n} as Generated${n}`).join(', ')} } from './generated';`,
    'declare const redis: Redis;',
    'const scripts = bindScripts(redis);',
  ];
  const sameType = declared.map((n) => `export const same${n} = [null! as ${n} satisfies Generated${n}, null! as Generated${n} satisfies ${n}];`);
  return [prelude.join(' '), text, ...sameType].join('\n');
}

/** `TS2322: message` per file, under the options an application would use (strict, ES2022, top-level await). */
function typeCheck(files: readonly string[]): Map<string, string[]> {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    esModuleInterop: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['node'],
  };
  const result = new Map<string, string[]>();
  for (const d of ts.getPreEmitDiagnostics(ts.createProgram([...files], options))) {
    const file = d.file?.fileName ?? '';
    result.set(path.resolve(file), [...(result.get(path.resolve(file)) ?? []), `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`]);
  }
  return result;
}
