/**
 * `--target functions` on a real redis-server of its own (these tests FUNCTION FLUSH it): the client loads its
 * library where it is missing, two builds live side by side, pipelines and MULTI survive a flush, and errors map
 * to the .lua file's lines. The library suite (test/library) runs on this target too (jest project `functions`).
 */
import Redis, { Cluster } from 'ioredis';
import { startCluster, startRedis, type ClusterHandle, type RedisHandle } from '../support/redis-server';
import { CLIENT_MATRIX, uniquePrefix } from './clients';
import { FIXTURE_SOURCE, loadGeneratedClient, type FixtureClient, type LooseScript } from './fixture-client';
import { markerLine } from './source-lines';

type Library = { name: string; code: string };
type ListedLibrary = { name: string; functions: { name: string; flags: string[] }[] };

let server: RedisHandle;
let v1: FixtureClient;
let v2: FixtureClient;
let admin: Redis;
const prefix = uniquePrefix('functions');

beforeAll(async () => {
  server = await startRedis({ dedicated: true });
  admin = new Redis(server.url);
  [v1, v2] = await Promise.all([
    loadGeneratedClient('functions-v1', 'test/fixtures/functions/v1', { target: 'functions', library: 'deploy' }),
    loadGeneratedClient('functions-v2', 'test/fixtures/functions/v2', { target: 'functions', library: 'deploy' }),
  ]);
}, 60_000);

afterAll(async () => {
  await admin?.quit();
  await server?.stop();
});

/** FUNCTION LIST, as names and flags (RESP2 arrays of field/value pairs). */
async function listLibraries(client: Redis = admin): Promise<ListedLibrary[]> {
  const raw = (await client.call('FUNCTION', 'LIST')) as unknown[][];
  const record = (pairs: unknown[]) => Object.fromEntries(Array.from({ length: pairs.length / 2 }, (_, i) => [pairs[2 * i], pairs[2 * i + 1]]));
  return raw
    .map((entry) => {
      const lib = record(entry);
      const functions = (lib.functions as unknown[][]).map((f) => record(f)).map((f) => ({ name: String(f.name), flags: (f.flags as string[]).sort() }));
      return { name: String(lib.library_name), functions: functions.sort((a, b) => (a.name < b.name ? -1 : 1)) };
    })
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

const libraryOf = (client: FixtureClient) => client.library as Library;
const deploy = (client: FixtureClient, redis: Redis | Cluster) => client.bindScripts(redis).deploy as Record<string, LooseScript>;

describe('the library on a standalone server', () => {
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(server.url);
  });
  afterAll(() => redis.quit());
  beforeEach(() => admin.call('FUNCTION', 'FLUSH'));

  it('a first call loads the library; FUNCTION LIST shows it, its functions and their flags', async () => {
    expect(await listLibraries()).toEqual([]);
    const scripts = deploy(v1, redis);
    expect(await scripts.version!({ calls: `${prefix}calls` })).toBe(1);
    const { name } = libraryOf(v1);
    expect(name).toMatch(/^deploy_[0-9a-f]{12}$/);
    const hash = name.slice('deploy_'.length);
    expect(await listLibraries()).toEqual([
      {
        name,
        functions: [
          { name: `${v1.scripts['deploy.peek']!.command}_${hash}`, flags: ['no-writes'] },
          { name: `${v1.scripts['deploy.version']!.command}_${hash}`, flags: [] },
        ],
      },
    ]);
    // @readonly: FCALL_RO, which Redis refuses for a function without no-writes.
    expect(await scripts.peek!({ calls: `${prefix}calls` })).toBe(1);
  });

  it('rolling deploy: two builds loaded side by side each run their own code; removing the old one is safe', async () => {
    const old = deploy(v1, redis);
    const current = deploy(v2, redis);
    const calls = `${prefix}deploy`;
    expect(await old.version!({ calls })).toBe(1);
    expect(await current.version!({ calls })).toBe(2);
    expect(libraryOf(v1).name).not.toBe(libraryOf(v2).name);
    expect((await listLibraries()).map((l) => l.name)).toEqual([libraryOf(v1).name, libraryOf(v2).name].sort());
    await admin.call('FUNCTION', 'DELETE', libraryOf(v1).name);
    expect((await listLibraries()).map((l) => l.name)).toEqual([libraryOf(v2).name]);
    expect(await current.version!({ calls })).toBe(2);
    // An old instance still running reloads its own library rather than calling the new code.
    expect(await old.version!({ calls })).toBe(1);
    expect(await admin.get(calls)).toBe('4');
  });

  it('after FUNCTION FLUSH the next call loads the library and runs once more', async () => {
    const scripts = deploy(v1, redis);
    const calls = `${prefix}flush`;
    expect(await scripts.version!({ calls })).toBe(1);
    await admin.call('FUNCTION', 'FLUSH');
    expect(await scripts.peek!({ calls })).toBe(1);
    await admin.call('FUNCTION', 'FLUSH');
    expect(await scripts.version!({ calls })).toBe(1);
    expect(await admin.get(calls)).toBe('2');
  });

  it('many first calls at once share one load', async () => {
    const scripts = deploy(v1, redis);
    const calls = `${prefix}burst`;
    const replies = await Promise.all(Array.from({ length: 30 }, () => scripts.version!({ calls })));
    expect(replies).toEqual(Array(30).fill(1));
    expect(await admin.get(calls)).toBe('30');
  });

  it.each(['pipeline', 'multi'] as const)('a %s on a server without the library succeeds, every result where it was queued', async (kind) => {
    const scripts = deploy(v1, redis);
    const calls = `${prefix}${kind}`;
    const batch = kind === 'pipeline' ? redis.pipeline() : redis.multi();
    batch.set(`${prefix}${kind}:before`, 'a');
    const first = scripts.version!.queue(batch, { calls });
    batch.get(`${prefix}${kind}:before`);
    const peeked = scripts.peek!.queue(batch, { calls });
    const second = scripts.version!.queue(batch, { calls });
    const results = await batch.exec();
    expect(results).toHaveLength(5);
    expect(results?.[0]).toEqual([null, 'OK']);
    expect(results?.[2]).toEqual([null, 'a']);
    expect([first.read(results), peeked.read(results), second.read(results)]).toEqual([1, 1, 1]);
    expect(await admin.get(calls)).toBe('2');
    expect((await listLibraries()).map((l) => l.name)).toEqual([libraryOf(v1).name]);
  });

  it('two libraries in one pipeline (two builds, two projects): each result where it was queued', async () => {
    const calls = `${prefix}two`;
    const pipeline = redis.pipeline();
    const first = deploy(v1, redis).version!.queue(pipeline, { calls });
    pipeline.incr(calls);
    const second = deploy(v2, redis).version!.queue(pipeline, { calls });
    const again = deploy(v1, redis).version!.queue(pipeline, { calls });
    pipeline.get(calls);
    const results = await pipeline.exec();
    expect(results).toHaveLength(5);
    expect([first.read(results), second.read(results), again.read(results)]).toEqual([1, 2, 1]);
    expect(results?.[1]).toEqual([null, 2]);
    expect(results?.[4]).toEqual([null, '4']);
  });

  it('exec() with a callback gets the same results', async () => {
    const scripts = deploy(v1, redis);
    const pipeline = redis.pipeline();
    const queued = scripts.version!.queue(pipeline, { calls: `${prefix}callback` });
    const results = await new Promise<unknown>((resolve, reject) => {
      void pipeline.exec((error, value) => (error ? reject(error) : resolve(value)));
    });
    expect(queued.read(results as never)).toBe(1);
  });

  it('preload loads the library, and a second preload leaves it as it is', async () => {
    await v1.preload(redis);
    expect((await listLibraries()).map((l) => l.name)).toEqual([libraryOf(v1).name]);
    await expect(v1.preload(redis)).resolves.toBeUndefined();
  });

  it('keys get the client keyPrefix, as with EVALSHA', async () => {
    const prefixed = new Redis(server.url, { keyPrefix: `${prefix}kp:` });
    try {
      expect(await deploy(v1, prefixed).version!({ calls: 'calls' })).toBe(1);
      expect(await admin.get(`${prefix}kp:calls`)).toBe('1');
    } finally {
      await prefixed.quit();
    }
  });
});

