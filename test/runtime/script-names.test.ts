import type { Redis } from 'ioredis';
import { CLIENT_MATRIX, sharedRedisUrl, uniquePrefix } from './clients';
import { loadGeneratedClient, type FixtureClient, type LooseScript } from './fixture-client';

/**
 * Scripts named after ioredis methods (status, mode, get, connect, pipeline, defineCommand), JavaScript reserved
 * words and names the generated code uses itself (test/fixtures/golden/names) bind and run on a real server,
 * without touching the client's own methods: ioredis commands are registered as luagen_<id>.
 */
let fixture: FixtureClient;
beforeAll(async () => {
  fixture = await loadGeneratedClient('names', 'test/fixtures/golden/names/lua');
}, 60_000);

/** The scripts that return their own name. */
const ECHOES = [
  'class', 'default', 'delete', 'enum', 'import', 'new', 'await', 'yield', 'let', 'interface', 'static', 'arguments', 'eval',
  'Redis', 'Cluster', 'exports', 'require', 'Object', 'Promise', 'module', 'undefined', 'Callback', 'Result', 'Buffer',
  'Context', 'defineCommand', 'pipeline',
];

describe.each(CLIENT_MATRIX.map((combo) => [combo.name, combo] as const))('script names with %s', (_name, combo) => {
  const prefix = uniquePrefix('names');
  const redis = combo.standalone(sharedRedisUrl());
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const raw = redis as Redis & Record<string, (...args: any[]) => Promise<unknown>>;
  let scripts: Record<string, LooseScript> & { package: Record<string, LooseScript> };
  beforeAll(() => {
    scripts = fixture.bindScripts(redis) as unknown as typeof scripts;
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('every script named like a reserved word or a generated-code name runs and returns its name', async () => {
    expect(await Promise.all(ECHOES.map((name) => scripts[name]!()))).toEqual(ECHOES);
    expect(await scripts.package.new!()).toBe('package.new');
    expect(Object.keys(fixture.scripts)).toEqual(expect.arrayContaining([...ECHOES, 'package.new', 'status', 'get']));
  });

  it('status, mode, get and connect run as scripts, and the client keeps its own status, mode, get and connect', async () => {
    const key = `${prefix}counter`;
    expect(await scripts.status!({ counter: key, by: 5 })).toBe(5);
    expect(await scripts.get!({ key })).toBe('5');
    expect(await scripts.mode!({ mode: 'slow' })).toBe('slow');
    expect(redis.status).toBe('ready');
    expect(redis.mode).toBe('normal');
    expect(await redis.get(key)).toBe('5');
    expect(redis.connect).toBe(Object.getPrototypeOf(redis).connect);
    expect(typeof redis.pipeline().exec).toBe('function');
  });

  it('the raw commands are luagen_<id>, on the client and in pipelines', async () => {
    const key = `${prefix}raw`;
    expect(await raw.luagen_status!(key, 2)).toBe(2);
    expect(await raw.luagen_get!(key)).toBe('2');
    const results = await (redis.pipeline() as unknown as Record<string, (...args: unknown[]) => { exec(): Promise<unknown> }>)
      .luagen_status!(key, 3).exec();
    expect(results).toEqual([[null, 5]]);
  });

  it('keys, arguments and reply fields named default, new, callback and constructor; the reply keeps its prototype', async () => {
    const key = `${prefix}connect`;
    const reply = (await scripts.connect!({ default: key, new: 'v', callback: 7 })) as Record<string, unknown>;
    expect(Object.getPrototypeOf(reply)).toBe(Object.prototype);
    expect(Object.getOwnPropertyNames(reply)).toEqual(['constructor', 'callback', 'default']);
    expect([reply.constructor, reply.callback, reply.default]).toEqual(['v', 7, key]);
    expect(await raw.luagen_connect!(key, 'w', 8)).toEqual(['w', 8, key]);
  });

  it('in a pipeline and a transaction', async () => {
    for (const batch of [redis.pipeline(), redis.multi()]) {
      const queued = [scripts.class!.queue(batch), scripts.Object!.queue(batch), scripts.status!.queue(batch, { counter: `${prefix}batch`, by: 1 })];
      const results = await batch.exec();
      expect(queued.map((q) => q.read(results))).toEqual(['class', 'Object', expect.any(Number)]);
    }
  });

  it('a script named type raises its TypeError class (a ScriptCodeError), and the global TypeError is untouched', async () => {
    const TypeErrorClass = fixture.TypeError as new (...args: never[]) => Error;
    expect(TypeErrorClass).not.toBe(globalThis.TypeError);
    const error = await scripts.type!({ fail: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeErrorClass);
    expect(error).toBeInstanceOf(fixture.ScriptCodeError);
    expect((error as { code: string }).code).toBe('BAD_TYPE');
    expect(await scripts.type!({ fail: false })).toBe('type');
  });

  it('the bound scripts object is not a thenable: awaiting it gives it back', async () => {
    expect(await Promise.resolve(scripts)).toBe(scripts);
  });
});
