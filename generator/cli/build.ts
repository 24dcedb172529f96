import { applyPlan } from '../write/apply';
import { EXIT, type CliIO } from './io';
import type { CommonOptions } from './options';
import { countLine, elapsed, runGenerate, summaryWriter } from './run-generate';

/** `luagen build`: writes generated/ when every script is free of errors; otherwise touches nothing. */
export async function buildCommand(options: CommonOptions, io: CliIO): Promise<number> {
  const run = await runGenerate(options, io);
  const print = summaryWriter(options, io);
  if (!run.plan) {
    print(`luagen build: ${countLine(run)}; ${options.out}/ left unchanged (${elapsed(run)})`);
    return EXIT.scriptErrors;
  }
  const written = await applyPlan(run.outDir, run.plan);
  const files = `${run.result.files.length} files (${written.written} written, ${written.removed} removed)`;
  print(`luagen build: ${countLine(run)}, ${files} in ${elapsed(run)}`);
  return EXIT.ok;
}
