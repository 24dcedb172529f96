import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { MANIFEST_NAME } from './manifest';

/** A refusal to work on the given folders; the CLI exits 3 with its message. */
export class FolderError extends Error {}

/** An output folder as the command line names it: `--out generated`, `--docs docs/scripts`. */
export interface OutputFlag {
  readonly flag: string;
  readonly dir: string;
}

/**
 * Refuses an output folder luagen must not own: a filesystem root, the working directory or one of its
 * parents (they hold the project itself), or the script folder or one of its parents. `--src` may not be a
 * root either. What lies inside an output folder is checked while it is read (see `outputFolderHazard`).
 */
export function checkFolders(cwd: string, src: string, outputs: readonly OutputFlag[]): void {
  const srcDir = path.resolve(cwd, src);
  if (isRoot(srcDir)) throw new FolderError(`--src '${src}' is the filesystem root; pass the folder that holds your .lua scripts (default: lua)`);
  for (const { flag, dir } of outputs) {
    const outDir = path.resolve(cwd, dir);
    if (isRoot(outDir)) throw new FolderError(`${flag} '${dir}' is the filesystem root; luagen owns its output folder: pass a folder of its own`);
    if (outDir === path.resolve(cwd) || isWithin(path.resolve(cwd), outDir)) {
      throw new FolderError(`${flag} '${dir}' is the working directory or one of its parents; luagen owns its output folder: pass a folder of its own`);
    }
    if (srcDir === outDir || isWithin(srcDir, outDir)) {
      throw new FolderError(`${flag} '${dir}' holds the script folder '${src}'; give luagen's output a folder of its own`);
    }
    if (existsSync(outDir) && !statSync(outDir).isDirectory()) throw new FolderError(`${flag} '${dir}' is a file, not a folder`);
  }
}

/**
 * Why a folder met while reading the output folder shows that it is not (only) luagen's: a package folder,
 * a repository, or another luagen output folder. Undefined when it is fine.
 */
export function outputFolderHazard(relative: string, name: string, isDirectory: boolean): string | undefined {
  if (isDirectory && (name === 'node_modules' || name === '.git')) return `it holds ${relative}/`;
  if (!isDirectory && name === MANIFEST_NAME && relative !== MANIFEST_NAME) return `it holds another luagen output folder (${relative})`;
  return undefined;
}

function isRoot(dir: string): boolean {
  return path.parse(dir).root === dir;
}

/** True when `inner` lies strictly inside `outer` (both absolute). */
function isWithin(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
