import { createHash } from 'node:crypto';
import { existsSync, promises as fs, lstatSync, mkdirSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { LuagenConfig } from '../config';
import type { TemplateFile } from '../emit/runtime-files';
import type { GenerateResult, ScriptInput } from '../generate';

/**
 * Remembers results of `generate()`, keyed by a hash of everything it reads (luagen's own code, the
 * templates, the config and every script's path and text). A no-op `build` then skips parsing, analysis and
 * printing, and never loads ts-morph. `check` never reads it. A cached result would become generated code,
 * so the cache must be as trustworthy as the project:
 * - its folder is `$LUAGEN_CACHE_DIR`, else the project's `node_modules/.cache/luagen`, else the user's own
 *   `$XDG_CACHE_HOME/luagen` (`~/.cache/luagen`); it is used only when it is a real folder (not a link), owned
 *   by the user running luagen, and writable by nobody else; otherwise luagen runs without a cache;
 * - an entry is named by its key and holds the SHA-256 of its result: an entry whose name, key or digest do not
 *   match, or whose file another user could write, is ignored.
 */

interface CacheEntry {
  readonly key: string;
  readonly digest: string;
  readonly result: GenerateResult;
}

/** Entries kept per cache folder (the newest); older ones are removed when a new one is stored. */
const KEPT_ENTRIES = 32;

let codeHash: Promise<string> | undefined;

/** Packages whose version shapes the output: a different version must not reuse an old result. */
const OUTPUT_DEPENDENCIES = ['code-block-writer', 'luaparse', '@ioredis/commands'];

function dependencyVersions(): string {
  return OUTPUT_DEPENDENCIES.map((name) => {
    try {
      return `${name}@${(require(`${name}/package.json`) as { version: string }).version}`;
    } catch {
      return `${name}@?`;
    }
  }).join(',');
}

/** A hash of luagen's generator code (the folder this file lives in, compiled or not) and its output dependencies. */
function luagenCodeHash(): Promise<string> {
  codeHash ??= (async () => {
    const root = path.resolve(__dirname, '..');
    const entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
    const files = entries
      .filter((e) => e.isFile() && /\.(js|ts)$/.test(e.name))
      .map((e) => path.join(e.parentPath, e.name))
      .sort();
    const hash = createHash('sha256').update(dependencyVersions());
    for (const file of files) hash.update(`${path.relative(root, file)}\0`).update(await fs.readFile(file)).update('\0');
    return hash.digest('hex');
  })();
  return codeHash;
}

export async function inputsKey(config: LuagenConfig, scripts: readonly ScriptInput[], templates: readonly TemplateFile[]): Promise<string> {
  const hash = createHash('sha256').update(await luagenCodeHash()).update(JSON.stringify(config));
  for (const t of templates) hash.update(`\0t${t.path}\0${t.content.length}\0`).update(t.content);
  for (const s of scripts) hash.update(`\0s${s.path}\0${JSON.stringify(s)}`);
  return hash.digest('hex');
}

function candidateDir(outDir: string): string {
  if (process.env.LUAGEN_CACHE_DIR) return path.resolve(process.env.LUAGEN_CACHE_DIR);
  for (let dir = path.dirname(outDir); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'node_modules'))) return path.join(dir, 'node_modules', '.cache', 'luagen');
    if (path.dirname(dir) === dir) break;
  }
  return path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'luagen');
}

/** True for a file or folder that is not a link, belongs to this user and that no other user can write. */
function isPrivate(target: string, kind: 'file' | 'dir'): boolean {
  const stat = lstatSync(target, { throwIfNoEntry: false });
  if (!stat || (kind === 'dir' ? !stat.isDirectory() : !stat.isFile())) return false;
  if (typeof process.getuid !== 'function') return true;
  return stat.uid === process.getuid() && (stat.mode & 0o022) === 0 && (kind === 'file' || (stat.mode & 0o077) === 0);
}

/** The cache folder (created 0700 when missing), or undefined when there is none this user can trust. */
export function privateCacheDir(outDir: string): string | undefined {
  const dir = candidateDir(outDir);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch {
    return undefined;
  }
  return isPrivate(dir, 'dir') ? dir : undefined;
}

function entryFile(dir: string, key: string): string {
  return path.join(dir, `${key}.json`);
}

function digestOf(result: GenerateResult): string {
  return createHash('sha256').update(JSON.stringify(result)).digest('hex');
}

/** The cached result for these inputs, or undefined (no trusted cache, no entry, or an entry that does not verify). */
export async function readCachedResult(outDir: string, key: string): Promise<GenerateResult | undefined> {
  const dir = privateCacheDir(outDir);
  if (!dir || !isPrivate(entryFile(dir, key), 'file')) return undefined;
  try {
    const entry = JSON.parse(await fs.readFile(entryFile(dir, key), 'utf8')) as CacheEntry;
    return entry.key === key && entry.digest === digestOf(entry.result) ? entry.result : undefined;
  } catch {
    return undefined;
  }
}

/** Stores the result (atomically: private temp file, then rename); a failure only costs the next run its shortcut. */
export async function writeCachedResult(outDir: string, key: string, result: GenerateResult): Promise<void> {
  const dir = privateCacheDir(outDir);
  if (!dir) return;
  const file = entryFile(dir, key);
  const temp = path.join(dir, `.tmp-${process.pid}-${key.slice(0, 16)}`);
  try {
    await fs.writeFile(temp, JSON.stringify({ key, digest: digestOf(result), result } satisfies CacheEntry), { mode: 0o600 });
    await fs.rename(temp, file);
    await pruneEntries(dir);
  } catch {
    await fs.rm(temp, { force: true }).catch(() => undefined);
  }
}

async function pruneEntries(dir: string): Promise<void> {
  const names = (await fs.readdir(dir)).filter((name) => /^[0-9a-f]{64}\.json$/.test(name));
  if (names.length <= KEPT_ENTRIES) return;
  const dated = await Promise.all(names.map(async (name) => ({ name, mtime: (await fs.stat(path.join(dir, name))).mtimeMs })));
  dated.sort((a, b) => b.mtime - a.mtime);
  await Promise.all(dated.slice(KEPT_ENTRIES).map(({ name }) => fs.rm(path.join(dir, name), { force: true })));
}
