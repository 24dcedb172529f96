import { closeSync, openSync, readFileSync, readSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import type { GeneratedFile } from '../emit/module';
import { MARKDOWN_BANNER_FIRST_LINE } from '../docs/markdown';
import { BANNER_FIRST_LINE } from '../emit/runtime-files';
import { LOCK_NAME, MANIFEST_NAME, TEMP_FILE, isLegacyLayout, manifestFile, readManifest } from './manifest';
import { outputFolderHazard } from './out-folder';

/** What must change in the output folder so that it holds exactly the generated files and their manifest. */
export interface WritePlan {
  /** Files absent from disk. */
  readonly missing: readonly GeneratedFile[];
  /** Files on disk whose content differs. */
  readonly stale: readonly { readonly file: GeneratedFile; readonly current: string }[];
  /** Files luagen wrote (listed in its manifest) that nothing generates any more: build removes them. */
  readonly extra: readonly string[];
  /** Files luagen did not write and would not write: never touched, but `check` fails on them. */
  readonly foreign: readonly string[];
  /** Files luagen must write whose path holds a file it did not write: build refuses to overwrite them. */
  readonly blocked: readonly string[];
  /** Temporary files of an interrupted build: build removes them. */
  readonly leftovers: readonly string[];
  /** Why the folder cannot be luagen's (it holds node_modules/, .git/ or another output folder), if it cannot. */
  readonly hazard: string | undefined;
  readonly unchanged: number;
}

export function planIsEmpty(plan: WritePlan): boolean {
  return [plan.missing, plan.stale, plan.extra, plan.foreign, plan.blocked, plan.leftovers].every((list) => list.length === 0);
}

/** The banner that marks a file luagen wrote, by extension: `.ts` modules, `.js` runtime files and `.md` catalog pages. */
const BANNERS: Readonly<Record<string, string>> = { '.ts': BANNER_FIRST_LINE, '.js': BANNER_FIRST_LINE, '.md': MARKDOWN_BANNER_FIRST_LINE };

function bannerOf(file: string): string | undefined {
  return BANNERS[path.posix.extname(file)];
}

/** Compares the generated files (plus the manifest listing them) with every file `outDir` holds. */
export function planWrite(outDir: string, generated: readonly GeneratedFile[]): WritePlan {
  const files = [...generated, manifestFile(generated)];
  const { onDisk, hazard } = listFiles(outDir);
  const manifest = readManifest(outDir);
  const owns = (file: string) => (manifest ? manifest.has(file) : isLegacyLayout(file) && startsWithBanner(path.join(outDir, file), bannerOf(file)));
  const expected = new Set(files.map((f) => f.path));
  const missing: GeneratedFile[] = [];
  const stale: { file: GeneratedFile; current: string }[] = [];
  const blocked: string[] = [];
  let unchanged = 0;
  for (const file of files) {
    if (!onDisk.has(file.path)) {
      missing.push(file);
      continue;
    }
    const current = readText(path.join(outDir, file.path));
    if (current === file.content) unchanged++;
    else if (current === undefined) blocked.push(file.path);
    else if (file.path === MANIFEST_NAME ? manifest !== undefined : owns(file.path) || current.startsWith(bannerOf(file.path) ?? '\0')) stale.push({ file, current });
    else blocked.push(file.path);
  }
  const extra: string[] = [];
  const foreign: string[] = [];
  const leftovers: string[] = [];
  for (const file of onDisk) {
    if (expected.has(file) || file === LOCK_NAME) continue;
    if (TEMP_FILE.test(file)) leftovers.push(file);
    else (owns(file) ? extra : foreign).push(file);
  }
  const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : 1);
  return {
    missing: missing.sort(byPath),
    stale: stale.sort((a, b) => byPath(a.file, b.file)),
    extra: extra.sort(),
    foreign: foreign.sort(),
    blocked: blocked.sort(),
    leftovers: leftovers.sort(),
    hazard,
    unchanged,
  };
}

function startsWithBanner(file: string, banner: string | undefined): boolean {
  if (banner === undefined) return false;
  let handle: number | undefined;
  try {
    handle = openSync(file, 'r');
    const buffer = Buffer.alloc(Buffer.byteLength(banner));
    const read = readSync(handle, buffer, 0, buffer.length, 0);
    return buffer.toString('utf8', 0, read) === banner;
  } catch {
    return false;
  } finally {
    if (handle !== undefined) closeSync(handle);
  }
}

/** The text of a file, or undefined when it cannot be read as one (a folder behind a link, say). */
function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Every file below `dir` (POSIX paths relative to it; empty when `dir` does not exist), and the first sign
 * that the folder is not luagen's. Symbolic links are listed as files, never followed.
 */
function listFiles(dir: string): { onDisk: Set<string>; hazard: string | undefined } {
  const onDisk = new Set<string>();
  let hazard: string | undefined;
  // Synchronous reads: many small files are read several times faster than with one promise per file.
  const walk = (current: string) => {
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      const relative = path.relative(dir, full).split(path.sep).join('/');
      hazard ??= outputFolderHazard(relative, entry.name, entry.isDirectory());
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== '.git') walk(full);
      } else onDisk.add(relative);
    }
  };
  walk(dir);
  return { onDisk, hazard };
}
