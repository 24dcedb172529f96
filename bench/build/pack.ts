import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/**
 * Packs every file below `dir` into one JSON file ([{ path, content }], POSIX paths, sorted): the bytes the floor
 * (floor.js) writes, taken from a luagen build's output before the timed runs.
 */
export async function packFolder(dir: string, packFile: string): Promise<{ files: number; bytes: number }> {
  const files: { path: string; content: string }[] = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.push({ path: path.relative(dir, full).split(path.sep).join('/'), content: await fs.readFile(full, 'utf8') });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  await fs.writeFile(packFile, JSON.stringify(files));
  return { files: files.length, bytes: files.reduce((sum, f) => sum + Buffer.byteLength(f.content), 0) };
}
