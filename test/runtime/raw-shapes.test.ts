import { CLIENT_MATRIX, sharedRedisUrl } from './clients';

/**
 * What the decoders have to cope with: the raw replies ioredis hands over before any decoding, per combination.
 * Only ioredis 6 with `replyMapping: 'resp3'` differs; legacy mapping flattens RESP3 back to RESP2 shapes.
 */
const RAW_CASES: readonly { name: string; lua: string; legacy: unknown; resp3: unknown }[] = [
  { name: '{double=0.5}', lua: 'return {double=0.5}', legacy: '0.5', resp3: 0.5 },
  { name: '{map=...} after setresp(3)', lua: 'redis.setresp(3) return {map={a=1}}', legacy: ['a', 1], resp3: { a: 1 } },
  { name: 'false after setresp(3)', lua: 'redis.setresp(3) return false', legacy: 0, resp3: false },
  { name: 'true after setresp(3)', lua: 'redis.setresp(3) return true', legacy: 1, resp3: true },
  { name: 'false', lua: 'return false', legacy: null, resp3: null },
  { name: '{false, 2}', lua: 'return {false, 2}', legacy: [null, 2], resp3: [null, 2] },
  { name: 'status reply', lua: "return redis.status_reply('FINE')", legacy: 'FINE', resp3: 'FINE' },
];

describe.each(CLIENT_MATRIX.map((combo) => [combo.name, combo] as const))('raw replies with %s', (name, combo) => {
  const redis = combo.standalone(sharedRedisUrl());
  afterAll(() => redis.quit());
  const mapping = name.includes('replyMapping resp3') ? 'resp3' : 'legacy';

  it.each(RAW_CASES.map((c) => [c.name, c] as const))('%s', async (_case, c) => {
    expect(await redis.call('EVAL', c.lua, 0)).toEqual(c[mapping]);
  });
});
