import type { Redis } from 'ioredis';
import { startRedis, type RedisHandle } from '../support/redis-server';
import { CLIENT_MATRIX } from './clients';
import type { FixtureClient, LooseScript } from './fixture-client';
import { commandCalls } from './server-stats';
import { generateWithZod, ZOD_MAJORS } from './zod-majors';

/**
 * Inputs that once slipped past validation (issues 10.14 and 11.4), under every zod major the peer range allows
 * and every client of the matrix: each is refused with ScriptArgumentError by a call and by `queue()`, and not
 * one command reaches the server this file owns; valid inputs are sent exactly as validated.
 */
const echoInput = { target: 'k', count: 1, ratio: 0.5, label: 'l', items: [] as unknown[] };

/** [what, script, input, the parameter the error names] */
const REFUSED: readonly [string, string, unknown, string][] = [
  ['Infinity for a number', 'echo', { ...echoInput, ratio: Infinity }, 'ratio'],
  ['-Infinity for a number', 'echo', { ...echoInput, ratio: -Infinity }, 'ratio'],
  ['2^53 for an integer', 'echo', { ...echoInput, count: 2 ** 53 }, 'count'],
  ['-(2^53) for an integer', 'echo', { ...echoInput, count: -(2 ** 53) }, 'count'],
  ['1e300 for an integer', 'echo', { ...echoInput, count: 1e300 }, 'count'],
  // eslint-disable-next-line no-sparse-arrays
  ['a hole in a variadic argument', 'echo', { ...echoInput, items: ['a', , 'b'] }, 'items[1]'],
  ['a hole in variadic keys', 'keys', { all: ['a', , 'b'] }, 'all[1]'], // eslint-disable-line no-sparse-arrays
  ['a trailing hole (new Array)', 'keys', { all: new Array(2) }, 'all[0]'],
  ['a lone high surrogate in a string', 'echo', { ...echoInput, label: 'a\uD800' }, 'label'],
  ['a lone low surrogate in a variadic item', 'echo', { ...echoInput, items: ['ok', '\uDC00x'] }, 'items[1]'],
  ['a surrogate pair in the wrong order', 'echo', { ...echoInput, label: '\uDE00\uD83D' }, 'label'],
  ['a lone surrogate in a key', 'echo', { ...echoInput, target: 'user:\uD83D' }, 'target'],
  ['a lone surrogate in a variadic key', 'keys', { all: ['a', '\uDFFF'] }, 'all[1]'],
  ['a field for a script without parameters', 'nothing', { value: 1 }, 'value'],
  ['null for a script without parameters', 'nothing', null, 'input'],
  ['a number for the whole input', 'echo', 42, 'input'],
  ['a getter that throws', 'echo', { ...echoInput, get label(): string { throw new RangeError('no label'); } }, 'label'],
  ['a Proxy array whose element read throws', 'echo', { ...echoInput, items: new Proxy(['a'], { get: (t, p) => { if (p === '0') throw new Error('trap'); return Reflect.get(t, p) as unknown; } }) }, 'items'],
];

const server: { handle?: RedisHandle } = {};
beforeAll(async () => {
  server.handle = await startRedis({ dedicated: true });
}, 60_000);
afterAll(() => server.handle?.stop());

/** Every command the server ran since the last reset, except the admin connection's own INFO and CONFIG. */
async function commandsFromClients(admin: Redis): Promise<Record<string, number>> {
  const calls = await commandCalls(admin);
  return Object.fromEntries(Object.entries(calls).filter(([name]) => !/^(info|config)\b/.test(name)));
}

