import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { BenchOptions } from '../options';
import { writeCorpus } from './corpus';
import { jitSample, type JitSample } from './jit';
import { measureProcess, type ProcessSample } from './measure';
import { packFolder } from './pack';
import { median } from '../stats';
import { folderSize, measureTsc, type TscResult } from './tsc';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
/** Git-ignored work folder: corpora, outputs, tsconfigs. */
export const CORPUS_ROOT = 'bench/.corpus';

export interface BuildRow {
  readonly scripts: number;
  readonly corpusBytes: number;
  readonly corpusLines: number;
  readonly floor: readonly ProcessSample[];
  readonly cold: readonly ProcessSample[];
  readonly noop: readonly ProcessSample[];
  readonly check: readonly ProcessSample[];
  readonly generatedFiles: number;
  readonly generatedBytes: number;
}

export interface BuildResult {
  readonly rows: readonly BuildRow[];
  /** `tsc --noEmit` of an application importing a generated client, beside the client library and zod alone. */
  readonly tsc: TscResult;
  /** Where a cold build spends its time: ms per step, median of the runs, for a corpus of `phasesScripts`. */
  readonly phases: readonly { readonly step: string; readonly ms: number }[];
  readonly phasesScripts: number;
  /** TurboFan's work in the floor and in a cold build of `phasesScripts` scripts (`--trace-opt`), interleaved runs. */
  readonly jit: { readonly floor: readonly JitSample[]; readonly cold: readonly JitSample[] };
  /** The exact command lines, with N for the corpus size. */
  readonly commands: readonly string[];
}

const NODE = process.execPath;
const TSC = path.join(REPO_ROOT, 'node_modules/typescript/bin/tsc');
const dirs = (size: number) => ({
  src: `${CORPUS_ROOT}/src-${size}`,
  out: `${CORPUS_ROOT}/out-${size}`,
  floor: `${CORPUS_ROOT}/floor-${size}`,
  /** The bytes a build of src-N writes, packed into one file for the floor (bench/build/pack.ts). */
  pack: `${CORPUS_ROOT}/pack-${size}.json`,
});

/** A private compile of the CLI (as `npm run build` makes dist/), so that a concurrent rebuild of dist/ cannot change it mid-run. */
const CLI_DIST = `${CORPUS_ROOT}/dist`;
/** luagen's result cache (generator/cli/generate-cache.ts), private to the benchmark and emptied before each cold build. */
const CACHE_DIR = `${CORPUS_ROOT}/cache`;
const CLI_ENV = { ...process.env, LUAGEN_CACHE_DIR: path.join(REPO_ROOT, CACHE_DIR) };
const cli = (command: 'build' | 'check', size: number) => [`${CLI_DIST}/cli.js`, command, '--src', dirs(size).src, '--out', dirs(size).out];

const remove = (dir: string) => fs.rm(path.join(REPO_ROOT, dir), { recursive: true, force: true });

/** Builds src-N once (untimed) and packs its output: the floor writes exactly these bytes. */
async function packBuildOutput(size: number): Promise<void> {
  const d = dirs(size);
  await remove(d.out);
  await remove(CACHE_DIR);
  await measureProcess(NODE, cli('build', size), REPO_ROOT, CLI_ENV);
  await packFolder(path.join(REPO_ROOT, d.out), path.join(REPO_ROOT, d.pack));
}

/** The floor must have written what the build writes: the same files, byte for byte. */
async function checkSameBytes(size: number): Promise<void> {
  const d = dirs(size);
  const [floor, build] = await Promise.all([folderSize(path.join(REPO_ROOT, d.floor)), folderSize(path.join(REPO_ROOT, d.out))]);
  if (floor.files !== build.files || floor.bytes !== build.bytes) {
    throw new Error(`bench: the floor wrote ${floor.files} files, ${floor.bytes} bytes; the build ${build.files} files, ${build.bytes} bytes`);
  }
}

async function measureSize(size: number, options: BenchOptions): Promise<BuildRow> {
  const d = dirs(size);
  const large = size >= options.largeCorpus.scripts;
  const corpus = await writeCorpus(path.join(REPO_ROOT, d.src), size);
  await packBuildOutput(size);
  const floor: ProcessSample[] = [];
  const cold: ProcessSample[] = [];
  const noop: ProcessSample[] = [];
  const check: ProcessSample[] = [];
  // Interleaved: floor, cold build, no-op build, check; repeated.
  for (let run = 0; run < (large ? options.largeCorpus.buildRuns : options.buildRuns); run++) {
    await remove(d.floor);
    floor.push(await measureProcess(NODE, ['bench/build/floor.js', d.src, d.pack, d.floor], REPO_ROOT));
    await remove(d.out);
    await remove(CACHE_DIR);
    cold.push(await measureProcess(NODE, cli('build', size), REPO_ROOT, CLI_ENV));
    noop.push(await measureProcess(NODE, cli('build', size), REPO_ROOT, CLI_ENV));
    check.push(await measureProcess(NODE, cli('check', size), REPO_ROOT, CLI_ENV));
  }
  await checkSameBytes(size);
  const generated = await folderSize(path.join(REPO_ROOT, d.out));
  return {
    scripts: size, corpusBytes: corpus.bytes, corpusLines: corpus.lines, floor, cold, noop, check,
    generatedFiles: generated.files, generatedBytes: generated.bytes,
  };
}

