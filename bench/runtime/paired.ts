/**
 * A paired, interleaved micro-run of the generated function against the raw call it wraps (ioredis
 * `defineCommand`, or node-redis `defineScript` with `--client node-redis`), in one process (as the full bench
 * runs them), for profiling (`node --cpu-prof`) and quick before/after comparisons:
 *
 *     npx tsx bench/runtime/paired.ts [--client ioredis|node-redis] [--rounds N] [--only generated|raw] [--mode serial|concurrent|pipelined]
 *
 * Prints, per mode, the median and min–max of the per-round ratios generated ÷ raw (calls/s and client CPU per call).
 */
import * as os from 'node:os';
import { startServer } from '../redis-server';
import { spread } from '../stats';
import { roundOrder, timedRun, type Mode, type RunSample } from './drive';
import { generateBenchClient } from './generate-client';
import {
  benchKeys,
  defineCommandVariant,
  generatedNodeRedisVariant,
  generatedVariant,
  loadGeneratedClient,
  nodeRedisVariant,
  type BenchScript,
  type GeneratedNodeRedisClient,
  type Variant,
} from './variants';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? undefined : process.argv[at + 1];
}

const MODES: Record<string, Mode> = {
  serial: { kind: 'serial', calls: 5_000 },
  concurrent: { kind: 'concurrent', calls: 50_000, callers: 50 },
  pipelined: { kind: 'pipelined', calls: 50_000, size: 100 },
};

async function main(): Promise<void> {
  const rounds = Number(option('rounds') ?? 7);
  const only = option('only');
  const modes = option('mode') ? [option('mode') as string] : Object.keys(MODES);
  const server = await startServer();
  const variants: Variant[] = [];
  try {
    const keys = benchKeys(1000);
    const [generated, raw] = await pairFor(option('client') ?? 'ioredis', server.port, keys);
    if (only !== 'raw') variants.push(generated);
    else await generated.close();
    if (only !== 'generated') variants.push(raw);
    else await raw.close();
    let offset = 0;
    for (const name of modes) {
      const mode = MODES[name] as Mode;
      const ratios = { calls: [] as number[], cpu: [] as number[] };
      const cpu: number[][] = variants.map(() => []);
      for (let round = 0; round <= rounds; round++) {
        const samples: RunSample[] = [];
        for (const { variant, index } of roundOrder(variants, round)) {
          samples[index] = await timedRun(variant, mode, offset, async () => 0);
          offset += mode.calls;
        }
        if (round === 0) continue;
        samples.forEach((s, i) => cpu[i]!.push(s.clientCpuMicros / s.calls));
        const [g, r] = samples;
        if (g && r) {
          ratios.calls.push((r.seconds / r.calls) / (g.seconds / g.calls));
          ratios.cpu.push((g.clientCpuMicros / g.calls) / (r.clientCpuMicros / r.calls));
        }
      }
      const show = (s: { median: number; min: number; max: number }, d = 3) => `${s.median.toFixed(d)} (${s.min.toFixed(d)}–${s.max.toFixed(d)})`;
      const perVariant = variants.map((v, i) => `${v.name}: ${show(spread(cpu[i]!), 2)} µs CPU/call`).join('; ');
      const pair = ratios.calls.length > 0 ? `calls/s ${show(spread(ratios.calls))}, CPU/call ${show(spread(ratios.cpu))}; ` : '';
      process.stdout.write(`${name}: ${pair}${perVariant}; load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
    }
  } finally {
    for (const variant of variants) await variant.close();
    await server.stop();
  }
}

/** The generated variant and the raw call it wraps, on the same server and keys. */
async function pairFor(client: string, port: number, keys: readonly string[]): Promise<[Variant, Variant]> {
  if (client === 'node-redis') {
    const built = loadGeneratedClient<GeneratedNodeRedisClient>(await generateBenchClient('eval', 'node-redis'));
    const generated = await generatedNodeRedisVariant(port, built, keys);
    return [generated, await nodeRedisVariant(port, generated.spec as BenchScript, keys)];
  }
  if (client !== 'ioredis') throw new Error(`--client ${client}: expected ioredis or node-redis`);
  const generated = generatedVariant(port, loadGeneratedClient(await generateBenchClient()), keys);
  return [generated, defineCommandVariant(port, generated.spec as BenchScript, keys)];
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
