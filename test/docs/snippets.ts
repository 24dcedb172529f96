import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * The code blocks of the docs, with the marker that tells the snippet test what to expect of each. A marker is an
 * HTML comment on the line right above the fence (invisible when the page is rendered):
 *
 *   <!-- snippet: skip -->                  deliberately partial: not checked
 *   <!-- snippet: file=counter/bump -->     the Lua is lua/counter/bump.lua (TypeScript snippets may call it,
 *                                           except for docs/diagnostics.md's examples, built one by one)
 *   <!-- snippet: file=a_b/c,a/b_c -->      the same Lua at several paths (naming collisions)
 *   <!-- snippet: fails LG205 -->           building it reports exactly these codes (TS: exactly these TSxxxx)
 *   <!-- snippet: cluster fails LG210 -->   built as with --cluster
 *   <!-- snippet: server=redis-7.4 -->      built for that server profile (--server)
 *
 * Without a marker, a Lua block must build without any finding and a TypeScript block must type-check.
 */
export interface Snippet {
  /** `docs/diagnostics.md:120` (the fence's line). */
  readonly where: string;
  readonly page: string;
  readonly line: number;
  readonly language: 'lua' | 'ts';
  readonly text: string;
  readonly skip: boolean;
  /** Paths below `lua/`, without `.lua`; empty: the test picks one. */
  readonly files: readonly string[];
  /** Codes the snippet must produce, sorted (empty: none). */
  readonly fails: readonly string[];
  readonly cluster: boolean;
  /** `server=<profile>`: built for that server profile. */
  readonly server: string | undefined;
}

const LANGUAGES: Record<string, 'lua' | 'ts'> = { lua: 'lua', ts: 'ts', typescript: 'ts' };
const MARKER = /^<!--\s*snippet:(.*)-->\s*$/;

export function parseSnippets(page: string, markdown: string): Snippet[] {
  const lines = markdown.split('\n');
  const snippets: Snippet[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```(\w*)\s*$/.exec(lines[i]);
    if (!open) continue;
    const close = lines.findIndex((l, j) => j > i && l.trim() === '```');
    if (close === -1) throw new Error(`${page}:${i + 1}: a code block is never closed`);
    const language = LANGUAGES[open[2]];
    if (language) {
      const text = lines.slice(i + 1, close).map((l) => l.slice(open[1].length)).join('\n') + '\n';
      snippets.push({ where: `${page}:${i + 1}`, page, line: i + 1, language, text, ...parseMarker(`${page}:${i}`, lines[i - 1] ?? '') });
    }
    i = close;
  }
  return snippets;
}

function parseMarker(where: string, line: string): Pick<Snippet, 'skip' | 'files' | 'fails' | 'cluster' | 'server'> {
  const marker = MARKER.exec(line.trim());
  const result = { skip: false, files: [] as string[], fails: [] as string[], cluster: false, server: undefined as string | undefined };
  if (!marker) return result;
  const words = marker[1].trim().split(/\s+/);
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word === 'skip') result.skip = true;
    else if (word === 'cluster') result.cluster = true;
    else if (word.startsWith('file=')) result.files = word.slice('file='.length).split(',');
    else if (word.startsWith('server=')) result.server = word.slice('server='.length);
    else if (word === 'fails') while (/^(LG|TS)\d+$/.test(words[i + 1] ?? '')) result.fails.push(words[++i]);
    else throw new Error(`${where}: unknown snippet marker word '${word}'`);
  }
  if (words.includes('fails') && result.fails.length === 0) throw new Error(`${where}: 'fails' names no code`);
  result.fails.sort();
  return result;
}

/** README.md, docs/*.md and the library's catalog (docs/library/*.md), as POSIX paths from the repo root. */
export function docPages(root: string): string[] {
  const inDocs = (dir: string) =>
    readdirSync(path.join(root, dir))
      .filter((f) => f.endsWith('.md'))
      .sort()
      .map((f) => `${dir}/${f}`);
  return ['README.md', ...inDocs('docs'), ...inDocs('docs/library')];
}

export function readSnippets(root: string): Snippet[] {
  return docPages(root).flatMap((page) => parseSnippets(page, readFileSync(path.join(root, page), 'utf8')));
}
