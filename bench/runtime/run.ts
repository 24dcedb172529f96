import Redis from 'ioredis';
import type { BenchOptions } from '../options';
import type { BenchServer } from '../redis-server';
import { modeLabel, roundOrder, timedRun, type Mode, type RunSample } from './drive';
import { generateBenchClient } from './generate-client';
import { GENERATED_FUNCTIONS } from '../report-runtime';
import { measureOverhead, type OverheadResult } from './overhead';
import { benchmarkArgs, runRedisBenchmark, type BenchmarkConfig } from './redis-benchmark';
import {
  benchKeys,
  defineCommandVariant,
  evalshaVariant,
  generatedNodeRedisVariant,
  generatedVariant,
  loadGeneratedClient,
  type GeneratedNodeRedisClient,
  nodeRedisVariant,
  type BenchScript,
  type Variant,
} from './variants';

export interface RuntimeRow {
  readonly mode: string;
  readonly variant: string;
  readonly samples: readonly RunSample[];
}

export interface RuntimeResult {
  readonly script: BenchScript;
  /** Client rows, grouped by mode, in variant order. */
  readonly rows: readonly RuntimeRow[];
  /** redis-benchmark rows, `-c 50 -P 16` first (the server limit). */
  readonly serverRows: readonly RuntimeRow[];
  /** The exact redis-benchmark command lines (port and SHA1 as used). */
  readonly benchmarkCommands: readonly string[];
  /** One call on a fresh key through each variant: the replies, in order (counts must go 1, 2, 3, 4). */
  readonly sameScriptCheck: readonly { variant: string; reply: unknown }[];
  /** The generated function's own work (input validation, reply decoding), measured without Redis. */
  readonly overhead: OverheadResult;
}

function serverCpuReader(monitor: Redis): () => Promise<number> {
  return async () => {
    const info = await monitor.info('cpu');
    const field = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? NaN);
    return (field('used_cpu_user') + field('used_cpu_sys')) * 1e6;
  };
}

function modes(options: BenchOptions): Mode[] {
  return [
    { kind: 'serial', calls: options.calls.serial },
    { kind: 'concurrent', calls: options.calls.concurrent, callers: options.concurrency },
    { kind: 'pipelined', calls: options.calls.pipelined, size: options.pipelineSize },
  ];
}

/** Calls key 0 once through each variant, so the report can show they run the same script on the same data. */
async function sameScriptCheck(variants: readonly Variant[], monitor: Redis, key: string): Promise<RuntimeResult['sameScriptCheck']> {
  await monitor.del(key);
  const replies = [];
  for (const variant of variants) replies.push({ variant: variant.name, reply: await variant.call(0) });
  return replies;
}

/** Runs every (mode, variant) pair in interleaved rounds (A B C D, then D C B A, ...) after a warm-up round. */
async function measureClients(variants: readonly Variant[], options: BenchOptions, serverCpu: () => Promise<number>): Promise<RuntimeRow[]> {
  const rows: RuntimeRow[] = [];
  let offset = 0;
  for (const mode of modes(options)) {
    const samples = variants.map((): RunSample[] => []);
    for (let round = 0; round <= options.rounds; round++) {
      for (const { variant, index } of roundOrder(variants, round)) {
        const sample = await timedRun(variant, mode, offset, serverCpu);
        offset += mode.calls;
        if (round > 0) samples[index]!.push(sample);
      }
    }
    variants.forEach((variant, index) => rows.push({ mode: modeLabel(mode), variant: variant.name, samples: samples[index]! }));
  }
  return rows;
}

async function measureServer(
  port: number, script: BenchScript, options: BenchOptions, serverCpu: () => Promise<number>,
): Promise<{ rows: RuntimeRow[]; commands: string[] }> {
  const configs: BenchmarkConfig[] = [
    { clients: 50, pipeline: 16, requests: options.benchmarkRequests.wide },
    { clients: 1, pipeline: 50, requests: options.benchmarkRequests.single },
  ];
  const samples = configs.map((): RunSample[] => []);
  for (let round = 0; round <= options.rounds; round++) {
    for (const [index, config] of configs.entries()) {
      const sample = await runRedisBenchmark(port, script.sha1, options.keys, config, serverCpu);
      if (round > 0) samples[index]!.push(sample);
    }
  }
  return {
    rows: configs.map((c, i) => ({ mode: `-c ${c.clients} -P ${c.pipeline}`, variant: 'redis-benchmark EVALSHA', samples: samples[i]! })),
    commands: configs.map((c) => `redis-benchmark ${benchmarkArgs(port, script.sha1, options.keys, c).join(' ')}`),
  };
}

/** The run-time half of the benchmark, against a server the caller started (and stops). */
export async function runRuntimeBench(server: BenchServer, options: BenchOptions): Promise<RuntimeResult> {
  const client = loadGeneratedClient(await generateBenchClient());
  const functionsClient = loadGeneratedClient(await generateBenchClient('functions'));
  const nodeRedisClient = loadGeneratedClient<GeneratedNodeRedisClient>(await generateBenchClient('eval', 'node-redis'));
  const monitor = new Redis({ host: server.host, port: server.port });
  const variants: Variant[] = [];
  try {
    const keys = benchKeys(options.keys);
    const probe = client.bindScripts(monitor).bench.fixedWindow.spec;
    const script: BenchScript = { lua: probe.lua, sha1: probe.sha1 };
    const loaded = await monitor.script('LOAD', script.lua);
    if (loaded !== script.sha1) throw new Error(`SCRIPT LOAD gave ${String(loaded)}, the generated spec says ${script.sha1}`);
    variants.push(
      generatedVariant(server.port, client, keys),
      generatedVariant(server.port, functionsClient, keys, GENERATED_FUNCTIONS),
      defineCommandVariant(server.port, script, keys),
      evalshaVariant(server.port, script, keys),
      await nodeRedisVariant(server.port, script, keys),
      await generatedNodeRedisVariant(server.port, nodeRedisClient, keys),
    );
    const check = await sameScriptCheck(variants, monitor, keys[0]!);
    const serverCpu = serverCpuReader(monitor);
    const rows = await measureClients(variants, options, serverCpu);
    const server_ = await measureServer(server.port, script, options, serverCpu);
    const overhead = measureOverhead(probe as never, keys, options.quick ? 2_000 : 200_000);
    return { overhead, script, rows, serverRows: server_.rows, benchmarkCommands: server_.commands, sameScriptCheck: check };
  } finally {
    for (const variant of variants) await variant.close();
    monitor.disconnect();
  }
}
