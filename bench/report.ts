import type { JitSample } from './build/jit';
import type { BuildResult, BuildRow } from './build/run';
import { chartImages, chartSet } from './charts/bench-charts';
import type { MachineInfo } from './machine';
import { buildTable, cpuTable, generatePasses, jitTable, med, medCpu, pairedCpuRatio, pairedRatio, scaling, scalingTable, tscTable } from './report-build';
import { clientCpuPerCall, GENERATED, GENERATED_NODE_REDIS, generatedRatios, NODE_REDIS_RAW, nodeRedisTable, RAW, ratiosBetween, runtimeTable, serverLimit } from './report-runtime';
import type { RuntimeResult } from './runtime/run';
import { fixed, median, thousands } from './stats';
import type { BenchOptions } from './options';

export interface BenchReport {
  readonly machine: MachineInfo;
  readonly options: BenchOptions;
  readonly runtime: RuntimeResult | undefined;
  readonly build: BuildResult | undefined;
  readonly startedAt: Date;
  readonly totalSeconds: number;
  readonly loadAfter: string;
}

const verdict = (holds: boolean, detail: string) => `${holds ? '**holds**' : '**misses**'} (${detail})`;

function machineSection(report: BenchReport): string[] {
  const m = report.machine;
  return [
    '## Machine and versions',
    '',
    `- ${m.cpus} CPUs (\`nproc\`), ${m.cpuModel}, ${m.memoryGb} GiB RAM, ${m.kernel}`,
    `- load average at start: ${m.loadAverage}; at the end: ${report.loadAfter} (the machine is shared: other processes ran beside the benchmark)`,
    `- ${Object.entries(m.versions).map(([name, version]) => `${name} ${version}`).join(', ')}`,
    `- run started ${report.startedAt.toISOString()}, took ${Math.round(report.totalSeconds)} s (\`npm run bench${report.options.quick ? ' -- --quick' : ''}\`)`,
  ];
}

/** Issue 13's run-time targets, one line each, with whether the run shows them. */
export function runtimeVerdicts(runtime: RuntimeResult): { text: string; holds: boolean }[] {
  const ioredis = generatedRatios(runtime).map(({ mode, ratio, cpuRatio }) => ({
    text: `generated function within 3% of raw defineCommand, ${mode}`,
    detail: `calls/s ${fixed(ratio, 3)}× defineCommand, client CPU per call ${fixed(cpuRatio, 3)}×`,
    holds: ratio >= 0.97 && cpuRatio <= 1.03,
  }));
  const nodeRedis = ratiosBetween(runtime, GENERATED_NODE_REDIS, NODE_REDIS_RAW).map(({ mode, ratios }) => ({
    text: `generated node-redis function within 3% of raw node-redis \`defineScript\`, ${mode}`,
    detail: `calls/s ${fixed(median(ratios), 3)}×`,
    holds: median(ratios) >= 0.97,
  }));
  return [...ioredis, ...nodeRedis].map(({ text, detail, holds }) => ({ text: `${text}: ${verdict(holds, detail)}`, holds }));
}

function runtimeTargets(runtime: RuntimeResult): string[] {
  return runtimeVerdicts(runtime).map((v) => `- ${v.text}`);
}

