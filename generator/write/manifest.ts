import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { GeneratedFile } from '../emit/module';

/**
 * `generated/.luagen-manifest.json` lists every file luagen wrote in the output folder. luagen owns exactly
 * those files: it overwrites and removes only what the manifest lists (or, in a folder from before the
 * manifest existed, files that carry its banner in the places luagen writes).
 */
export const MANIFEST_NAME = '.luagen-manifest.json';

/** The lock a build holds while it writes (see lock.ts); never part of the output. */
export const LOCK_NAME = '.luagen.lock';

/** Temporary files a build stages beside their targets: `.luagen-tmp-<pid>-<n>` (older builds: `<file>.luagen-tmp-<pid>`). */
export const TEMP_FILE = /\.luagen-tmp-\d+(-\d+)?$/;

interface ManifestContent {
  readonly generatedBy: 'luagen';
  readonly files: readonly string[];
}

/** The manifest for a set of generated files: sorted paths, LF, no timestamps. */
export function manifestFile(files: readonly GeneratedFile[]): GeneratedFile {
  const content: ManifestContent = { generatedBy: 'luagen', files: files.map((f) => f.path).sort() };
  return { path: MANIFEST_NAME, content: `${JSON.stringify(content, null, 2)}\n` };
}

/** The files the manifest in `outDir` lists, or undefined when there is none (or it is not luagen's). */
export function readManifest(outDir: string): ReadonlySet<string> | undefined {
  let text: string;
  try {
    text = readFileSync(path.join(outDir, MANIFEST_NAME), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = JSON.parse(text) as Partial<ManifestContent>;
    if (parsed.generatedBy !== 'luagen' || !Array.isArray(parsed.files)) return undefined;
    return new Set(parsed.files.filter((f): f is string => typeof f === 'string' && isInside(f)));
  } catch {
    return undefined;
  }
}

/** A listed path must stay inside the output folder: a manifest naming `../x` does not give luagen `../x`. */
function isInside(file: string): boolean {
  return file !== '' && !file.startsWith('/') && !file.split('/').some((part) => part === '..' || part === '' || part === '.');
}

/** Where luagen writes in its output folders (client modules, catalog pages); before the manifest, only banner files there were its own. */
export function isLegacyLayout(file: string): boolean {
  return file === 'index.ts' || /^runtime\/[^/]+\.ts$/.test(file) || /^scripts\/.+\.ts$/.test(file) || file.endsWith('.md');
}
