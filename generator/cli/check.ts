import { hasErrors } from '../diagnostics/diagnostic';
import { githubAnnotation } from '../diagnostics/format';
import { waitForLock, type LockState } from '../write/lock';
import { LOCK_NAME } from '../write/manifest';
import { FolderError } from '../write/out-folder';
import { planIsEmpty, planWrite, type WritePlan } from '../write/plan';
import { unifiedDiff } from '../write/diff';
import { EXIT, type CliIO } from './io';
import type { CommonOptions } from './options';
import { countLine, elapsed, runGenerate, summaryWriter, type OutputFolder } from './run-generate';

/**
 * `luagen check`: exit 1 when generated/ (or the catalog, with --docs) differs in any way from what build would
 * write: every file in the folder is accounted for. It regenerates from the sources (never trusts the cache)
 * and waits for a build that is writing a folder.
 */
export async function checkCommand(options: CommonOptions, io: CliIO): Promise<number> {
  const run = await runGenerate(options, io, { client: true, useCache: false });
  const print = summaryWriter(options, io);
  if (hasErrors(run.result.diagnostics) || !run.client) {
    print(`luagen check: ${countLine(run)}; fix the errors above`);
    return EXIT.scriptErrors;
  }
  const folders = [run.client, ...(run.docs ? [run.docs] : [])];
  const states = await Promise.all(folders.map(compareFolder));
  const outdated = states.filter((s) => !planIsEmpty(s.plan) || s.lock.kind !== 'free');
  if (outdated.length === 0) {
    print(`luagen check: ${countLine(run)}; ${folders.map((f) => `${f.dir}/`).join(' and ')} ${folders.length === 1 ? 'is' : 'are'} up to date (${elapsed(run)})`);
    return EXIT.ok;
  }
  io.err(outdated.map((s) => describeStale(s.folder.dir, s.plan, s.lock)).join('\n\n'));
  if (options.format === 'github') io.err(outdated.flatMap((s) => staleAnnotations(s.folder.dir, s.plan)).join('\n'));
  const changed = outdated.reduce((sum, s) => sum + problemCount(s.plan), 0);
  const interrupted = outdated.some((s) => s.lock.kind === 'stale') ? 'an interrupted build and ' : '';
  const where = outdated.map((s) => `${s.folder.dir}/`).join(' and ');
  print(`luagen check: ${countLine(run)}; ${interrupted}${changed} file(s) in ${where} are out of date: run luagen build (${elapsed(run)})`);
  return EXIT.stale;
}

interface FolderState {
  readonly folder: OutputFolder;
  readonly plan: WritePlan;
  readonly lock: LockState;
}

async function compareFolder(folder: OutputFolder): Promise<FolderState> {
  const lock = await waitForLock(folder.absoluteDir, folder.dir);
  const compared = planWrite(folder.absoluteDir, folder.files);
  const plan = folder.keepsOtherFiles ? { ...compared, foreign: [] } : compared;
  if (plan.hazard) throw new FolderError(`'${folder.dir}' is not a folder luagen can own: ${plan.hazard}`);
  return { folder, plan, lock };
}

function problemCount(plan: WritePlan): number {
  return [plan.missing, plan.stale, plan.extra, plan.foreign, plan.blocked, plan.leftovers].reduce((n, list) => n + list.length, 0);
}

/** One line per file that is not as build would leave it, then a unified diff of each stale file. */
export function describeStale(dir: string, plan: WritePlan, lock: LockState = { kind: 'free' }): string {
  const lines: string[] = [];
  if (lock.kind === 'stale') {
    lines.push(`interrupted: ${dir}/${LOCK_NAME} (a build, pid ${lock.owner.pid}, was killed while writing; the folder may be half-written)`);
  }
  for (const file of plan.missing) lines.push(`missing: ${dir}/${file.path}`);
  for (const { file } of plan.stale) lines.push(`stale:   ${dir}/${file.path}`);
  for (const file of plan.extra) lines.push(`extra:   ${dir}/${file} (its script is gone)`);
  for (const file of plan.foreign) lines.push(`extra:   ${dir}/${file} (not written by luagen: move it out of ${dir}/, which luagen owns)`);
  for (const file of plan.blocked) lines.push(`foreign: ${dir}/${file} (luagen writes this path but did not write this file: move it away)`);
  for (const file of plan.leftovers) lines.push(`leftover: ${dir}/${file} (a temporary file of an interrupted build)`);
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
    ...plan.foreign.map((file) => annotation(file, 1, `${dir}/${file} was not written by luagen: move it out of ${dir}/`)),
    ...plan.blocked.map((file) => annotation(file, 1, `${dir}/${file} is in luagen's way: luagen did not write it`)),
    ...plan.leftovers.map((file) => annotation(file, 1, `${dir}/${file} is a temporary file of an interrupted build`)),
  ];
}

function firstDifferingLine(before: string, after: string): number {
  const a = before.split('\n');
  const b = after.split('\n');
  let line = 0;
  while (line < a.length && line < b.length && a[line] === b[line]) line++;
  return line + 1;
}