/** Compiles the CLI as `npm run build` does (`tsc -p tsconfig.build.json`), into CLI_DIST. */
export async function buildCli(): Promise<void> {
  await remove(CLI_DIST);
  await measureProcess(NODE, [TSC, '-p', 'tsconfig.build.json', '--outDir', CLI_DIST], REPO_ROOT);
}

async function measurePhases(size: number, options: BenchOptions): Promise<BuildResult['phases']> {
  const out = `${CORPUS_ROOT}/phases-${size}`;
  const runs: Record<string, number>[] = [];
  for (let run = 0; run < options.buildRuns; run++) {
    await remove(out);
    const sample = await measureProcess(NODE, ['bench/build/phases.js', CLI_DIST, dirs(size).src, out], REPO_ROOT);
    runs.push(JSON.parse(sample.stdout) as Record<string, number>);
  }
  return Object.keys(runs[0] ?? {}).map((step) => ({ step, ms: median(runs.map((r) => r[step] ?? NaN)) }));
}

/** The floor and a cold build again, under `--trace-opt`: how much optimizing compilation each one needs. */
async function measureJit(size: number, options: BenchOptions): Promise<BuildResult['jit']> {
  const d = dirs(size);
  const floor: JitSample[] = [];
  const cold: JitSample[] = [];
  for (let run = 0; run < options.buildRuns; run++) {
    await remove(d.floor);
    floor.push(jitSample((await measureProcess(NODE, ['--trace-opt', 'bench/build/floor.js', d.src, d.pack, d.floor], REPO_ROOT)).stdout));
    await remove(d.out);
    await remove(CACHE_DIR);
    cold.push(jitSample((await measureProcess(NODE, ['--trace-opt', ...cli('build', size)], REPO_ROOT, CLI_ENV)).stdout));
  }
  return { floor, cold };
}

/** The build-time half of the benchmark. */
export async function runBuildBench(options: BenchOptions): Promise<BuildResult> {
  await buildCli();
  const rows: BuildRow[] = [];
  for (const size of options.corpusSizes) rows.push(await measureSize(size, options));
  const build = async (args: readonly string[]) => void (await measureProcess(NODE, [`${CLI_DIST}/cli.js`, ...args], REPO_ROOT, CLI_ENV));
  const tsc = await measureTsc(options, path.join(REPO_ROOT, CORPUS_ROOT), [NODE, TSC], build);
  const phasesSize = options.corpusSizes.filter((size) => size <= options.phasesScripts).pop() ?? options.corpusSizes[0]!;
  const phases = await measurePhases(phasesSize, options);
  const jit = await measureJit(phasesSize, options);
  const commands = [
    `node node_modules/typescript/bin/tsc -p tsconfig.build.json --outDir ${CLI_DIST}   # once, before the runs`,
    `node ${cli('build', 0).join(' ').replace(/-0\b/g, '-N')}   # once per N, untimed; packFolder (bench/build/pack.ts) of out-N into pack-N.json`,
    `node bench/build/floor.js ${CORPUS_ROOT}/src-N ${CORPUS_ROOT}/pack-N.json ${CORPUS_ROOT}/floor-N   # after rm -rf of the output`,
    `export LUAGEN_CACHE_DIR=${CACHE_DIR}   # luagen's result cache, private to the benchmark`,
    `node ${cli('build', 0).join(' ').replace(/-0\b/g, '-N')}   # cold: after rm -rf of the output and of the cache`,
    `node ${cli('build', 0).join(' ').replace(/-0\b/g, '-N')}   # no-op: the same again`,
    `node ${cli('check', 0).join(' ').replace(/-0\b/g, '-N')}`,
    `node ${CLI_DIST}/cli.js build --src ${CORPUS_ROOT}/tsc-src-N --out ${CORPUS_ROOT}/tsc-CLIENT-N/client   # plus the client's build arguments`,
    `node node_modules/typescript/bin/tsc -p ${CORPUS_ROOT}/tsc-CLIENT-N/tsconfig.json   # app.ts importing ./client; tsc-CLIENT-baseline: the client library and zod only`,
    `node bench/build/phases.js ${CLI_DIST} ${CORPUS_ROOT}/src-N ${CORPUS_ROOT}/phases-N   # the cold build step by step, N = ${phasesSize}`,
    `node --trace-opt ...   # the floor and the cold build once more each, N = ${phasesSize}: TurboFan's compiles, counted (bench/build/jit.ts)`,
    "each under /usr/bin/time -f '%M %U %S' (peak RSS, user and system CPU); wall time measured by the parent with process.hrtime",
  ];
  return { rows, tsc, phases, phasesScripts: phasesSize, jit, commands };
}
