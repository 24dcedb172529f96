import { hasErrors } from '../diagnostics/diagnostic';
import { writeOwnedFolder } from '../write/owned-folder';
import { nodeRedisNotice } from './client-version';
import { EXIT, type CliIO } from './io';
import type { CommonOptions } from './options';
import { countLine, elapsed, runGenerate, summaryWriter, type OutputFolder } from './run-generate';

/**
 * `luagen build`: writes generated/ (and the catalog with --docs) when every script is free of errors;
 * otherwise touches nothing. Each folder is written under its lock, and only files luagen owns are replaced
 * or removed (see write/owned-folder.ts).
 */
export async function buildCommand(options: CommonOptions, io: CliIO): Promise<number> {
  const run = await runGenerate(options, io, { client: true, useCache: true });
  const print = summaryWriter(options, io);
  if (hasErrors(run.result.diagnostics) || !run.client) {
    print(`luagen build: ${countLine(run)}; ${options.out}/ left unchanged (${elapsed(run)})`);
    return EXIT.scriptErrors;
  }
  const written = await writeFolder(run.client, io, 'build');
  let files = `${run.result.files.length} files (${written.written} written, ${written.removed} removed)`;
  if (run.docs) {
    const pages = await writeFolder(run.docs, io, 'build');
    files += `, ${run.docs.files.length} catalog pages in ${run.docs.dir}/ (${pages.written} written, ${pages.removed} removed)`;
  }
  print(`luagen build: ${countLine(run)}, ${files} in ${elapsed(run)}`);
  const notice = options.client === 'node-redis' ? nodeRedisNotice(run.client.absoluteDir) : undefined;
  if (notice) io.err(notice);
  return EXIT.ok;
}

/** Writes one output folder and warns about the files in it that luagen did not write. */
export async function writeFolder(folder: OutputFolder, io: CliIO, command: string): Promise<{ written: number; removed: number }> {
  const written = await writeOwnedFolder(folder.absoluteDir, folder.dir, folder.files);
  for (const file of folder.keepsOtherFiles ? [] : written.foreign) {
    io.err(`luagen ${command}: ${folder.dir}/${file} was not written by luagen; it is left as it is, but luagen check fails until it is moved out of ${folder.dir}/`);
  }
  return written;
}
