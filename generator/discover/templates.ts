import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import type { TemplateFile } from '../emit/runtime-files';

/** luagen's own `templates/` folder, found from this file whether it runs from source or from `dist/`. */
export function templatesDir(): string {
  let dir = __dirname;
  for (;;) {
    const candidate = path.join(dir, 'templates');
    if (existsSync(path.join(candidate, 'banner.txt'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('luagen: cannot find its templates/ folder (is the package complete?)');
    dir = parent;
  }
}

/** Every file below `templates/`, with POSIX paths relative to it, sorted. Read synchronously: a few dozen small files. */
export async function readTemplates(dir = templatesDir()): Promise<TemplateFile[]> {
  const files: TemplateFile[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.push({ path: path.relative(dir, full).split(path.sep).join('/'), content: readFileSync(full, 'utf8') });
    }
  };
  walk(dir);
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}
