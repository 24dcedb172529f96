import { roundOrder } from '../../bench/runtime/drive';
import { FULL } from '../../bench/options';

describe('bench round order', () => {
  const variants = ['generated', 'functions', 'defineCommand', 'evalsha', 'node-redis', 'generated node-redis'];

  it('runs the variants forward, then backward, keeping each sample under its own variant', () => {
    expect(roundOrder(variants, 0).map((v) => v.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(roundOrder(variants, 1).map((v) => v.index)).toEqual([5, 4, 3, 2, 1, 0]);
    for (const { variant, index } of roundOrder(variants, 1)) expect(variants[index]).toBe(variant);
  });

  it('gives every variant the same mean position over the measured rounds of a full run', () => {
    // Measured rounds are 1..rounds (round 0 warms up).
    const positions = variants.map(() => 0);
    for (let round = 1; round <= FULL.rounds; round++) {
      roundOrder(variants, round).forEach(({ index }, position) => (positions[index] += position));
    }
    expect(new Set(positions).size).toBe(1);
  });
});
