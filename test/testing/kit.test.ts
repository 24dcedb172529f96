import Redis from 'ioredis';
import { bindScripts } from '../../generated';
import { isolatedKeySpace, startTestRedis, type TestRedis } from '../../testing';

describe('luagen/testing: a disposable Redis and a key space per test', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startTestRedis();
  });
  afterAll(() => redis.stop());

  test('two key spaces never share a key, and the bound scripts write inside their own space', async () => {
    const [a, b] = [await redis.keySpace(), await redis.keySpace()];
    expect(a.prefix).not.toBe(b.prefix);
    expect(a.prefix).toMatch(/^test:\{[^{}]+\}:$/);
    const scripts = a.bind(bindScripts);
    await a.client.set('from', '10');
    await expect(scripts.atomic.transfer({ from: 'from', to: 'to', amount: 3 })).resolves.toEqual({ from: 7, to: 3 });
    expect(await a.keys()).toEqual([a.key('from'), a.key('to')]);
    expect(await b.keys()).toEqual([]);
    const plain = new Redis(redis.url);
    try {
      expect(await plain.get(a.key('to'))).toBe('3');
      await a.dispose();
      expect(await plain.exists(a.key('from'), a.key('to'))).toBe(0);
    } finally {
      plain.disconnect();
    }
  });

  test('isolatedKeySpace refuses a label that would break the hash tag', () => {
    expect(() => isolatedKeySpace('a{b')).toThrow(/must not contain/);
  });
});

describe('luagen/testing: a 3-master cluster', () => {
  test('keys of one space share a slot, so a two-key script runs', async () => {
    const cluster = await startTestRedis({ cluster: true });
    try {
      expect(cluster.nodes).toHaveLength(3);
      const space = await cluster.keySpace();
      const scripts = space.bind(bindScripts);
      await space.client.set('from', '5');
      await expect(scripts.atomic.transfer({ from: 'from', to: 'to', amount: 5 })).resolves.toEqual({ from: 0, to: 5 });
      expect(await space.keys()).toEqual([space.key('from'), space.key('to')]);
    } finally {
      await cluster.stop();
    }
  }, 60_000);
});
