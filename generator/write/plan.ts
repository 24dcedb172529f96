import { promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { GeneratedFile } from '../emit/module';
import { MARKDOWN_BANNER_FIRST_LINE } from '../docs/markdown';
import { BANNER_FIRST_LINE } from '../emit/runtime-files';

/** What must change in the output folder so that it holds exactly the generated files. */
export interface WritePlan {
  /** Files absent from disk. */
  readonly missing: readonly GeneratedFile[];
  /** Files on disk whose content differs. */
  readonly stale: readonly { readonly file: GeneratedFile; readonly current: string }[];
  /** luagen files on disk (they carry the banner) that nothing generates any more. */
  readonly extra: readonly string[];
  readonly unchanged: number;
}

export function planIsEmpty(plan: WritePlan): boolean {
  return plan.missing.length === 0 && plan.stale.length === 0 && plan.extra.length === 0;
}

/** The banner that marks a file luagen wrote, by extension: `.ts` modules and `.md` catalog pages. */
const BANNERS: Readonly<Record<string, string>> = { '.ts': BANNER_FIRST_LINE, '.md': MARKDOWN_BANNER_FIRST_LINE };

/** Compares the generated files with what `outDir` holds. Files without the luagen banner are ignored. */
export async function planWrite(outDir: string, files: readonly GeneratedFile[]): Promise<WritePlan> {
  const onDisk = await listFiles(outDir);
  const expected = new Set(files.map((f) => f.path));
  const missing: GeneratedFile[] = [];
  const stale: { file: GeneratedFile; current: string }[] = [];
  let unchanged = 0;
  await Promise.all(
    files.map(async (file) => {
      // Synchronous read: many small files are read several times faster than with one promise per file.
      const current = onDisk.has(file.path) ? readFileSync(path.join(outDir, file.path), 'utf8') : undefined;
      if (current === undefined) missing.push(file);
      else if (current !== file.content) stale.push({ file, current });
      else unchanged++;
    }),
  );
  const extra: string[] = [];
  for (const file of onDisk) {
    const banner = BANNERS[path.posix.extname(file)];
    if (!expected.has(file) && banner && (await startsWith(path.join(outDir, file), banner))) extra.push(file);
  }
  const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : 1);
  return {
    missing: missing.sort(byPath),
    stale: stale.sort((a, b) => byPath(a.file, b.file)),
    extra: extra.sort(),
    unchanged,
  };
}

async function startsWith(file: string, banner: string): Promise<boolean> {
  const handle = await fs.open(file, 'r');
  try {
    const buffer = Buffer.alloc(Buffer.byteLength(banner));
    await handle.read(buffer, 0, buffer.length, 0);
    return buffer.toString('utf8') === banner;
  } finally {
    await handle.close();
  }
}

/** Every file below `dir` (POSIX paths relative to it); empty when `dir` does not exist. */
async function listFiles(dir: string): Promise<Set<string>> {
  const result = new Set<string>();
  const walk = async (current: string) => {
    const entries = await fs.readdir(current, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) result.add(path.relative(dir, full).split(path.sep).join('/'));
    }
  };
  await walk(dir);
  return result;
}
