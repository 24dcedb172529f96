import * as path from 'node:path';
import { formatDiagnostics } from '../diagnostics/format';
import { discoverScripts, posixRelative, resolveSourceFolder } from '../discover/discover';
import { readTemplates } from '../discover/templates';
import type { GenerateResult, ScriptInput } from '../generate';
import type { LuagenConfig } from '../config';
import type { GeneratedFile } from '../emit/module';
import type { TemplateFile } from '../emit/runtime-files';
import { hasErrors } from '../diagnostics/diagnostic';
import { generateDocs } from '../generate-docs';
import { checkFolders } from '../write/out-folder';
import { inputsKey, readCachedResult, writeCachedResult } from './generate-cache';
import type { CliIO } from './io';
import { posixDir, toConfig, type CommonOptions } from './options';

/** One folder luagen writes (the client, or the script catalog) and the files it must hold. */
export interface OutputFolder {
  /** As given on the command line (`generated`, `docs/scripts`). */
  readonly dir: string;
  readonly absoluteDir: string;
  readonly files: readonly GeneratedFile[];
  /** The catalog folder may also hold hand-written pages: files luagen did not write are no error there. */
  readonly keepsOtherFiles: boolean;
}

export interface GenerateRun {
  readonly result: GenerateResult;
  /** The client's folder; absent when there were errors or the client is not wanted (`luagen docs`). */
  readonly client: OutputFolder | undefined;
  /** The catalog, when asked for (`--docs <dir>`) and there were no errors. */
  readonly docs: OutputFolder | undefined;
  /** Scripts, not counting the files they include. */
  readonly scriptCount: number;
  readonly startedAt: number;
}

export interface RunOptions {
  /** False for `luagen docs`: only the catalog is written. */
  readonly client: boolean;
  /** Build may reuse an earlier result for byte-identical inputs; check never does. */
  readonly useCache: boolean;
}

/**
 * Checks the folders, reads the scripts and templates, runs the pure generator, prints diagnostics, and works
 * out what the client folder (and the catalog folder when `options.docs` names one) must hold.
 */
export async function runGenerate(options: CommonOptions, io: CliIO, run: RunOptions): Promise<GenerateRun> {
  const startedAt = performance.now();
  checkFolders(io.cwd, options.src, [
    ...(run.client ? [{ flag: '--out', dir: options.out }] : []),
    ...(options.docs !== undefined ? [{ flag: run.client ? '--docs' : '--out', dir: options.docs }] : []),
  ]);
  const config = toConfig(options, await resolveSourceFolder(io.cwd, options.src));
  const outDir = path.resolve(io.cwd, config.outDir);
  const [scripts, templates] = await Promise.all([discoverScripts(io.cwd, config.srcDir), readTemplates()]);
  const result = run.useCache ? await cachedGenerate(config, scripts, templates, outDir) : freshGenerate(config, scripts, templates);
  if (result.diagnostics.length > 0) {
    const printed = formatDiagnostics(result.diagnostics, options.format);
    (options.format === 'json' ? io.out : io.err)(printed);
  } else if (options.format === 'json') {
    io.out('[]');
  }
  const ok = !hasErrors(result.diagnostics);
  const client = ok && run.client ? { dir: posixDir(options.out), absoluteDir: outDir, files: result.files, keepsOtherFiles: false } : undefined;
  const docs = ok && options.docs !== undefined ? docsFolder(result, config, options.docs, io.cwd) : undefined;
  return { result, client, docs, scriptCount: scripts.length - result.includes.length, startedAt };
}

function docsFolder(result: GenerateResult, config: LuagenConfig, docsDir: string, cwd: string): OutputFolder {
  const dir = posixDir(docsDir);
  const absoluteDir = path.resolve(cwd, dir);
  // Script paths are relative to cwd: so must the catalog's folder be, for the source links between them.
  const files = generateDocs(result.scripts, { srcDir: config.srcDir, docsDir: posixRelative(cwd, absoluteDir) || '.' });
  if (absoluteDir === path.resolve(cwd, config.outDir)) {
    throw new Error(`--docs ${docsDir} is the client's folder (--out): give the catalog a folder of its own`);
  }
  return { dir, absoluteDir, files, keepsOtherFiles: true };
}

function freshGenerate(config: LuagenConfig, scripts: readonly ScriptInput[], templates: readonly TemplateFile[]): GenerateResult {
  // Loaded on demand: the generator (parser, checks, emitters) is not needed when the cache answers.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { generate } = require('../generate') as typeof import('../generate');
  return generate(config, { scripts, templates });
}

/** generate(), or its result from an earlier run when every input is byte-identical (see generate-cache.ts). */
async function cachedGenerate(
  config: LuagenConfig,
  scripts: readonly ScriptInput[],
  templates: readonly TemplateFile[],
  outDir: string,
): Promise<GenerateResult> {
  const key = await inputsKey(config, scripts, templates);
  const cached = await readCachedResult(outDir, key);
  if (cached) return cached;
  const result = freshGenerate(config, scripts, templates);
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
