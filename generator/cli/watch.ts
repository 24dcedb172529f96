import { watch } from 'node:fs';
import * as path from 'node:path';
import { buildCommand } from './build';
import { EXIT, type CliIO } from './io';
import type { CommonOptions } from './options';

/**
 * `luagen watch`: builds, then rebuilds whenever a .lua file under --src changes (debounced), until the
 * signal aborts (Ctrl-C in a terminal). A failing build leaves generated/ as it was, as `build` does.
 */
export async function watchCommand(options: CommonOptions, io: CliIO, signal: AbortSignal, debounceMs = 100): Promise<number> {
  await buildSafely(options, io);
  const srcDir = path.resolve(io.cwd, options.src);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const watcher = watch(srcDir, { recursive: true, signal }, (_, file) => {
    if (file !== null && !String(file).endsWith('.lua')) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(() => buildSafely(options, io));
    }, debounceMs);
  });
  io.out(`luagen watch: watching ${options.src}/ (Ctrl-C to stop)`);
  await new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
    watcher.on('error', () => resolve());
  });
  clearTimeout(timer);
  await running;
  watcher.close();
  return EXIT.ok;
}

async function buildSafely(options: CommonOptions, io: CliIO): Promise<void> {
  try {
    await buildCommand(options, io);
  } catch (error) {
    io.err(`luagen watch: ${error instanceof Error ? error.message : String(error)}`);
  }
}
