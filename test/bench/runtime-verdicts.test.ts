import { runtimeVerdicts } from '../../bench/report';
import { GENERATED, GENERATED_NODE_REDIS, NODE_REDIS_RAW, RAW } from '../../bench/report-runtime';
import type { RuntimeResult, RuntimeRow } from '../../bench/runtime/run';

/** Rows of one mode where each round takes `seconds` and `cpu` µs per call (100 calls per run). */
function row(variant: string, seconds: number[], cpuPerCall: number[]): RuntimeRow {
  const samples = seconds.map((s, i) => ({ calls: 100, seconds: s, clientCpuMicros: cpuPerCall[i]! * 100, serverCpuMicros: 0 }));
  return { mode: '50 concurrent callers', variant, samples };
}

function result(rows: RuntimeRow[]): RuntimeResult {
  return { rows } as unknown as RuntimeResult;
}

describe('bench run-time verdicts', () => {
  const raw = row(RAW, [1, 1, 1], [10, 10, 10]);
  const nodeRaw = row(NODE_REDIS_RAW, [1, 1, 1], [5, 5, 5]);
  const nodeGenerated = row(GENERATED_NODE_REDIS, [1, 1, 1], [5, 5, 5]);

  it('holds when calls/s and client CPU are both within 3% of the raw call', () => {
    const verdicts = runtimeVerdicts(result([row(GENERATED, [1.02, 1, 1.01], [10.2, 10.1, 10.2]), raw, nodeRaw, nodeGenerated]));
    expect(verdicts.map((v) => v.holds)).toEqual([true, true]);
  });

  it('misses when calls/s keep up but the client CPU per call is over 1.03x', () => {
    const verdicts = runtimeVerdicts(result([row(GENERATED, [1, 1, 1], [11, 11, 11]), raw, nodeRaw, nodeGenerated]));
    expect(verdicts[0]).toEqual({ holds: false, text: expect.stringContaining('client CPU per call 1.100×') });
  });

  it('misses when calls/s fall below 0.97x (node-redis: calls/s only)', () => {
    const slowNode = row(GENERATED_NODE_REDIS, [1.05, 1.05, 1.05], [4, 4, 4]);
    const verdicts = runtimeVerdicts(result([row(GENERATED, [1, 1, 1], [10, 10, 10]), raw, nodeRaw, slowNode]));
    expect(verdicts.map((v) => v.holds)).toEqual([true, false]);
  });
});
