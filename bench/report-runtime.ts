import type { RunSample } from './runtime/drive';
import type { RuntimeResult, RuntimeRow } from './runtime/run';
import { fixed, median, spread, spreadText, thousands } from './stats';

const rate = (s: RunSample) => s.calls / s.seconds;
const clientCpu = (s: RunSample) => s.clientCpuMicros / s.calls;
const serverCpu = (s: RunSample) => s.serverCpuMicros / s.calls;
/** CPU time over wall time: cores kept busy during the run (all threads of the process). */
const busy = (perCall: (s: RunSample) => number) => (s: RunSample) => (perCall(s) * rate(s)) / 1e6;

export const RAW = 'ioredis defineCommand';
export const GENERATED = 'generated typed function';
/** The same function built with --target functions: FCALL of one Functions library. */
export const GENERATED_FUNCTIONS = 'generated typed function, --target functions (FCALL)';

/** node-redis `defineScript` by hand, and the generated client built with `--client node-redis`. */
export const NODE_REDIS_RAW = 'node-redis defineScript';
export const GENERATED_NODE_REDIS = 'generated typed function, node-redis';

/** Per-round ratios of calls/s of `variant` to `base` in each mode (the rounds are interleaved, so they pair). */
export function ratiosBetween(result: RuntimeResult, variant: string, base: string): { mode: string; ratios: number[] }[] {
  return result.rows
    .filter((row) => row.variant === variant)
    .flatMap((row) => {
      const other = result.rows.find((r) => r.mode === row.mode && r.variant === base);
      return other ? [{ mode: row.mode, ratios: row.samples.map((s, i) => rate(s) / rate(other.samples[i]!)) }] : [];
    });
}

/** The node-redis client's ratios: to raw node-redis defineScript, and to the generated ioredis client. */
export function nodeRedisTable(result: RuntimeResult): string {
  const toRaw = ratiosBetween(result, GENERATED_NODE_REDIS, NODE_REDIS_RAW);
  const toIoredis = ratiosBetween(result, GENERATED_NODE_REDIS, GENERATED);
  const cell = (ratios: number[] | undefined) => (ratios && ratios.length > 0 ? spreadText(spread(ratios), (n) => fixed(n, 3)) : '–');
  const lines = toRaw.map(({ mode, ratios }) => `| ${mode} | ${cell(ratios)} | ${cell(toIoredis.find((r) => r.mode === mode)?.ratios)} |`);
  return [
    '| mode | generated node-redis ÷ node-redis `defineScript`, calls/s | generated node-redis ÷ generated ioredis, calls/s |',
    '|---|---:|---:|',
    ...lines,
  ].join('\n');
}

/** Per-round ratio of calls/s to the raw defineCommand row of the same mode (the rounds are interleaved). */
export function pairedRatios(row: RuntimeRow, rows: readonly RuntimeRow[]): number[] {
  const raw = rows.find((r) => r.mode === row.mode && r.variant === RAW);
  if (!raw) return [];
  return row.samples.map((s, i) => rate(s) / rate(raw.samples[i]!));
}

/** Median calls/s of redis-benchmark -c 50 -P 16: the server's own limit for this script. */
export function serverLimit(result: RuntimeResult): number {
  return median(result.serverRows[0]!.samples.map(rate));
}

function rowLine(row: RuntimeRow, result: RuntimeResult): string {
  const ratios = pairedRatios(row, result.rows);
  const vsRaw = ratios.length > 0 ? spreadText(spread(ratios), (n) => fixed(n, 3)) : '–';
  const cells = [
    row.mode,
    row.variant,
    spreadText(spread(row.samples.map(rate)), thousands),
    fixed(median(row.samples.map(clientCpu)), 2),
    fixed(median(row.samples.map(serverCpu)), 2),
    `${fixed(median(row.samples.map(busy(clientCpu))), 2)} / ${fixed(median(row.samples.map(busy(serverCpu))), 2)}`,
    vsRaw,
    fixed(median(row.samples.map(rate)) / serverLimit(result), 3),
  ];
  return `| ${cells.join(' | ')} |`;
}

export function runtimeTable(result: RuntimeResult): string {
  const header = [
    '| mode | client | calls/s: median (min–max) | client CPU µs/call | server CPU µs/call | client / server CPU, cores | vs defineCommand (per-round ratio) | vs server limit |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
  ];
  return [...header, ...[...result.rows, ...result.serverRows].map((row) => rowLine(row, result))].join('\n');
}

/** The generated function's paired ratios to defineCommand in each mode: median of the per-round ratios, calls/s and client CPU per call. */
export function generatedRatios(result: RuntimeResult): { mode: string; ratio: number; cpuRatio: number }[] {
  return result.rows
    .filter((row) => row.variant === GENERATED)
    .map((row) => {
      const raw = result.rows.find((r) => r.mode === row.mode && r.variant === RAW)!;
      return {
        mode: row.mode,
        ratio: median(pairedRatios(row, result.rows)),
        cpuRatio: median(row.samples.map((s, i) => clientCpu(s) / clientCpu(raw.samples[i]!))),
      };
    });
}

export function clientCpuPerCall(row: RuntimeRow): number {
  return median(row.samples.map(clientCpu));
}