function runtimeSection(runtime: RuntimeResult, options: BenchOptions): string[] {
  const limit = serverLimit(runtime);
  const raw = runtime.rows.filter((r) => r.variant === RAW);
  const generated = runtime.rows.filter((r) => r.variant === GENERATED);
  const extra = generated.map((g, i) => `${g.mode}: +${fixed(clientCpuPerCall(g) - clientCpuPerCall(raw[i]!), 2)} µs`).join('; ');
  return [
    '## Run time: a fixed-window rate limiter (INCR, PEXPIRE, PTTL) over 1000 keys',
    '',
    `Script: \`bench/lua/bench/fixed_window.lua\` (SHA1 \`${runtime.script.sha1}\`), generated with the core into`,
    '`bench/.generated/client/` at the start of the run; every client runs this exact text (the SHA1 is checked',
    'against SCRIPT LOAD and node-redis). Keys `bench:rl:000000000000` … `bench:rl:000000000999`, limit 100, window 1000 ms.',
    `One call per client on a fresh key, in order, gave: ${runtime.sameScriptCheck.map((c) => `${c.variant} → \`${JSON.stringify(c.reply)}\``).join('; ')}.`,
    '',
    `Each run: ${thousands(options.calls.serial)} calls with 1 caller, ${thousands(options.calls.concurrent)} with ${options.concurrency} concurrent callers,`,
    `${thousands(options.calls.pipelined)} in pipelines of ${options.pipelineSize}; the clients run interleaved in one process (A B C D, then D C B A, …:`,
    `the order reverses every round, so that each client's mean position is the same), one warm-up round, then ${options.rounds} measured rounds.`,
    'Each client has its own connection (ioredis 6 and node-redis 6 speak RESP3 by default; both node-redis clients are created',
    'with `commandOptions: { timeout: 0 }`, see "The node-redis client"). Client CPU: `process.cpuUsage()` around each run;',
    'server CPU: `INFO cpu` around each run.',
    '"vs defineCommand" is the median of the per-round ratios (each round pairs runs close in time, which cancels drift); the targets\' client CPU ratio too.',
    `Server limit: redis-benchmark \`-c 50 -P 16\`, median ${thousands(limit)} calls/s.`,
    '',
    runtimeTable(runtime),
    '',
    ...chartImages(chartSet({ runtime, build: undefined }), ['calls']),
    '',
    'redis-benchmark commands (its CPU from `/usr/bin/time`):',
    '',
    ...runtime.benchmarkCommands.map((c) => `    ${c}`),
    '',
    '### The node-redis client',
    '',
    `\`${GENERATED_NODE_REDIS}\` is the same script built with \`--client node-redis\`, on its own node-redis connection;`,
    'pipelined, it queues into `multi()` and runs `execAsPipeline()`, as the raw node-redis row does. Both node-redis clients are',
    'created with `commandOptions: { timeout: 0 }`: by default node-redis 6 arms a 5 s timeout (an AbortSignal) for every command,',
    'which costs about 15 µs of client CPU per command at 50 callers and made the per-round ratios swing by a third',
    '(docs/clients.md, "node-redis 6 and its default command timeout"). Per-round ratios, median (min–max):',
    '',
    nodeRedisTable(runtime),
    '',
    '### What the generated function adds',
    '',
    `Measured in process without Redis: validating the input with zod and building KEYS/ARGV takes ${fixed(runtime.overhead.encodeMicros, 2)} µs`,
    `per call; decoding the reply into \`{ allowed, count, remaining, resetMs }\` ${fixed(runtime.overhead.decodeMicros, 2)} µs. Extra client CPU`,
    `per call over raw defineCommand, measured end to end: ${extra}.`,
  ];
}

function gapSection(runtime: RuntimeResult): string[] {
  const limit = serverLimit(runtime);
  const raw = runtime.rows.filter((r) => r.variant === RAW);
  const line = (mode: string) => {
    const row = raw.find((r) => r.mode === mode);
    if (!row) return '';
    const rate = row.samples.map((s) => s.calls / s.seconds).sort((a, b) => a - b)[Math.floor(row.samples.length / 2)]!;
    return `${fixed(rate / limit, 3)}`;
  };
  return [
    '### Where the gap to the server limit goes',
    '',
    `- 1 caller (defineCommand at ${line(raw[0]?.mode ?? '')} of the limit): one call in flight, so every call pays a full round trip through`,
    '  both event loops and the kernel; neither process keeps a core busy (see the "CPU, cores" column). The server does the same work per',
    '  call as under redis-benchmark; the gap is latency, which only more calls in flight (concurrency or pipelining) hide.',
    `- ${raw[1]?.mode ?? ''} (defineCommand at ${line(raw[1]?.mode ?? '')}): the Node process is the bottleneck. Its client CPU per call`,
    '  (command object, argument encoding, a socket write per command, RESP parsing, promise resolution) times calls/s is close',
    '  to one full core, while redis-server still has headroom; redis-benchmark spends far less client CPU per call (C, one',
    '  write per pipeline of 16). The node-redis rows run without node-redis 6\'s default command timeout (see "The node-redis',
    '  client"); with it, node-redis spends several times the client CPU per call.',
    `- ${raw[2]?.mode ?? ''} (defineCommand at ${line(raw[2]?.mode ?? '')}): one pipeline in flight; the client builds and parses 100`,
    '  commands, then waits a round trip while the server runs them: client and server work alternate instead of overlapping.',
    '- redis-benchmark `-c 1 -P 50` shows what a single connection can reach when the client costs next to nothing.',
  ];
}

