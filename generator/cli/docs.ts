import { DEFAULT_CONFIG } from '../config';
import { EXIT, type CliIO } from './io';
import type { CommonOptions } from './options';
import { writeFolder } from './build';
import { countLine, elapsed, runGenerate, summaryWriter } from './run-generate';

/** Where `luagen docs` writes the catalog unless told otherwise. */
export const DEFAULT_DOCS_DIR = 'docs/scripts';

export type DocsOptions = Omit<CommonOptions, 'out' | 'esm' | 'docs'> & { readonly out: string };

/**
 * `luagen docs`: writes the script catalog (Markdown, one page per namespace and an index) to `--out`, when every
 * script is free of errors. The client is not written; `luagen build --docs <dir>` writes both.
 */
export async function docsCommand(options: DocsOptions, io: CliIO): Promise<number> {
  const common: CommonOptions = { ...options, out: DEFAULT_CONFIG.outDir, esm: false, docs: options.out };
  const run = await runGenerate(common, io, { client: false, useCache: true });
  const print = summaryWriter(common, io);
  if (!run.docs) {
    print(`luagen docs: ${countLine(run)}; ${options.out}/ left unchanged (${elapsed(run)})`);
    return EXIT.scriptErrors;
  }
  const written = await writeFolder(run.docs, io, 'docs');
  const pages = `${run.docs.files.length} pages in ${run.docs.dir}/ (${written.written} written, ${written.removed} removed)`;
  print(`luagen docs: ${countLine(run)}, ${pages} in ${elapsed(run)}`);
  return EXIT.ok;
}
