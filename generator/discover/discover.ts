import { isUtf8 } from 'node:buffer';
import { promises as fs, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import type { ScriptInput } from '../generate';
import { firstInvalidUtf8, MAX_SCRIPT_BYTES, positionOfByte } from '../parse/source-text';

/** POSIX form of a path relative to `cwd`. */
export function posixRelative(cwd: string, target: string): string {
  return path.relative(cwd, target).split(path.sep).join('/');
}

/**
 * The one spelling of a script folder that the generator sees: its real path (symlinks resolved) relative to
 * the real working directory, POSIX, without `./` or a trailing slash (`.` for the working directory itself).
 * `lua`, `./lua/`, `$PWD/lua` and `../pkg/lua` seen from `pkg/` all give `lua`, so names, paths and banners
 * in the output never depend on how `--src` was written.
 */
export async function resolveSourceFolder(cwd: string, src: string): Promise<string> {
  const base = await fs.realpath(cwd);
  const real = await fs.realpath(path.resolve(base, src)).catch(() => undefined);
  const stat = real === undefined ? undefined : await fs.stat(real).catch(() => undefined);
  if (real === undefined || !stat?.isDirectory()) throw new Error(`the script folder '${src}' does not exist (pass --src <folder>)`);
  return posixRelative(base, real) || '.';
}

/**
 * Every `.lua` file below `srcDir` (dot-folders and node_modules skipped), sorted, read as UTF-8, each with
 * its POSIX path relative to the real working directory (so that it starts with `srcDir` as
 * resolveSourceFolder spells it).
 */
export async function discoverScripts(cwd: string, srcDir: string): Promise<ScriptInput[]> {
  const base = await fs.realpath(cwd);
  const root = path.resolve(base, srcDir);
  const stat = await fs.stat(root).catch(() => undefined);
  if (!stat?.isDirectory()) throw new Error(`the script folder '${srcDir}' does not exist (pass --src <folder>)`);
  const files: string[] = [];
  walk(root, files);
  files.sort();
  // Synchronous reads: many small files are read several times faster than with one promise per file.
  return files.map((file) => readScript(posixRelative(base, file), readFileSync(file)));
}

const BYTE_ORDER_MARK = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * A script's text, exactly as its bytes say. A byte order mark (some editors add one) is not Lua: Redis would
 * refuse the script, so it is dropped. Bytes that are not UTF-8 are not replaced: the script is refused with
 * their position (LG012), as is a script too large to be a Redis script (LG013).
 */
export function readScript(file: string, content: Buffer): ScriptInput {
  const bytes = content.subarray(0, 3).equals(BYTE_ORDER_MARK) ? content.subarray(3) : content;
  if (bytes.length > MAX_SCRIPT_BYTES) return { path: file, text: '', refused: { kind: 'too-large', bytes: bytes.length, line: 1, column: 1 } };
  if (isUtf8(bytes)) return { path: file, text: bytes.toString('utf8') };
  const offset = firstInvalidUtf8(bytes);
  return { path: file, text: '', refused: { kind: 'invalid-utf8', byte: bytes[offset], ...positionOfByte(bytes, offset) } };
}

/** Synchronous, like the reads: one promise per folder left the process idle between them. */
function walk(dir: string, files: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, files);
    else if (entry.isFile() && entry.name.endsWith('.lua')) files.push(full);
  }
}
