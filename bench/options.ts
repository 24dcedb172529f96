/** How big each part of the benchmark is: the full run, or `--quick` (a smoke run of the same code paths). */
export interface BenchOptions {
  readonly quick: boolean;
  /**
   * Measured rounds (each variant once per round, interleaved, the order reversed every other round); a warm-up
   * round comes first. Even, so that every variant runs as often early in a round as late.
   */
  readonly rounds: number;
  /** Calls per run, by mode. */
  readonly calls: { readonly serial: number; readonly concurrent: number; readonly pipelined: number };
  readonly concurrency: number;
  readonly pipelineSize: number;
  /** Distinct rate-limiter keys. */
  readonly keys: number;
  /** redis-benchmark requests per run, by configuration. */
  readonly benchmarkRequests: { readonly wide: number; readonly single: number };
  /** Corpus sizes for the build-time part. */
  readonly corpusSizes: readonly number[];
  readonly buildRuns: number;
  /** Corpora of at least `scripts` scripts: fewer runs (`buildRuns`), and no `tsc --noEmit` over their output. */
  readonly largeCorpus: { readonly scripts: number; readonly buildRuns: number };
  /** The corpus size `bench/build/phases.js` breaks down (the largest size up to this one). */
  readonly phasesScripts: number;
  readonly tscRuns: number;
  /** Scripts in the generated clients an application imports, for the `tsc --noEmit` part. */
  readonly tscSizes: readonly number[];
  /** Where RESULTS.md is written (undefined: not written). */
  readonly resultsFile: string | undefined;
  /** Which halves run (`--runtime-only`, `--build-only`); RESULTS.md is written only when both do. */
  readonly parts: { readonly runtime: boolean; readonly build: boolean };
}

export const FULL: BenchOptions = {
  quick: false,
  // The run-time targets are 3%; one round's ratio spreads ±10–25% on this shared 2-core machine. With 10 rounds,
  // two full runs of one commit put different modes on either side of 3% (2026-11-29); the median of 16 is steadier.
  rounds: 16,
  calls: { serial: 10_000, concurrent: 50_000, pipelined: 100_000 },
  concurrency: 50,
  pipelineSize: 100,
  keys: 1000,
  benchmarkRequests: { wide: 500_000, single: 200_000 },
  corpusSizes: [10, 100, 1000, 10_000],
  buildRuns: 5,
  largeCorpus: { scripts: 10_000, buildRuns: 2 },
  phasesScripts: 1000,
  tscRuns: 5,
  tscSizes: [10, 1000],
  resultsFile: 'bench/RESULTS.md',
  parts: { runtime: true, build: true },
};

export const QUICK: BenchOptions = {
  quick: true,
  rounds: 1,
  calls: { serial: 200, concurrent: 500, pipelined: 1000 },
  concurrency: 50,
  pipelineSize: 100,
  keys: 1000,
  benchmarkRequests: { wide: 5_000, single: 2_000 },
  corpusSizes: [3, 10],
  buildRuns: 1,
  largeCorpus: { scripts: 10_000, buildRuns: 1 },
  phasesScripts: 1000,
  tscRuns: 1,
  tscSizes: [3, 10],
  resultsFile: undefined,
  parts: { runtime: true, build: true },
};

export function parseOptions(argv: readonly string[]): BenchOptions {
  const unknown = argv.filter((a) => !['--quick', '--runtime-only', '--build-only'].includes(a));
  if (unknown.length > 0) throw new Error(`bench: unknown option(s) ${unknown.join(' ')} (known: --quick, --runtime-only, --build-only)`);
  const base = argv.includes('--quick') ? QUICK : FULL;
  const parts = { runtime: !argv.includes('--build-only'), build: !argv.includes('--runtime-only') };
  const complete = parts.runtime && parts.build;
  return { ...base, parts, resultsFile: complete ? base.resultsFile : undefined };
}