function buildSection(build: BuildResult, options: BenchOptions): string[] {
  return [
    '## Build time',
    '',
    'Synthetic corpora written by `bench/build/corpus.ts` into `bench/.corpus/` (git-ignored): five realistic shapes',
    '(rate limiter, lock, leaderboard, transfer, hash update; 18 to 31 lines, headers with tuples, optional and literal',
    'arguments, variadic tails, errors, @readonly), every file distinct. The CLI runs as a child process, compiled at the',
    'start of the run exactly as `npm run build` does (`tsc -p tsconfig.build.json`, into `bench/.corpus/dist/`).',
    `Median of ${options.buildRuns} runs (${options.largeCorpus.buildRuns} from ${options.largeCorpus.scripts} scripts up, to keep the run short), interleaved`,
    '(floor, cold build, no-op build, check; repeat). The floor (`bench/build/floor.js`) reads the same files, parses each with',
    'luaparse (same options as luagen) and writes the very bytes the build writes (packed from an untimed build before the',
    'runs; the run fails if the two folders differ in files or bytes).',
    '',
    buildTable(build),
    '',
    'CPU time of the same runs (user + system, all threads: V8 compiles and collects garbage on threads of its own, so a',
    'process can use more CPU seconds than wall seconds on this machine\'s two cores):',
    '',
    cpuTable(build),
    '',
    ...chartImages(chartSet({ runtime: undefined, build }), ['buildTime', 'buildMemory']),
    '',
    'Cost by corpus size (least squares over the sizes above):',
    '',
    scalingTable(build),
    '',
    `### Where a cold build of ${build.phasesScripts} scripts spends its time`,
    '',
    '`bench/build/phases.js` runs the compiled pipeline step by step in a fresh process (median of the runs, ms), each step',
    'over every script; generate() then does all of it again, one script at a time as the build does, four times over in',
    'the same process: the difference between the first pass and the later ones is the cost of V8 warming up the code.',
    '',
    '| step | ms |',
    '|---|---:|',
    ...build.phases.map((p) => `| ${p.step} | ${fixed(p.ms, 0)} |`),
    '',
    `What V8's optimizing compiler does in a fresh process, ${build.phasesScripts} scripts (${build.jit.cold.length} run${build.jit.cold.length === 1 ? '' : 's'} of each, interleaved):`,
    '',
    jitTable(build),
    '',
    '### `tsc --noEmit` of an application using the generated client',
    '',
    'What an application pays in every type check: one file that imports the generated client and calls one script,',
    'beside a file importing only the client library and zod (strict, skipLibCheck, types: node, CommonJS; the runtime',
    `is JavaScript plus declaration files, so only its declarations are read). Median (min–max) of ${options.tscRuns} runs,`,
    'interleaved (every application once per round):',
    '',
    tscTable(build),
    '',
    'Commands (N = corpus size):',
    '',
    ...build.commands.map((c) => `    ${c}`),
  ];
}

/** The row the build targets are stated at: 1000 scripts (or the largest corpus below that). */
function targetRow(build: BuildResult): BuildRow | undefined {
  return build.rows.filter((r) => r.scripts <= 1000).pop() ?? build.rows[0];
}

const peakMb = (row: BuildRow) => Math.max(...[row.cold, row.noop, row.check].map((samples) => median(samples.map((s) => s.peakRssMb))));

function buildTargets(build: BuildResult): string[] {
  const row = targetRow(build);
  const largest = build.rows[build.rows.length - 1];
  if (!row || !largest) return [];
  const cold = med(row.cold);
  const ratio = cold / med(row.floor);
  const noop = med(row.noop);
  const fit = scaling(build.rows, (r) => r.cold);
  const n = row.scripts;
  return [
    `- ${n} scripts build in at most 2 s: ${verdict(cold <= 2, `${fixed(cold, 2)} s`)}`,
    `- ${n} scripts build within 2× the floor: ${verdict(ratio <= 2, `${fixed(ratio, 2)}× (per round ${pairedRatio(row.cold, row.floor)}), floor ${fixed(med(row.floor), 2)} s`)}`,
    `- no-op rebuild of ${n} scripts in at most 0.3 s: ${verdict(noop <= 0.3, `${fixed(noop, 3)} s`)}`,
    `- ${largest.scripts} scripts in at most 400 MB (peak RSS of cold build, no-op and check): ${verdict(peakMb(largest) <= 400, `${Math.round(peakMb(largest))} MB`)}`,
    `- cost growing linearly: ${verdict(fit.r2 >= 0.98, `cold build ≈ ${fixed(fit.fixedMs, 0)} ms + ${fixed(fit.perScriptMs, 2)} ms per script, R² ${fixed(fit.r2, 4)}`)}`,
  ];
}

