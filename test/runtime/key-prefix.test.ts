import { CLIENT_MATRIX, sharedRedisUrl, uniquePrefix } from './clients';
import { loadFixtureClient, type FixtureClient, type LooseScript } from './fixture-client';

let fixture: FixtureClient;
beforeAll(async () => {
  fixture = await loadFixtureClient();
}, 60_000);

/** Each script returns KEYS exactly as Redis received them. */
const CASES: readonly { script: string; input: Record<string, unknown>; keys: string[] }[] = [
  { script: 'fixed', input: { first: 'a', second: 'b' }, keys: ['a', 'b'] },
  { script: 'variadic', input: { first: 'a', rest: ['b', 'c', 'd'] }, keys: ['a', 'b', 'c', 'd'] },
  { script: 'variadic', input: { first: 'a', rest: [] }, keys: ['a'] },
  { script: 'readFixed', input: { first: 'a', second: 'b' }, keys: ['a', 'b'] },
  { script: 'readVariadic', input: { all: ['x', 'y'] }, keys: ['x', 'y'] },
  { script: 'readVariadic', input: { all: [] }, keys: [] },
  { script: 'fixed', input: { first: Buffer.from('bin'), second: 'b' }, keys: ['bin', 'b'] },
];

describe.each(CLIENT_MATRIX.map((combo) => [combo.name, combo] as const))('keyPrefix with %s', (_name, combo) => {
  const keyPrefix = uniquePrefix('prefix');
  const redis = combo.standalone(sharedRedisUrl(), { keyPrefix });
  let keys: Record<string, LooseScript>;
  beforeAll(() => {
    keys = fixture.bindScripts(redis).keys!;
  });
  afterAll(() => redis.quit());
  const prefixed = (names: string[]): string[] => names.map((k) => keyPrefix + k);

  it.each(CASES.map((c) => [c.script, c.keys.length, c] as const))('%s with %i keys: KEYS arrive prefixed', async (_s, _n, c) => {
    expect(await keys[c.script]!(c.input)).toEqual(prefixed(c.keys));
  });

  it.each([['pipeline'], ['multi']] as const)('in a %s: KEYS arrive prefixed', async (kind) => {
    const batch = kind === 'pipeline' ? redis.pipeline() : redis.multi();
    const queued = CASES.map((c) => keys[c.script]!.queue(batch, c.input));
    const results = await batch.exec();
    expect(queued.map((q) => q.read(results))).toEqual(CASES.map((c) => prefixed(c.keys)));
  });

  it('applies to script keys exactly as to other commands', async () => {
    await redis.set('plain', 'v');
    const [stored] = await keys.fixed!({ first: 'plain', second: 'other' });
    const unprefixed = combo.standalone(sharedRedisUrl());
    try {
      expect(await unprefixed.get(stored)).toBe('v');
    } finally {
      await unprefixed.del(stored);
      await unprefixed.quit();
    }
  });
});