describe.each(ZOD_MAJORS.map(([name, pkg, version]) => [name, pkg, version] as const))('with %s', (_name, pkg, version) => {
  let client: FixtureClient;
  beforeAll(async () => {
    const loaded = await generateWithZod<FixtureClient>('validation-holes', 'test/fixtures/validation/lua', pkg);
    client = loaded.client;
    expect(loaded.zodVersion.startsWith(version)).toBe(true);
  }, 60_000);

  describe.each(CLIENT_MATRIX.map((combo) => [combo.name, combo] as const))('and %s', (_combo, combo) => {
    let redis: Redis;
    let admin: Redis;
    let args: Record<string, LooseScript>;
    beforeAll(async () => {
      redis = combo.standalone(server.handle!.url);
      admin = CLIENT_MATRIX[0]!.standalone(server.handle!.url);
      args = client.bindScripts(redis).args!;
      await Promise.all([redis.ping(), admin.ping()]);
    });
    afterAll(async () => {
      await Promise.all([redis.quit(), admin.quit()]);
    });

    it.each(REFUSED)('refuses %s, from a call and from queue(), sending nothing', async (_what, script, input, parameter) => {
      await admin.config('RESETSTAT');
      const refusal = expect.objectContaining({ name: 'ScriptArgumentError', parameter: parameter === 'input' ? '' : parameter });
      await expect(args[script]!(input)).rejects.toEqual(refusal);
      const pipeline = redis.pipeline();
      expect(() => args[script]!.queue(pipeline, input)).toThrow(refusal);
      expect(pipeline.length).toBe(0);
      // A PING on the same connection comes back only after anything written before it has run.
      await redis.ping();
      expect(await commandsFromClients(admin)).toEqual({ ping: 1 });
    });

    it('sends a well-formed surrogate pair and a Uint8Array key as their bytes', async () => {
      const key = new Uint8Array([0x78, 0x61, 0x62, 0x79]).subarray(1, 3);
      expect(await args.echo!({ ...echoInput, target: key, label: 'smile \u{1F600}' })).toEqual(['ab', '1', '0.5', 'smile \u{1F600}']);
      expect(await args.keys!({ all: [key, 'c'] })).toEqual(['ab', 'c']);
      const pipeline = redis.pipeline();
      const queued = args.keys!.queue(pipeline, { all: [new Uint8Array([0x64])] });
      expect(queued.read(await pipeline.exec())).toEqual(['d']);
    });

    it('takes no argument or {} for a script without parameters', async () => {
      expect(await args.nothing!()).toBe('none');
      expect(await args.nothing!({})).toBe('none');
    });

    it('validates and sends one reading of each property (a getter that changes its answer)', async () => {
      let reads = 0;
      const changing = {
        ...echoInput,
        get label(): unknown {
          reads += 1;
          return reads === 1 ? 'checked' : 42;
        },
      };
      expect(await args.echo!(changing)).toEqual(['k', '1', '0.5', 'checked']);
      expect(reads).toBe(1);

      let badFirst = 0;
      const invalidThenValid = {
        ...echoInput,
        get count(): unknown {
          badFirst += 1;
          return badFirst === 1 ? 1.5 : 2;
        },
      };
      await admin.config('RESETSTAT');
      await expect(args.echo!(invalidThenValid)).rejects.toEqual(expect.objectContaining({ name: 'ScriptArgumentError', parameter: 'count' }));
      expect(badFirst).toBe(1);
      await redis.ping();
      expect(await commandsFromClients(admin)).toEqual({ ping: 1 });
    });

    it('validates and sends one reading of each element of a variadic array (a Proxy that changes its answer)', async () => {
      let reads = 0;
      const items = new Proxy(['a', 'b'], {
        get(target, property, receiver) {
          if (property !== '1') return Reflect.get(target, property, receiver) as unknown;
          reads += 1;
          return reads === 1 ? 'b' : 7;
        },
      });
      const pipeline = redis.pipeline();
      const queued = args.echo!.queue(pipeline, { ...echoInput, items });
      expect(queued.read(await pipeline.exec())).toEqual(['k', '1', '0.5', 'l', 'a', 'b']);
      expect(reads).toBe(1);
    });
  });
});