describe.each(CLIENT_MATRIX.map((combo) => [combo.name, combo] as const))('decoded replies with %s', (_name, combo) => {
  it('are the same as the EVAL target gives', async () => {
    const redis = combo.standalone(server.url);
    try {
      const scripts = deploy(v2, redis);
      const calls = `${prefix}matrix:${combo.protocol}:${Math.random()}`;
      expect(await scripts.peek!({ calls })).toBeNull();
      expect(await scripts.version!({ calls })).toBe(2);
      expect(await scripts.peek!({ calls })).toBe(1);
    } finally {
      await redis.quit();
    }
  });
});

describe('errors of functions', () => {
  const FAILS = `${FIXTURE_SOURCE}/errors/fails.lua`;
  let fixture: FixtureClient;
  let redis: Redis;
  let errors: Record<string, LooseScript>;
  beforeAll(async () => {
    fixture = await loadGeneratedClient('runtime-functions', FIXTURE_SOURCE, { target: 'functions' });
    redis = new Redis(server.url);
    errors = fixture.bindScripts(redis).errors!;
  }, 60_000);
  afterAll(() => redis.quit());

  const failure = (run: () => Promise<unknown>): Promise<Error> =>
    run().then(
      () => Promise.reject(new Error('the call did not fail')),
      (error: Error) => error,
    );
  const fails = (mode: string) => failure(() => errors.fails!({ counter: `${prefix}counter`, mode }));

  it('declared codes become the typed error, raised or returned', async () => {
    expect(await fails('coded')).toMatchObject({ name: 'ErrorsFailsError', code: 'TOO_LOW', detail: 'value 3 is below 5' });
    expect(await fails('table-coded')).toMatchObject({ name: 'ErrorsFailsError', code: 'BAD_INPUT', detail: '' });
    const raised = await fails('raised-coded');
    expect(raised).toMatchObject({ name: 'ErrorsFailsError', code: 'TOO_LOW', detail: 'raised 1 is below 2' });
    expect((raised as InstanceType<FixtureClient['ScriptError']>).redisMessage).toMatch(/^TOO_LOW raised 1 is below 2 script: \w+_[0-9a-f]{12}, on @user_function:\d+\.$/);
  });

  it.each(['runtime', 'raise', 'call'])('a %s error names the .lua file and line, not the library line', async (mode) => {
    if (mode === 'call') await redis.set(`${prefix}counter`, 'not a number');
    const error = await fails(mode);
    const { location, redisMessage } = error as InstanceType<FixtureClient['ScriptError']>;
    expect(error).toBeInstanceOf(fixture.ScriptError);
    expect(redisMessage).toMatch(/user_function:\d+/);
    expect(Number(/user_function:(\d+)/.exec(redisMessage)?.[1])).toBeGreaterThan(markerLine(FAILS, mode));
    expect(location).toBe(`${FAILS}:${markerLine(FAILS, mode)}`);
  });

  it.each(['readFails', 'shebangFails'])('%s: a read-only script (shebang added or its own) maps its line too', async (name) => {
    const source = `${FIXTURE_SOURCE}/errors/${name === 'readFails' ? 'read_fails' : 'shebang_fails'}.lua`;
    const error = await failure(() => errors[name]!({ source: `${prefix}source` }));
    expect((error as InstanceType<FixtureClient['ScriptError']>).location).toBe(`${source}:${markerLine(source, 'runtime')}`);
  });

  it('errors read from a pipeline map the same way', async () => {
    const pipeline = redis.pipeline();
    const coded = errors.fails!.queue(pipeline, { counter: `${prefix}counter`, mode: 'coded' });
    const runtime = errors.fails!.queue(pipeline, { counter: `${prefix}counter`, mode: 'runtime' });
    const results = await pipeline.exec();
    expect(() => coded.read(results)).toThrow(expect.objectContaining({ code: 'TOO_LOW' }));
    expect(() => runtime.read(results)).toThrow(expect.objectContaining({ location: `${FAILS}:${markerLine(FAILS, 'runtime')}` }));
  });
});

