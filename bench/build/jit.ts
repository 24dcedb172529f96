/**
 * What V8's optimizing compiler (TurboFan) does during one process, read from `node --trace-opt`. A cold build
 * runs a large body of JavaScript a thousand times at most: much of its time goes into getting that code
 * compiled, on V8's background threads, while the main thread runs it unoptimized.
 */
export interface JitSample {
  /** Functions TurboFan compiled (a function compiled twice, after a deoptimization, counts twice). */
  readonly compiles: number;
  /** Milliseconds those compiles spent in their background phase ("execute" in the trace), summed. */
  readonly compileMs: number;
}

/**
 * `[completed compiling 0x… <JSFunction lex (sfi = 0x…)> (target TURBOFAN) - took 0.031, 44.062, 0.020 ms]`, and the
 * same with `(target TURBOFAN) OSR` for a loop optimized while it runs.
 */
const COMPLETED = /^\[completed compiling .*\(target TURBOFAN\)(?: OSR)? - took [\d.]+, ([\d.]+), [\d.]+ ms\]$/gm;

/** The compiles a `--trace-opt` output reports. */
export function jitSample(traceOutput: string): JitSample {
  let compiles = 0;
  let compileMs = 0;
  for (const match of traceOutput.matchAll(COMPLETED)) {
    compiles++;
    compileMs += Number(match[1]);
  }
  return { compiles, compileMs };
}
