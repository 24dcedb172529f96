import { mkdirSync, renameSync, rmSync, readdirSync, rmdirSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { MANIFEST_NAME } from './manifest';
import type { WritePlan } from './plan';

export interface WriteSummary {
  readonly written: number;
  readonly removed: number;
}

/**
 * Carries out a plan, under the output folder's lock. Leftovers of an interrupted build go first. Every new
 * content is then written to a temporary file beside its target (a short name, whatever the target's length);
 * only when all are on disk are they renamed over the targets (each rename is atomic), so a failure while
 * staging leaves every existing file as it was. Files of scripts that are gone are removed next, and the
 * manifest is renamed last: until then the old manifest (and the lock left by a killed build) tell that the
 * folder is mid-change.
 */
export function applyPlan(outDir: string, plan: WritePlan): WriteSummary {
  for (const file of plan.leftovers) rmSync(path.join(outDir, file), { force: true });
  const targets = [...plan.missing, ...plan.stale.map((s) => s.file)];
  const ordered = [...targets.filter((f) => f.path !== MANIFEST_NAME), ...targets.filter((f) => f.path === MANIFEST_NAME)];
  const staged: { temp: string; target: string }[] = [];
  // Synchronous calls on purpose: for many small files they are several times faster than one promise each.
  const folders = new Set<string>();
  try {
    for (const file of ordered) {
      const target = path.join(outDir, file.path);
      const folder = path.dirname(target);
      if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
      folders.add(folder);
      const temp = path.join(folder, `.luagen-tmp-${process.pid}-${staged.length}`);
      writeFileSync(temp, file.content, 'utf8');
      staged.push({ temp, target });
    }
  } catch (error) {
    for (const { temp } of staged) rmSync(temp, { force: true });
    throw error;
  }
  const manifest = staged.length > 0 && ordered[ordered.length - 1].path === MANIFEST_NAME ? staged.pop() : undefined;
  for (const { temp, target } of staged) renameSync(temp, target);
  for (const file of plan.extra) {
    const target = path.join(outDir, file);
    rmSync(target, { force: true });
    removeEmptyParents(path.dirname(target), outDir);
  }
  if (manifest) renameSync(manifest.temp, manifest.target);
  const written = ordered.filter((f) => f.path !== MANIFEST_NAME).length;
  return { written, removed: plan.extra.length };
}

function removeEmptyParents(dir: string, stop: string): void {
  const root = path.resolve(stop);
  let current = path.resolve(dir);
  while (current !== root && current.startsWith(root + path.sep)) {
    let entries: string[];
    try {
      entries = readdirSync(current);
    } catch {
      return;
    }
    if (entries.length > 0) return;
    rmdirSync(current);
    current = path.dirname(current);
  }
}
