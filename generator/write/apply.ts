import { mkdirSync, renameSync, rmSync, writeFileSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { WritePlan } from './plan';

export interface WriteSummary {
  readonly written: number;
  readonly removed: number;
}

/**
 * Carries out a plan. Every new content is first written to a temporary file beside its target; only when
 * all are on disk are they renamed over the targets (rename is atomic), so a failure part-way leaves every
 * existing file as it was. Stale luagen files are removed last, and folders left empty with them.
 */
export async function applyPlan(outDir: string, plan: WritePlan): Promise<WriteSummary> {
  const targets = [...plan.missing, ...plan.stale.map((s) => s.file)];
  const staged: { temp: string; target: string }[] = [];
  // Synchronous calls on purpose: for many small files they are several times faster than one promise each.
  const folders = new Set<string>();
  try {
    for (const file of targets) {
      const target = path.join(outDir, file.path);
      const folder = path.dirname(target);
      if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
      folders.add(folder);
      const temp = `${target}.luagen-tmp-${process.pid}`;
      writeFileSync(temp, file.content, 'utf8');
      staged.push({ temp, target });
    }
  } catch (error) {
    for (const { temp } of staged) rmSync(temp, { force: true });
    throw error;
  }
  for (const { temp, target } of staged) renameSync(temp, target);
  for (const file of plan.extra) {
    const target = path.join(outDir, file);
    await fs.rm(target, { force: true });
    await removeEmptyParents(path.dirname(target), outDir);
  }
  return { written: targets.length, removed: plan.extra.length };
}

async function removeEmptyParents(dir: string, stop: string): Promise<void> {
  const root = path.resolve(stop);
  let current = path.resolve(dir);
  while (current !== root && current.startsWith(root)) {
    const entries = await fs.readdir(current).catch(() => ['?']);
    if (entries.length > 0) return;
    await fs.rmdir(current);
    current = path.dirname(current);
  }
}
