import { promises as fs, type Stats } from 'node:fs';
import * as path from 'node:path';
import type { FSWatcher } from 'chokidar';
import { buildCommand } from './build';
import { EXIT, type CliIO } from './io';
import type { CommonOptions } from './options';

/**
 * `luagen watch`: starts watching, builds, then rebuilds whenever a .lua file or a folder under --src is added, changed, renamed
 * or removed (debounced), until the signal aborts (Ctrl-C in a terminal). A failing build leaves generated/ as
 * it was, as `build` does.
 *
 * chokidar watches each folder rather than Node's recursive fs.watch, which on Linux loses a file for good once
 * an editor saves it atomically (writes a temp file and renames it over the script: vim, JetBrains safe-write,
 * `sed -i`). Its `atomic` option folds such a delete-then-add into one change.
 */
export async function watchCommand(options: CommonOptions, io: CliIO, signal: AbortSignal, debounceMs = 100): Promise<number> {
  const srcDir = path.resolve(io.cwd, options.src);
  if (!(await isDirectory(srcDir))) {
    await buildSafely(options, io); // it names the missing folder
    return EXIT.usage;
  }
  const rebuild = debouncedBuild(options, io, debounceMs);
  // Loaded here, not at start: build and check (which share cli.ts with watch) need no file watcher.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { watch } = require('chokidar') as typeof import('chokidar');
  const watcher = watch(srcDir, { ignoreInitial: true, atomic: true, ignored: isIgnored });
  watcher.on('all', (event, file) => {
    if (event === 'addDir' || event === 'unlinkDir' || file.endsWith('.lua')) rebuild.schedule();
  });
  watcher.on('error', (error) => io.err(`luagen watch: ${error instanceof Error ? error.message : String(error)}`));
  // Watching before the first build: a save made while it runs queues a rebuild instead of going unseen.
  await ready(watcher);
  await rebuild.now();
  if (!signal.aborted) io.out(`luagen watch: watching ${options.src}/ (Ctrl-C to stop)`);
  await new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await watcher.close();
  await rebuild.settle();
  return EXIT.ok;
}

/** Files that are not scripts (editors' temp and backup files among them); folders are always watched. */
function isIgnored(file: string, stats?: Stats): boolean {
  return stats !== undefined && stats.isFile() && !file.endsWith('.lua');
}

function isDirectory(dir: string): Promise<boolean> {
  return fs.stat(dir).then((stat) => stat.isDirectory(), () => false);
}

function ready(watcher: FSWatcher): Promise<void> {
  return new Promise((resolve) => watcher.once('ready', () => resolve()));
}

/** One build per burst of events; events during a build queue exactly one more build after it. */
function debouncedBuild(options: CommonOptions, io: CliIO, debounceMs: number): { schedule(): void; now(): Promise<void>; settle(): Promise<void> } {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let queued = false;
  const now = () => {
    clearTimeout(timer);
    if (!queued) {
      queued = true;
      running = running.then(() => {
        queued = false;
        return buildSafely(options, io);
      });
    }
    return running;
  };
  return {
    schedule() {
      clearTimeout(timer);
      timer = setTimeout(now, debounceMs);
    },
    now,
    async settle() {
      clearTimeout(timer);
      await running;
    },
  };
}

async function buildSafely(options: CommonOptions, io: CliIO): Promise<void> {
  try {
    await buildCommand(options, io);
  } catch (error) {
    io.err(`luagen watch: ${error instanceof Error ? error.message : String(error)}`);
  }
}
