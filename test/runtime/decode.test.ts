import { CLIENT_MATRIX, sharedRedisUrl, uniquePrefix } from './clients';
import { DECODE_CASES, runDecodeCases } from './decode-cases';
import { loadFixtureClient, type FixtureClient } from './fixture-client';

let fixture: FixtureClient;
beforeAll(async () => {
  fixture = await loadFixtureClient();
}, 60_000);

const decodedByCombo = new Map<string, Map<string, unknown>>();

describe.each(CLIENT_MATRIX.map((combo) => [combo.name, combo] as const))('decoding with %s', (_name, combo) => {
  const redis = combo.standalone(sharedRedisUrl());
  afterAll(() => redis.quit());

  it('decodes every reply type to the declared value', async () => {
    const decode = fixture.bindScripts(redis).decode!;
    const decoded = await runDecodeCases(decode, uniquePrefix('decode'));
    decodedByCombo.set(combo.name, decoded);
    for (const c of DECODE_CASES) expect([c.name, decoded.get(c.name)]).toEqual([c.name, c.expected]);
  });

  it('returns a Buffer for buffer replies', async () => {
    const decoded = decodedByCombo.get(combo.name);
    expect(Buffer.isBuffer(decoded?.get('buffer, all 256 byte values'))).toBe(true);
  });

  it.each([
    ['element', "decode.mismatch: reply[1].counts[1] should be integer as declared by @return, but Redis replied the string \"x\""],
    ['field', "decode.mismatch: reply[0].totals.bad should be integer as declared by @return, but Redis replied the string \"y\""],
  ])('names where a nested reply (%s) does not match its type', async (where, message) => {
    const { decode } = fixture.bindScripts(redis);
    await expect(decode!.mismatch!({ where })).rejects.toThrow(message);
  });

  it.each([['pipeline'], ['multi']] as const)('decodes in a %s as in a call, bytes included', async (kind) => {
    const { decode } = fixture.bindScripts(redis);
    const prefix = uniquePrefix(`decode-${kind}`);
    const batch = kind === 'pipeline' ? redis.pipeline() : redis.multi();
    // Twice each: the first use in a batch is EVAL, the second EVALSHA.
    const queued = [...DECODE_CASES, ...DECODE_CASES].map((c, i) => decode![c.script]!.queue(batch, c.input(`${prefix}${i}`)));
    const results = await batch.exec();
    expect(queued.map((q) => q.read(results))).toEqual([...DECODE_CASES, ...DECODE_CASES].map((c) => c.expected));
  });
});

describe('across the matrix', () => {
  it('every combination decodes identically', () => {
    expect([...decodedByCombo.keys()]).toEqual(CLIENT_MATRIX.map((c) => c.name));
    const [first, ...rest] = [...decodedByCombo.values()];
    for (const other of rest) expect(other).toEqual(first);
  });
});
