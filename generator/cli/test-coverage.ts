/** `luagen test --lcov`: the client built from instrumented copies of the scripts, and the coverage they logged. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { hasErrors } from '../diagnostics/diagnostic';
import { discoverScripts, resolveSourceFolder } from '../discover/discover';
import { readTemplates } from '../discover/templates';
import type { GeneratedFile } from '../emit/module';
import { generate, type GenerateResult } from '../generate';
import type { ScriptModel } from '../model/script';
import { countHits, coverageLine, instrument, toLcov, type FileCoverage } from '../prove/coverage';
import type { CliIO } from './io';
import { toConfig, type CommonOptions } from './options';

export interface InstrumentedClient {
  readonly files: readonly GeneratedFile[];
  /** Script file -> [probe index, lines that hold a statement]. */
  readonly probes: ReadonlyMap<string, { readonly index: number; readonly lines: readonly number[] }>;
}

/** The same scripts with a probe before every statement, generated like the real client. */
export async function instrumentedClient(options: CommonOptions, io: CliIO, plain: GenerateResult): Promise<InstrumentedClient> {
  const config = toConfig(options, await resolveSourceFolder(io.cwd, options.src));
  const [inputs, templates] = await Promise.all([discoverScripts(io.cwd, config.srcDir), readTemplates()]);
  const scriptFiles = new Set(plain.scripts.map((s) => s.sourcePath));
  const probes = new Map<string, { index: number; lines: readonly number[] }>();
  const instrumented = inputs.map((input) => {
    if (!scriptFiles.has(input.path)) return input;
    const copy = instrument(probes.size, input.text);
    if (!copy) return input;
    probes.set(input.path, { index: probes.size, lines: copy.lines });
    return { path: input.path, text: copy.text };
  });
  const result = generate(config, { scripts: instrumented, templates });
  if (hasErrors(result.diagnostics)) {
    const first = result.diagnostics.find((d) => d.severity === 'error')!;
    throw new Error(`--lcov: the instrumented copy of ${first.file} does not build (${first.code} ${first.message}); run without --lcov`);
  }
  return { files: result.files, probes };
}

/** Reads the hits from the server log, writes the lcov file and returns one summary line per script. */
export async function writeCoverage(
  client: InstrumentedClient, scripts: readonly ScriptModel[], logFile: string, lcovPath: string, cwd: string,
): Promise<string[]> {
  const hits = countHits(await fs.readFile(logFile, 'latin1'));
  const files: FileCoverage[] = scripts.flatMap((script) => {
    const probe = client.probes.get(script.sourcePath);
    return probe ? [{ file: script.sourcePath, lines: probe.lines, hits: hits.get(probe.index) ?? new Map<number, number>() }] : [];
  });
  const target = path.resolve(cwd, lcovPath);
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.writeFile(target, toLcov(files));
  return [...files.map((f) => `coverage: ${coverageLine(f)}`), `coverage: lcov written to ${lcovPath}`];
}
