import { execFileSync } from 'node:child_process';
import { jitSample } from '../../bench/build/jit';

const TRACE = [
  '[marking 0x38c4452dfc29 <JSFunction isPunct (sfi = 0x12fd6853e909)> for optimization to TURBOFAN, ConcurrencyMode::kConcurrent, reason: small function]',
  '[compiling method 0x38c4452dfc29 <JSFunction isPunct (sfi = 0x12fd6853e909)> (target TURBOFAN), mode: ConcurrencyMode::kConcurrent]',
  '[completed compiling 0x38c4452dfc29 <JSFunction isPunct (sfi = 0x12fd6853e909)> (target TURBOFAN) - took 0.008, 33.587, 0.069 ms]',
  '[completed optimizing 0x38c4452dfc29 <JSFunction isPunct (sfi = 0x12fd6853e909)> (target TURBOFAN)]',
  'luagen build: 2 scripts, 0 warnings, 0 errors, 41 files (41 written, 0 removed) in 60 ms',
  '[completed compiling 0x13cd21d62779 <JSFunction normalizeString (sfi = 0x1e323f426151)> (target TURBOFAN) - took 0.030, 4.787, 0.016 ms]',
  '[completed compiling 0x0db95c3acab9 <JSFunction (sfi = 0xdb95c3a9139)> (target TURBOFAN) OSR - took 0.020, 1.153, 0.020 ms]',
  '[completed optimizing 0x0db95c3acab9 <JSFunction (sfi = 0xdb95c3a9139)> (target TURBOFAN) OSR]',
].join('\n');

describe('jitSample', () => {
  it('counts the completed TurboFan compiles (on-stack replacement included) and sums their background phase', () => {
    const sample = jitSample(TRACE);
    expect(sample.compiles).toBe(3);
    expect(sample.compileMs).toBeCloseTo(33.587 + 4.787 + 1.153, 6);
  });

  it('reads nothing from output without a trace', () => {
    expect(jitSample('luagen build: 2 scripts\n')).toEqual({ compiles: 0, compileMs: 0 });
  });

  it("reads this Node's own --trace-opt output", () => {
    // A loop hot enough for TurboFan: if Node changes the trace's format, this fails before the bench reports zeros.
    const program = 'function work(n) { let s = 0; for (let i = 0; i < n; i++) s = (s + i * 2) % 1e9; return s; } let t = 0; for (let k = 0; k < 3000; k++) t += work(300); console.log(t);';
    const output = execFileSync(process.execPath, ['--trace-opt', '-e', program], { encoding: 'utf8' });
    const sample = jitSample(output);
    expect(sample.compiles).toBeGreaterThan(0);
    expect(sample.compileMs).toBeGreaterThan(0);
  });
});
