import type { Redis } from 'ioredis';
import { CLIENT_MATRIX, sharedRedisUrl } from './clients';
import { loadGeneratedClient, type LooseScript } from './fixture-client';

/**
 * What the decoded reply can promise about numbers (issue 11.5), under every client of the matrix, pinned so
 * that docs/client.md and docs/annotations.md say only what holds: which script replies are exact, and where
 * ioredis 6.0.0's own decoder loses precision before luagen sees the value.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const IOREDIS_6_VERSION = (require('ioredis/package.json') as { version: string }).version;

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
/** Integers from 2^53-100 to 2^53-1, and their negatives. */
const NEAR_LIMIT = Array.from({ length: 100 }, (_, i) => MAX_SAFE - i).flatMap((v) => [v, -v]);

/**
 * ioredis 6.0.0 parses an integer reply digit by digit as `n * 10 + byte - 48`: the sum `n * 10 + byte` passes
 * 2^53 before the 48 is taken off, so an odd |v| from 2^53-47 up rounds to an even neighbour.
 */
const IOREDIS_6_WRONG = NEAR_LIMIT.filter((v) => Math.abs(v) >= MAX_SAFE - 46 && Math.abs(v) % 2 === 1);

/** Floats as text: each parses (JavaScript `Number`, Lua `tonumber`) to the same double. */
const FLOATS = ['0.1', '0.30000000000000004', '0.3333333333333333', '123456.78901234567', '-2.5e-10', '5e-324', '1e300', '1.7976931348623157e308', '9007199254740991', '-0'];

const isIoredis5 = (name: string): boolean => name.startsWith('ioredis 5');

let scripts: Record<string, Record<string, LooseScript>>;
let bind: (redis: Redis) => Record<string, Record<string, LooseScript>>;
beforeAll(async () => {
  const client = await loadGeneratedClient('exactness', 'test/fixtures/exactness/lua');
  bind = (redis) => client.bindScripts(redis);
}, 60_000);

/** Runs one script over many inputs in one pipeline; returns the decoded replies. */
async function each(redis: Redis, script: LooseScript, texts: readonly string[]): Promise<unknown[]> {
  const pipeline = redis.pipeline();
  const queued = texts.map((text) => script.queue(pipeline, { text }));
  const results = await pipeline.exec();
  return queued.map((q) => q.read(results));
}

describe.each(CLIENT_MATRIX.map((combo) => [combo.name, combo] as const))('%s', (name, combo) => {
  let redis: Redis;
  beforeAll(() => {
    redis = combo.standalone(sharedRedisUrl());
    scripts = bind(redis);
  });
  afterAll(() => redis.quit());

  it('an integer returned as a Lua number: exact with ioredis 5; ioredis 6.0.0 is off by one for odd values within 47 of ±(2^53-1)', async () => {
    const decoded = await each(redis, scripts.integer!.number!, NEAR_LIMIT.map(String));
    const wrong = NEAR_LIMIT.filter((v, i) => decoded[i] !== v);
    if (isIoredis5(name)) {
      expect(wrong).toEqual([]);
    } else {
      expect(IOREDIS_6_VERSION).toBe('6.0.0');
      expect(wrong).toEqual(IOREDIS_6_WRONG);
      expect(decoded[NEAR_LIMIT.indexOf(MAX_SAFE)]).toBe(2 ** 53);
    }
  });

  it("an integer returned as string.format('%d', n) is exact with every client", async () => {
    expect(await each(redis, scripts.integer!.formatted!, NEAR_LIMIT.map(String))).toEqual(NEAR_LIMIT);
  });

  it("a float returned as string.format('%.17g', x) is exact with every client", async () => {
    const decoded = await each(redis, scripts.float!.formatted!, FLOATS);
    FLOATS.forEach((text, i) => expect([text, decoded[i]]).toEqual([text, Number(text)]));
    expect(Object.is(decoded[FLOATS.indexOf('-0')], -0)).toBe(true);
  });

  it('a float returned as tostring(x) or cjson.encode(x) keeps 14 significant digits', async () => {
    for (const script of [scripts.float!.tostring!, scripts.float!.json!]) {
      const decoded = await each(redis, script, ['0.1', '0.3333333333333333', '123456.78901234567']);
      expect(decoded).toEqual([0.1, 0.33333333333333, 123456.78901235]);
    }
  });

  it("cjson turns an empty array into '{}'", async () => {
    expect(await each(redis, scripts.float!.jsonRoundTrip!, ['[]', '[1]'])).toEqual([{}, [1]]);
  });

  it("a float returned as {double = x} is exact, except that ioredis 6.0.0 with replyMapping: 'resp3' decodes RESP3 doubles itself, inexactly", async () => {
    const decoded = await each(redis, scripts.float!.double!, FLOATS);
    const wrong = FLOATS.filter((text, i) => !Object.is(decoded[i], Number(text)));
    if (name.includes('replyMapping resp3')) {
      // What ioredis 6.0.0 makes of them: [text, decoded]
      expect(wrong.map((text) => [text, decoded[FLOATS.indexOf(text)]])).toEqual([
        ['0.1', 0.10000000000000002],
        ['0.30000000000000004', 0.3000000000000001],
        ['123456.78901234567', 123456.78901234569],
        ['5e-324', 0],
        ['1.7976931348623157e308', Infinity],
        ['9007199254740991', 9007199254740992],
      ]);
    } else {
      expect(wrong).toEqual([]);
    }
  });
});