describe('the library on a 3-master cluster', () => {
  let cluster: ClusterHandle;
  let client: Cluster;
  beforeAll(async () => {
    cluster = await startCluster();
    client = new Cluster(cluster.nodes.map((n) => ({ host: n.host, port: n.port })));
  }, 60_000);
  afterAll(async () => {
    await client?.quit();
    await cluster?.stop();
  });

  const onEveryMaster = async (command: string, ...args: string[]) =>
    Promise.all(client.nodes('master').map((node) => node.call(command, ...args)));
  /** Keys whose slots belong to each of the masters, so that every node serves a call. */
  const keysOnEveryNode = Array.from({ length: 12 }, (_, i) => `${prefix}cluster:${i}`);

  it('preload loads the library on every master', async () => {
    await client.ping();
    await onEveryMaster('FUNCTION', 'FLUSH');
    await v1.preload(client);
    const listed = await Promise.all(client.nodes('master').map((node) => listLibraries(node)));
    expect(listed.map((libs) => libs.map((l) => l.name))).toEqual([[libraryOf(v1).name], [libraryOf(v1).name], [libraryOf(v1).name]]);
  });

  it('a node that lost the library (FUNCTION FLUSH, a new node) gets it back on the next call', async () => {
    const scripts = deploy(v1, client);
    await onEveryMaster('FUNCTION', 'FLUSH');
    const replies = await Promise.all(keysOnEveryNode.map((calls) => scripts.version!({ calls })));
    expect(replies).toEqual(keysOnEveryNode.map(() => 1));
    expect(await scripts.peek!({ calls: keysOnEveryNode[0]! })).toBe(1);
  });

  it.each(['pipeline', 'multi'] as const)('a %s on a node without the library succeeds', async (kind) => {
    const scripts = deploy(v1, client);
    await onEveryMaster('FUNCTION', 'FLUSH');
    const tag = `{${prefix}${kind}}`;
    const batch = kind === 'pipeline' ? client.pipeline() : client.multi();
    batch.set(`${tag}:x`, '1');
    const queued = scripts.version!.queue(batch, { calls: `${tag}:calls` });
    batch.get(`${tag}:x`);
    const results = await batch.exec();
    expect(results).toHaveLength(2 + 1);
    expect(results?.[2]).toEqual([null, '1']);
    expect(queued.read(results)).toBe(1);
  });
});
