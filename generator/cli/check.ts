import { planIsEmpty } from '../write/plan';
import { unifiedDiff } from '../write/diff';
import { EXIT, type CliIO } from './io';
import type { CommonOptions } from './options';
import { countLine, elapsed, runGenerate, summaryWriter } from './run-generate';

/** `luagen check`: exit 1 when generated/ differs from what build would write, naming each file. */
export async function checkCommand(options: CommonOptions, io: CliIO): Promise<number> {
  const run = await runGenerate(options, io);
  const print = summaryWriter(options, io);
  if (!run.plan) {
    print(`luagen check: ${countLine(run)}; fix the errors above`);
    return EXIT.scriptErrors;
  }
  const plan = run.plan;
  if (planIsEmpty(plan)) {
    print(`luagen check: ${countLine(run)}; ${options.out}/ is up to date (${elapsed(run)})`);
    return EXIT.ok;
  }
  const lines: string[] = [];
  for (const file of plan.missing) lines.push(`missing: ${options.out}/${file.path}`);
  for (const { file } of plan.stale) lines.push(`stale:   ${options.out}/${file.path}`);
  for (const file of plan.extra) lines.push(`extra:   ${options.out}/${file} (its script is gone)`);
  for (const { file, current } of plan.stale) lines.push('', unifiedDiff(`${options.out}/${file.path}`, current, file.content));
  io.err(lines.join('\n'));
  const changed = plan.missing.length + plan.stale.length + plan.extra.length;
  print(`luagen check: ${countLine(run)}; ${changed} file(s) in ${options.out}/ are out of date: run luagen build (${elapsed(run)})`);
  return EXIT.stale;
}
