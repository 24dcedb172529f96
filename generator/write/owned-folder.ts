import { existsSync, rmdirSync } from 'node:fs';
import type { GeneratedFile } from '../emit/module';
import { applyPlan, type WriteSummary } from './apply';
import { acquireLock } from './lock';
import { MANIFEST_NAME } from './manifest';
import { FolderError } from './out-folder';
import { planWrite, type WritePlan } from './plan';

export interface FolderWrite extends WriteSummary {
  /** Files in the folder luagen did not write: left alone, and `check` fails on them. */
  readonly foreign: readonly string[];
}

/**
 * Makes a folder luagen owns hold exactly `files` (and their manifest), under the folder's lock. Refuses
 * (FolderError, nothing written) a folder that is not its own or a file in its way that it did not write.
 */
export async function writeOwnedFolder(absoluteDir: string, dir: string, files: readonly GeneratedFile[]): Promise<FolderWrite> {
  const existed = existsSync(absoluteDir);
  const release = await acquireLock(absoluteDir, dir);
  let written = false;
  try {
    const plan = planWrite(absoluteDir, files);
    refuseUnsafe(plan, dir);
    const summary = applyPlan(absoluteDir, plan);
    written = true;
    return { ...summary, foreign: plan.foreign };
  } finally {
    release();
    if (!written && !existed) removeIfEmpty(absoluteDir);
  }
}

/** Removes a folder this build created when it turned out not to write into it. */
function removeIfEmpty(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // Not empty (or already gone): leave it.
  }
}

function refuseUnsafe(plan: WritePlan, dir: string): void {
  if (plan.hazard) {
    throw new FolderError(`'${dir}' is not a folder luagen can own: ${plan.hazard}; pass a folder of its own`);
  }
  if (plan.blocked.length > 0) {
    const files = plan.blocked.map((file) => `${dir}/${file}`).join(', ');
    throw new FolderError(
      `${files}: not written by luagen (no luagen banner, not listed in ${dir}/${MANIFEST_NAME}), so not overwritten; ` +
        `move ${plan.blocked.length === 1 ? 'it' : 'them'} out of ${dir}/ (luagen owns that folder), then build again. Nothing was written.`,
    );
  }
}
