import * as path from 'node:path';
import { hasErrors } from '../diagnostics/diagnostic';
import { formatDiagnostics } from '../diagnostics/format';
import { discoverScripts, posixRelative, resolveSourceFolder } from '../discover/discover';
import { readTemplates } from '../discover/templates';
import type { GenerateResult, ScriptInput } from '../generate';
import type { LuagenConfig } from '../config';
import type { GeneratedFile } from '../emit/module';
import type { TemplateFile } from '../emit/runtime-files';
import { generateDocs } from '../generate-docs';
import { planWrite, type WritePlan } from '../write/plan';
import { inputsKey, readCachedResult, writeCachedResult } from './generate-cache';
import type { CliIO } from './io';
import { posixDir, toConfig, type CommonOptions } from './options';

/** The script catalog (`--docs <dir>`, or `luagen docs`): its pages and how the folder compares with them. */
export interface DocsRun {
  /** As given on the command line (`docs/scripts`). */
  readonly dir: string;
  readonly absoluteDir: string;
  readonly files: readonly GeneratedFile[];
  readonly plan: WritePlan;
}

export interface GenerateRun {
  readonly result: GenerateResult;
  /** Absent when there were errors (nothing is compared or written then). */
  readonly plan: WritePlan | undefined;
  readonly outDir: string;
  /** The catalog, when asked for and there were no errors. */
  readonly docs: DocsRun | undefined;
  /** Scripts, not counting the files they include. */
  readonly scriptCount: number;
  readonly startedAt: number;
}

/**
 * Reads the scripts and templates, runs the pure generator, prints diagnostics, and plans the write of the
 * client (unless `client` is false: `luagen docs`) and of the catalog when `options.docs` names a folder.
 */
export async function runGenerate(options: CommonOptions, io: CliIO, client = true): Promise<GenerateRun> {
  const startedAt = performance.now();
  const config = toConfig(options, await resolveSourceFolder(io.cwd, options.src));
  const [scripts, templates] = await Promise.all([discoverScripts(io.cwd, config.srcDir), readTemplates()]);
  const result = await cachedGenerate(config, scripts, templates, path.resolve(io.cwd, config.outDir));
  if (result.diagnostics.length > 0) {
    const printed = formatDiagnostics(result.diagnostics, options.format);
    (options.format === 'json' ? io.out : io.err)(printed);
  } else if (options.format === 'json') {
    io.out('[]');
  }
  const outDir = path.resolve(io.cwd, config.outDir);
  const ok = !hasErrors(result.diagnostics);
  const plan = ok && client ? await planWrite(outDir, result.files) : undefined;
  const docs = ok && options.docs !== undefined ? await planDocs(result, config, options.docs, io.cwd) : undefined;
  return { result, plan, outDir, docs, scriptCount: scripts.length - result.includes.length, startedAt };
}

async function planDocs(result: GenerateResult, config: LuagenConfig, docsDir: string, cwd: string): Promise<DocsRun> {
  const dir = posixDir(docsDir);
  const absoluteDir = path.resolve(cwd, dir);
  // Script paths are relative to cwd: so must the catalog's folder be, for the source links between them.
  const files = generateDocs(result.scripts, { srcDir: config.srcDir, docsDir: posixRelative(cwd, absoluteDir) || '.' });
  if (absoluteDir === path.resolve(cwd, config.outDir)) {
    throw new Error(`--docs ${docsDir} is the client's folder (--out): give the catalog a folder of its own`);
  }
  return { dir, absoluteDir, files, plan: await planWrite(absoluteDir, files) };
}

/** generate(), or its result from the last run when every input is byte-identical (see generate-cache.ts). */
async function cachedGenerate(
  config: LuagenConfig,
  scripts: readonly ScriptInput[],
  templates: readonly TemplateFile[],
  outDir: string,
): Promise<GenerateResult> {
  const key = await inputsKey(config, scripts, templates);
  const cached = await readCachedResult(outDir, key);
  if (cached) return cached;
  // Loaded on demand: the generator (and ts-morph with it) is not needed when the cache answers.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { generate } = require('../generate') as typeof import('../generate');
  const result = generate(config, { scripts, templates });
  await writeCachedResult(outDir, key, result);
  return result;
}

/** `12 scripts, 0 warnings, 0 errors` (`12 scripts, 3 includes, ...` when files are included) */
export function countLine(run: GenerateRun): string {
  const scriptCount = run.scriptCount;
  const count = (severity: string) => run.result.diagnostics.filter((d) => d.severity === severity).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const includes = run.result.includes.length > 0 ? `, ${plural(run.result.includes.length, 'include')}` : '';
  return `${plural(scriptCount, 'script')}${includes}, ${plural(count('warning'), 'warning')}, ${plural(count('error'), 'error')}`;
}

/** Summary lines go to stdout, except beside JSON, which must stay alone on stdout. */
export function summaryWriter(options: CommonOptions, io: CliIO): (text: string) => void {
  return options.format === 'json' ? io.err : io.out;
}

export function elapsed(run: GenerateRun): string {
  return `${Math.round(performance.now() - run.startedAt)} ms`;
}
