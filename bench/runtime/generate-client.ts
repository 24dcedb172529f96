import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { DEFAULT_CONFIG, type Client, type LuagenConfig, type Target } from '../../generator/config';
import { discoverScripts } from '../../generator/discover/discover';
import { readTemplates } from '../../generator/discover/templates';
import { generate } from '../../generator/generate';
import { applyPlan } from '../../generator/write/apply';
import { planWrite } from '../../generator/write/plan';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
/** The benchmark's own annotated script(s); `bench/lua/bench/fixed_window.lua` → `scripts.bench.fixedWindow`. */
export const BENCH_SRC = 'bench/lua';
/** Git-ignored: the client generated from BENCH_SRC. */
export const BENCH_CLIENT = 'bench/.generated/client';

/**
 * Generates the benchmark's client with the core (`generate()`), exactly as `luagen build` would, and compiles
 * it to JavaScript as an application's build would (TypeScript's own emit, CommonJS): the benchmark then runs the
 * code users run, not a dev loader's transform (tsx wraps every function in a naming helper).
 * Returns the folder of the compiled client.
 */
export async function generateBenchClient(target: Target = 'eval', client: Client = 'ioredis'): Promise<string> {
  const suffix = `${target === 'eval' ? '' : `-${target}`}${client === 'ioredis' ? '' : `-${client}`}`;
  const config: LuagenConfig = { ...DEFAULT_CONFIG, srcDir: BENCH_SRC, outDir: `${BENCH_CLIENT}${suffix}`, target, client };
  const [scripts, templates] = await Promise.all([discoverScripts(REPO_ROOT, BENCH_SRC), readTemplates()]);
  const result = generate(config, { scripts, templates });
  const problems = result.diagnostics.filter((d) => d.severity === 'error');
  if (problems.length > 0) throw new Error(`bench script has errors: ${problems.map((d) => `${d.file}:${d.line} ${d.message}`).join('; ')}`);
  const outDir = path.join(REPO_ROOT, config.outDir);
  await fs.mkdir(outDir, { recursive: true });
  await applyPlan(outDir, await planWrite(outDir, result.files));
  return compileClient(result.files, `${BENCH_CLIENT_JS}${suffix}`);
}

/** Git-ignored: the client compiled to JavaScript. */
export const BENCH_CLIENT_JS = 'bench/.generated/client-js';

async function compileClient(files: readonly { path: string; content: string }[], jsFolder: string): Promise<string> {
  const jsDir = path.join(REPO_ROOT, jsFolder);
  await fs.rm(jsDir, { recursive: true, force: true });
  const compilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true };
  for (const file of files) {
    // generated/runtime/ is JavaScript already (CommonJS here); its declaration files are not needed to run.
    if (file.path.endsWith('.d.ts')) continue;
    const target = path.join(jsDir, file.path.replace(/\.ts$/, '.js'));
    await fs.mkdir(path.dirname(target), { recursive: true });
    const js = file.path.endsWith('.ts') ? ts.transpileModule(file.content, { compilerOptions, fileName: file.path }).outputText : file.content;
    await fs.writeFile(target, js);
  }
  return jsDir;
}
