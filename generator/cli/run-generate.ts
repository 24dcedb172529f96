import * as path from 'node:path';
import { hasErrors } from '../diagnostics/diagnostic';
import { formatDiagnostics } from '../diagnostics/format';
import { discoverScripts } from '../discover/discover';
import { readTemplates } from '../discover/templates';
import { generate, type GenerateResult } from '../generate';
import { planWrite, type WritePlan } from '../write/plan';
import type { CliIO } from './io';
import { toConfig, type CommonOptions } from './options';

export interface GenerateRun {
  readonly result: GenerateResult;
  /** Absent when there were errors (nothing is compared or written then). */
  readonly plan: WritePlan | undefined;
  readonly outDir: string;
  readonly scriptCount: number;
  readonly startedAt: number;
}

/** Reads the scripts and templates, runs the pure generator, prints diagnostics, and plans the write. */
export async function runGenerate(options: CommonOptions, io: CliIO): Promise<GenerateRun> {
  const startedAt = performance.now();
  const config = toConfig(options);
  const [scripts, templates] = await Promise.all([discoverScripts(io.cwd, config.srcDir), readTemplates()]);
  const result = generate(config, { scripts, templates });
  if (result.diagnostics.length > 0) {
    const printed = formatDiagnostics(result.diagnostics, options.format);
    (options.format === 'json' ? io.out : io.err)(printed);
  } else if (options.format === 'json') {
    io.out('[]');
  }
  const outDir = path.resolve(io.cwd, config.outDir);
  const plan = hasErrors(result.diagnostics) ? undefined : await planWrite(outDir, result.files);
  return { result, plan, outDir, scriptCount: scripts.length, startedAt };
}

/** `12 scripts, 0 warnings, 0 errors` */
export function countLine(run: GenerateRun): string {
  const scriptCount = run.scriptCount;
  const count = (severity: string) => run.result.diagnostics.filter((d) => d.severity === severity).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(scriptCount, 'script')}, ${plural(count('warning'), 'warning')}, ${plural(count('error'), 'error')}`;
}

/** Summary lines go to stdout, except beside JSON, which must stay alone on stdout. */
export function summaryWriter(options: CommonOptions, io: CliIO): (text: string) => void {
  return options.format === 'json' ? io.err : io.out;
}

export function elapsed(run: GenerateRun): string {
  return `${Math.round(performance.now() - run.startedAt)} ms`;
}