/** Why the cold build stays above the floor: the CPU it uses, and how much of its work is V8 warming up luagen's code. */
function warmUpLines(build: BuildResult, row: BuildRow): string[] {
  const passes = generatePasses(build);
  const compiles = (pick: (j: JitSample) => number, runs: readonly JitSample[]) => fixed(median(runs.map(pick)), 0);
  return [
    `  CPU: the cold build uses ${fixed(medCpu(row.cold), 2)} CPU s against the floor's ${fixed(medCpu(row.floor), 2)} (per round ${pairedCpuRatio(row.cold, row.floor)}×).`,
    `  Much of it is warm-up: in one process, generate()'s work takes ${fixed(passes.first, 0)} ms on its first pass and`,
    `  ${passes.later.map((p) => fixed(p.ms, 0)).join(', ')} ms on the next ${passes.later.length}; TurboFan compiles ${compiles((j) => j.compiles, build.jit.cold)} functions`,
    `  (${compiles((j) => j.compileMs, build.jit.cold)} ms on background threads) in a cold build, ${compiles((j) => j.compiles, build.jit.floor)} (${compiles((j) => j.compileMs, build.jit.floor)} ms) in the floor.`,
    '  docs/performance.md ("Build at scale", its fourth pass) has the experiments that did not close the gap.',
  ];
}

function missesSection(runtime: RuntimeResult | undefined, build: BuildResult | undefined): string[] {
  const lines = ['### Why the misses', ''];
  if (runtime && runtimeVerdicts(runtime).some((v) => !v.holds)) {
    const raw = runtime.rows.filter((r) => r.variant === RAW);
    const generated = runtime.rows.filter((r) => r.variant === GENERATED);
    const extra = generated.map((g, i) => clientCpuPerCall(g) - clientCpuPerCall(raw[i]!));
    const isolated = runtime.overhead.encodeMicros + runtime.overhead.decodeMicros;
    lines.push(
      `- Run time: the generated ioredis function costs ${fixed(Math.min(...extra), 2)} to ${fixed(Math.max(...extra), 2)} µs more client CPU per call than raw`,
      `  defineCommand (median per mode). Checking the input and decoding the reply take ${fixed(isolated, 2)} µs when measured alone (the`,
      '  typed work a raw call does not do); docs/performance.md ("Run time: where the cost went") has the profiles. Where the',
      '  client is the bottleneck (50 callers, pipelines) CPU shows up directly in calls/s; with 1 caller it lengthens each round',
      '  trip. Run-to-run noise on this shared machine (see the min–max of the per-round ratios) is of the size of the 3% target:',
      '  `npx tsx bench/runtime/paired.ts` (one pair, more rounds) is the finer measure.',
    );
  }
  const row = build ? targetRow(build) : undefined;
  if (build && row && med(row.cold) > 2 * med(row.floor)) {
    const top = [...build.phases].filter((p) => !p.step.startsWith('generate()')).sort((a, b) => b.ms - a.ms).slice(0, 4);
    lines.push(
      `- Cold build of ${row.scripts} scripts: ${fixed(med(row.cold) - med(row.floor), 2)} s above the floor. The floor runs luaparse and writes`,
      `  the bytes; the build also reads the header, runs the static checks, builds the model and lays out every module's`,
      `  text, each once per script in a fresh process (cold JIT). The largest steps (ms, ${build.phasesScripts} scripts):`,
      `  ${top.map((p) => `${p.step} ${fixed(p.ms, 0)}`).join('; ')}.`,
      ...warmUpLines(build, row),
    );
  }
  return lines;
}

export function renderReport(report: BenchReport): string {
  const { runtime, build, options } = report;
  return [
    '# luagen benchmarks',
    '',
    '<!-- Written by `npm run bench` (bench/index.ts); do not edit by hand: rerun it. -->',
    '',
    ...machineSection(report),
    '',
    '## Targets',
    '',
    ...(runtime ? runtimeTargets(runtime) : []),
    ...(build ? buildTargets(build) : []),
    '',
    ...missesSection(runtime, build),
    '',
    ...(runtime ? [...runtimeSection(runtime, options), '', ...gapSection(runtime), ''] : []),
    ...(build ? buildSection(build, options) : []),
    '',
  ].join('\n');
}
