import type { ScriptSpec } from '../../templates/runtime/script';
import { median } from '../stats';

/** What the generated function adds to a raw defineCommand call, measured in process without Redis. */
export interface OverheadResult {
  /** Validating the input (zod) and building KEYS/ARGV, µs per call. */
  readonly encodeMicros: number;
  /** Decoding `[1, 7, 93, 1000]` into the named tuple, µs per call. */
  readonly decodeMicros: number;
}

function perCall(iterations: number, body: (i: number) => void): number {
  const samples: number[] = [];
  for (let round = 0; round < 5; round++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) body(i);
    samples.push(Number(process.hrtime.bigint() - start) / 1e3 / iterations);
  }
  return median(samples);
}

export function measureOverhead(spec: ScriptSpec<unknown, unknown>, keys: readonly string[], iterations: number): OverheadResult {
  let sink = 0;
  const encodeMicros = perCall(iterations, (i) => {
    sink += spec.encode({ counter: keys[i % keys.length], limit: 100, windowMs: 1000 }).args.length;
  });
  const raw = [1, 7, 93, 1000];
  const decodeMicros = perCall(iterations, () => {
    sink += (spec.reply.decode(raw, 'reply') as { count: number }).count;
  });
  if (sink < 0) throw new Error('unreachable');
  return { encodeMicros, decodeMicros };
}
