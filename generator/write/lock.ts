import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { FolderError } from './out-folder';
import { LOCK_NAME } from './manifest';

/**
 * One build at a time writes an output folder: a build creates `<out>/.luagen.lock` (exclusively) holding its
 * pid and host, and removes it when done. A lock whose process is gone (same host, pid not running) is stale:
 * the build that was writing was killed, so the folder may be half-written and the next build takes over.
 */

interface LockOwner {
  readonly pid: number;
  readonly host: string;
}

export type LockState =
  | { readonly kind: 'free' }
  | { readonly kind: 'held' | 'stale'; readonly owner: LockOwner; /** The lock file's text, to remove only the lock that was seen. */ readonly text: string };

const WAIT_MS = 30_000;
const POLL_MS = 50;

export function lockState(outDir: string): LockState {
  let text: string;
  try {
    text = readFileSync(path.join(outDir, LOCK_NAME), 'utf8');
  } catch {
    return { kind: 'free' };
  }
  let owner: LockOwner;
  try {
    const parsed = JSON.parse(text) as Partial<LockOwner>;
    owner = { pid: Number(parsed.pid), host: String(parsed.host) };
  } catch {
    // A lock killed between create and write is empty: nobody can be holding it.
    return { kind: 'stale', owner: { pid: 0, host: os.hostname() }, text };
  }
  return { kind: owner.host === os.hostname() && !isRunning(owner.pid) ? 'stale' : 'held', owner, text };
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Waits while another live build holds the lock; resolves with the last state (free or stale) or throws on timeout. */
export async function waitForLock(outDir: string, out: string, waitMs = WAIT_MS): Promise<LockState> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const state = lockState(outDir);
    if (state.kind !== 'held') return state;
    if (Date.now() >= deadline) {
      throw new FolderError(
        `another luagen build (pid ${state.owner.pid} on ${state.owner.host}) has been writing ${out}/ for ${waitMs / 1000} s; ` +
          `wait for it, or delete ${out}/${LOCK_NAME} if that process is gone`,
      );
    }
    await sleep(POLL_MS);
  }
}

/** Takes the output folder's lock (creating the folder), waiting for a live holder; returns the release function. */
export async function acquireLock(outDir: string, out: string, waitMs = WAIT_MS): Promise<() => void> {
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, LOCK_NAME);
  const content = JSON.stringify({ pid: process.pid, host: os.hostname() });
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      writeFileSync(file, content, { flag: 'wx' });
      return () => removeIfUnchanged(file, content);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const state = await waitForLock(outDir, out, Math.max(0, deadline - Date.now()));
    if (state.kind === 'stale') removeIfUnchanged(file, state.text);
  }
}

function removeIfUnchanged(file: string, text: string): void {
  try {
    if (readFileSync(file, 'utf8') === text) rmSync(file, { force: true });
  } catch {
    // Already gone: the next attempt takes it.
  }
}
