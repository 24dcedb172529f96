import { createHash } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { LuagenConfig } from '../config';
import type { TemplateFile } from '../emit/runtime-files';
import type { GenerateResult, ScriptInput } from '../generate';

/**
 * Remembers the last result of `generate()` per output folder, keyed by a hash of everything it reads
 * (luagen's own code, the templates, the config and every script's path and text). A no-op build or
 * check then skips parsing, analysis and printing, and never loads ts-morph. The result is only reused
 * when every input is byte-identical, so the output is the same as a fresh run; the caller still
 * compares it with the files on disk. Folder: $LUAGEN_CACHE_DIR, else <tmp>/luagen-cache.
 */

interface CacheEntry {
  readonly key: string;
  readonly result: GenerateResult;
}

let codeHash: Promise<string> | undefined;

/** Packages whose version shapes the output: a different version must not reuse an old result. */
const OUTPUT_DEPENDENCIES = ['ts-morph', 'luaparse', '@ioredis/commands'];

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
  for (const s of scripts) hash.update(`\0s${s.path}\0${s.text.length}\0`).update(s.text);
  return hash.digest('hex');
}

/**
 * `$LUAGEN_CACHE_DIR`, else the project's `node_modules/.cache/luagen` (where build tools keep caches), else a
 * folder of the user's own under the temp folder. Never a folder shared between users: a planted entry would
 * become generated code.
 */
function cacheDir(outDir: string): string {
  if (process.env.LUAGEN_CACHE_DIR) return process.env.LUAGEN_CACHE_DIR;
  for (let dir = path.dirname(outDir); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'node_modules'))) return path.join(dir, 'node_modules', '.cache', 'luagen');
    if (path.dirname(dir) === dir) break;
  }
  return path.join(os.tmpdir(), `luagen-cache-${os.userInfo().uid}`);
}

function cacheFile(outDir: string): string {
  const dir = cacheDir(outDir);
  return path.join(dir, `${createHash('sha256').update(path.resolve(outDir)).digest('hex').slice(0, 32)}.json`);
}

/** The cached result for these inputs, or undefined (no entry, another key, or an unreadable file). */
export async function readCachedResult(outDir: string, key: string): Promise<GenerateResult | undefined> {
  try {
    const entry = JSON.parse(await fs.readFile(cacheFile(outDir), 'utf8')) as CacheEntry;
    return entry.key === key ? entry.result : undefined;
  } catch {
    return undefined;
  }
}

/** Stores the result (atomically: temp file, then rename); a failure only costs the next run its shortcut. */
export async function writeCachedResult(outDir: string, key: string, result: GenerateResult): Promise<void> {
  const file = cacheFile(outDir);
  const temp = `${file}.${process.pid}.tmp`;
  try {
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(temp, JSON.stringify({ key, result } satisfies CacheEntry));
    await fs.rename(temp, file);
  } catch {
    await fs.rm(temp, { force: true }).catch(() => undefined);
  }
}
