import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { analyseScript } from '../../generator/analyse';
import { DEFAULT_CONFIG, type LuagenConfig } from '../../generator/config';
import { sortDiagnostics, type Diagnostic } from '../../generator/diagnostics/diagnostic';
import { parseScript } from '../../generator/parse/parsed-script';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const FIXTURES = 'test/fixtures/analyse';

/** Parses and analyses one script in-process: every diagnostic (parse and analysis), sorted. */
export function analyseSource(source: string, file = 'lua/test/script.lua', config: Partial<LuagenConfig> = {}): Diagnostic[] {
  const { script, diagnostics } = parseScript(file, source);
  return sortDiagnostics([...diagnostics, ...analyseScript(script, { ...DEFAULT_CONFIG, ...config })]);
}

/** The `.lua` files of a fixture folder (relative to the repo root), sorted by name. */
export async function luaFixtures(folder: string): Promise<{ name: string; file: string; source: string }[]> {
  const names = (await fs.readdir(path.join(REPO_ROOT, folder))).filter((n) => n.endsWith('.lua')).sort();
  return Promise.all(
    names.map(async (name) => ({
      name: name.replace(/\.lua$/, ''),
      file: `${folder}/${name}`,
      source: await fs.readFile(path.join(REPO_ROOT, folder, name), 'utf8'),
    })),
  );
}
