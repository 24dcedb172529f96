import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_CONFIG, type LuagenConfig } from '../../generator/config';
import { discoverScripts } from '../../generator/discover/discover';
import { readTemplates } from '../../generator/discover/templates';
import { generate, type GenerateResult } from '../../generator/generate';
import { applyPlan } from '../../generator/write/apply';
import { planWrite } from '../../generator/write/plan';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/**
 * Runs the generator over a folder of .lua files (relative to the repo root) and writes the client to
 * `test/.generated/<name>/` (git-ignored), so that tests can import it. Throws on error diagnostics.
 */
export async function generateFixture(name: string, srcDir: string, config: Partial<LuagenConfig> = {}): Promise<{ outDir: string; result: GenerateResult }> {
  const outRelative = `test/.generated/${name}`;
  const full: LuagenConfig = { ...DEFAULT_CONFIG, srcDir, outDir: outRelative, ...config };
  const [scripts, templates] = await Promise.all([discoverScripts(REPO_ROOT, srcDir), readTemplates()]);
  const result = generate(full, { scripts, templates });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`fixture ${name} has errors:\n${errors.map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`).join('\n')}`);
  const outDir = path.join(REPO_ROOT, outRelative);
  await fs.mkdir(outDir, { recursive: true });
  await applyPlan(outDir, await planWrite(outDir, result.files));
  return { outDir, result };
}
