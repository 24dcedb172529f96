import { createHash } from 'node:crypto';
import { existsSync, promises as fs, lstatSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { LuagenConfig } from '../config';
import type { TemplateFile } from '../emit/runtime-files';
import type { GeneratedFile } from '../emit/module';
import type { GenerateResult, ScriptInput } from '../generate';
import { hexDigest } from '../model/digest';

/**
 * Remembers results of `generate()`, keyed by a hash of everything it reads (luagen's own code, the
 * templates, the config and every script's path and text). A no-op `build` then skips parsing, analysis and
 * printing, and never loads the generator. `check` never reads it. A cached result would become generated code,
 * so the cache must be as trustworthy as the project:
 * - its folder is `$LUAGEN_CACHE_DIR`, else the project's `node_modules/.cache/luagen`, else the user's own
 *   `$XDG_CACHE_HOME/luagen` (`~/.cache/luagen`); it is used only when it is a real folder (not a link), owned
 *   by the user running luagen, and writable by nobody else; otherwise luagen runs without a cache;
 * - an entry is named by its key and holds the SHA-256 of its result: an entry whose name, key or digest do not
 *   match, or whose file another user could write, is ignored.
 * An entry holds the result without the generated files' text: each file is named with the SHA-256 of its
 * content. A hit takes the text from the output folder, and only when every file there has its digest (the
 * usual no-op build); otherwise the result is generated afresh. The cache is then a third of the output's size
 * to write on a cold build, and a no-op build never holds the output twice.
 */

/** Entries kept per cache folder (the newest); older ones are removed when a new one is stored. */
const KEPT_ENTRIES = 32;

let codeHash: string | undefined;

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

/**
 * A hash of luagen's generator code (the folder this file lives in, compiled or not; declaration files do not
 * shape the output) and its output dependencies. Read synchronously: some 150 small files, and one promise per
 * file left the process idle for about 0.1 s.
 */
function luagenCodeHash(): string {
  if (codeHash !== undefined) return codeHash;
  const root = path.resolve(__dirname, '..');
  const files = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(js|ts)$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  const hash = createHash('sha256').update(dependencyVersions());
  for (const file of files) hash.update(`${path.relative(root, file)}\0`).update(readFileSync(file)).update('\0');
  codeHash = hash.digest('hex');
  return codeHash;
}

export async function inputsKey(config: LuagenConfig, scripts: readonly ScriptInput[], templates: readonly TemplateFile[]): Promise<string> {
  const hash = createHash('sha256').update(luagenCodeHash()).update(JSON.stringify(config));
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

/**
 * An entry's text is `{"key":"<key>","result":<result JSON>,"digest":"<SHA-256 of the result JSON>"}`. The
 * result holds every generated file, so it is written a piece at a time (a file per piece) and its digest
 * taken over the same pieces: the whole text is never in memory at once.
 */
function entryHead(key: string): string {
  return `{"key":${JSON.stringify(key)},"result":`;
}

function entryTail(digest: string): string {
  return `,"digest":${JSON.stringify(digest)}}`;
}

const DIGEST_TAIL_LENGTH = entryTail('0'.repeat(64)).length;

/** A generated file as the cache holds it: its path and the SHA-256 of its content. */
interface FileDigest {
  readonly path: string;
  readonly sha256: string;
}

type CachedResult = Omit<GenerateResult, 'files'> & { readonly files: readonly FileDigest[] };

function sha256(text: string | Buffer): string {
  return hexDigest('sha256', text);
}

/** The result as the cache holds it: each generated file by the digest of its content. */
function cachedResult(result: GenerateResult): CachedResult {
  return { ...result, files: result.files.map(fileDigest) };
}

/** The result as JSON text, in pieces: one per element of its lists. */
function* resultPieces(result: CachedResult): Generator<string> {
  let separator = '{';
  for (const [name, value] of Object.entries(result)) {
    if (value === undefined) continue;
    yield `${separator}${JSON.stringify(name)}:`;
    separator = ',';
    if (!Array.isArray(value)) {
      yield JSON.stringify(value);
      continue;
    }
    yield '[';
    for (let i = 0; i < value.length; i++) yield `${i > 0 ? ',' : ''}${JSON.stringify(value[i] ?? null)}`;
    yield ']';
  }
  yield separator === '{' ? '{}' : '}';
}

function fileDigest(file: GeneratedFile): FileDigest {
  return { path: file.path, sha256: sha256(file.content) };
}

/** The file's bytes, or undefined when it cannot be read. */
function readBytes(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * The output folder's files, when every one has the content the entry names by digest (a no-op build).
 * Synchronous reads on purpose: for a thousand small files they are several times faster than one promise each.
 */
function filesOnDisk(outDir: string, digests: readonly FileDigest[]): GeneratedFile[] | undefined {
  const files: GeneratedFile[] = [];
  for (const digest of digests) {
    const bytes = readBytes(path.join(outDir, digest.path));
    if (!bytes || sha256(bytes) !== digest.sha256) return undefined;
    files.push({ path: digest.path, content: bytes.toString('utf8') });
  }
  return files;
}

/**
 * The cached result for these inputs, or undefined: no trusted cache, no entry, an entry that does not verify,
 * or an output folder whose files are not the ones the entry names (then nothing is reused).
 */
export async function readCachedResult(outDir: string, key: string): Promise<GenerateResult | undefined> {
  const dir = privateCacheDir(outDir);
  if (!dir || !isPrivate(entryFile(dir, key), 'file')) return undefined;
  try {
    const bytes = await fs.readFile(entryFile(dir, key));
    const head = Buffer.from(entryHead(key));
    if (bytes.length < head.length + DIGEST_TAIL_LENGTH || !bytes.subarray(0, head.length).equals(head)) return undefined;
    const resultBytes = bytes.subarray(head.length, bytes.length - DIGEST_TAIL_LENGTH);
    if (!bytes.subarray(bytes.length - DIGEST_TAIL_LENGTH).equals(Buffer.from(entryTail(sha256(resultBytes))))) return undefined;
    const cached = JSON.parse(resultBytes.toString('utf8')) as CachedResult;
    const files = filesOnDisk(outDir, cached.files);
    return files ? { ...cached, files } : undefined;
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
    const out = await fs.open(temp, 'w', 0o600);
    try {
      const hash = createHash('sha256');
      let pending = entryHead(key);
      for (const piece of resultPieces(cachedResult(result))) {
        hash.update(piece);
        pending += piece;
        if (pending.length >= WRITE_CHUNK) {
          await out.write(pending);
          pending = '';
        }
      }
      await out.write(pending + entryTail(hash.digest('hex')));
    } finally {
      await out.close();
    }
    await fs.rename(temp, file);
    await pruneEntries(dir);
  } catch {
    await fs.rm(temp, { force: true }).catch(() => undefined);
  }
}

/** Characters gathered before one write of a cache entry. */
const WRITE_CHUNK = 1 << 20;

async function pruneEntries(dir: string): Promise<void> {
  const names = (await fs.readdir(dir)).filter((name) => /^[0-9a-f]{64}\.json$/.test(name));
  if (names.length <= KEPT_ENTRIES) return;
  const dated = await Promise.all(names.map(async (name) => ({ name, mtime: (await fs.stat(path.join(dir, name))).mtimeMs })));
  dated.sort((a, b) => b.mtime - a.mtime);
  await Promise.all(dated.slice(KEPT_ENTRIES).map(({ name }) => fs.rm(path.join(dir, name), { force: true })));
}
