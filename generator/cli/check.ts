import { githubAnnotation } from '../diagnostics/format';
import { planIsEmpty, type WritePlan } from '../write/plan';
import { unifiedDiff } from '../write/diff';
import { EXIT, type CliIO } from './io';
import type { CommonOptions } from './options';
import { countLine, elapsed, runGenerate, summaryWriter } from './run-generate';

/** `luagen check`: exit 1 when generated/ (or the catalog, with --docs) differs from what build would write. */
export async function checkCommand(options: CommonOptions, io: CliIO): Promise<number> {
  const run = await runGenerate(options, io);
  const print = summaryWriter(options, io);
  if (!run.plan) {
    print(`luagen check: ${countLine(run)}; fix the errors above`);
    return EXIT.scriptErrors;
  }
  const folders = [{ dir: options.out, plan: run.plan }];
  if (run.docs) folders.push({ dir: run.docs.dir, plan: run.docs.plan });
  const outdated = folders.filter((f) => !planIsEmpty(f.plan));
  if (outdated.length === 0) {
    print(`luagen check: ${countLine(run)}; ${folders.map((f) => `${f.dir}/`).join(' and ')} ${folders.length === 1 ? 'is' : 'are'} up to date (${elapsed(run)})`);
    return EXIT.ok;
  }
  io.err(outdated.map((f) => describeStale(f.dir, f.plan)).join('\n\n'));
  if (options.format === 'github') io.err(outdated.flatMap((f) => staleAnnotations(f.dir, f.plan)).join('\n'));
  const changed = outdated.reduce((sum, f) => sum + f.plan.missing.length + f.plan.stale.length + f.plan.extra.length, 0);
  const where = outdated.map((f) => `${f.dir}/`).join(' and ');
  print(`luagen check: ${countLine(run)}; ${changed} file(s) in ${where} are out of date: run luagen build (${elapsed(run)})`);
  return EXIT.stale;
}

/** `missing:`/`stale:`/`extra:` lines for one folder, then a unified diff of each stale file. */
export function describeStale(dir: string, plan: WritePlan): string {
  const lines: string[] = [];
  for (const file of plan.missing) lines.push(`missing: ${dir}/${file.path}`);
  for (const { file } of plan.stale) lines.push(`stale:   ${dir}/${file.path}`);
  for (const file of plan.extra) lines.push(`extra:   ${dir}/${file} (its script is gone)`);
  for (const { file, current } of plan.stale) lines.push('', unifiedDiff(`${dir}/${file.path}`, current, file.content));
  return lines.join('\n');
}

/** One GitHub annotation per out-of-date file, on its first differing line when it exists. */
function staleAnnotations(dir: string, plan: WritePlan): string[] {
  const annotation = (file: string, line: number, message: string) =>
    githubAnnotation({ severity: 'error', file: `${dir}/${file}`, line, column: 1, title: 'luagen check', body: `${message}\nrun luagen build and commit ${dir}/` });
  return [
    ...plan.missing.map((file) => annotation(file.path, 1, `${dir}/${file.path} is missing: luagen build would write it`)),
    ...plan.stale.map(({ file, current }) =>
      annotation(file.path, firstDifferingLine(current, file.content), `${dir}/${file.path} is stale: luagen build would change it`),
    ),
    ...plan.extra.map((file) => annotation(file, 1, `${dir}/${file} is left over: its script is gone, luagen build would remove it`)),
  ];
}

function firstDifferingLine(before: string, after: string): number {
  const a = before.split('\n');
  const b = after.split('\n');
  let line = 0;
  while (line < a.length && line < b.length && a[line] === b[line]) line++;
  return line + 1;
}
