import { applyPlan } from '../write/apply';
import { EXIT, type CliIO } from './io';
import type { CommonOptions } from './options';
import { countLine, elapsed, runGenerate, summaryWriter } from './run-generate';

/** `luagen build`: writes generated/ (and the catalog with --docs) when every script is free of errors. */
export async function buildCommand(options: CommonOptions, io: CliIO): Promise<number> {
  const run = await runGenerate(options, io);
  const print = summaryWriter(options, io);
  if (!run.plan) {
    print(`luagen build: ${countLine(run)}; ${options.out}/ left unchanged (${elapsed(run)})`);
    return EXIT.scriptErrors;
  }
  const written = await applyPlan(run.outDir, run.plan);
  let files = `${run.result.files.length} files (${written.written} written, ${written.removed} removed)`;
  if (run.docs) {
    const pages = await applyPlan(run.docs.absoluteDir, run.docs.plan);
    files += `, ${run.docs.files.length} catalog pages in ${run.docs.dir}/ (${pages.written} written, ${pages.removed} removed)`;
  }
  print(`luagen build: ${countLine(run)}, ${files} in ${elapsed(run)}`);
  return EXIT.ok;
}
