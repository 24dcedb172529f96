/**
 * `--target functions` with `--client node-redis` on a redis-server of its own (FUNCTION FLUSH): FCALL and
 * FCALL_RO, the library loaded by the first call that misses it, errors at the .lua file's lines, batches.
 */
import { createClient } from '@redis/client';
import Redis from 'ioredis';
import { startRedis, type RedisHandle } from '../support/redis-server';
import { uniquePrefix } from './clients';
import { FIXTURE_SOURCE, loadGeneratedClient } from './fixture-client';
import { loadNodeRedisFixture, type NodeRedisFixture } from './node-redis-fixture';
import { commandCalls } from './server-stats';
import { markerLine } from './source-lines';

const FAILS = `${FIXTURE_SOURCE}/errors/fails.lua`;

let server: RedisHandle;
let admin: Redis;
let fixture: NodeRedisFixture;
let deployV1: NodeRedisFixture;
let redis: ReturnType<typeof createClient>;
const prefix = uniquePrefix('nr-functions');

beforeAll(async () => {
  server = await startRedis({ dedicated: true });
  admin = new Redis(server.url);
  [fixture, deployV1] = await Promise.all([
    loadNodeRedisFixture('functions'),
    loadGeneratedClient('nr-functions-v1', 'test/fixtures/functions/v1', { client: 'node-redis', target: 'functions', library: 'deploy' }) as unknown as Promise<NodeRedisFixture>,
  ]);
  redis = createClient({ url: server.url, RESP: 3 }) as unknown as ReturnType<typeof createClient>;
  await redis.connect();
}, 60_000);
afterAll(async () => {
  await redis?.close();
  await admin?.quit();
  await server?.stop();
});
beforeEach(() => admin.call('FUNCTION', 'FLUSH'));

it('a first call loads the library (FCALL answered "Function not found"), read-only functions go with FCALL_RO', async () => {
  const { deploy } = deployV1.bindScripts(redis);
  await admin.config('RESETSTAT');
  expect(await deploy!.version!({ calls: `${prefix}calls` })).toBe(1);
  expect(await deploy!.peek!({ calls: `${prefix}calls` })).toBe(1);
  const calls = await commandCalls(admin);
  expect({ fcall: calls.fcall, fcall_ro: calls.fcall_ro, load: calls['function|load'] }).toEqual({ fcall: 2, fcall_ro: 1, load: 1 });
  const libraries = (await admin.call('FUNCTION', 'LIST', 'LIBRARYNAME', 'deploy_*')) as unknown[];
  expect(libraries).toHaveLength(1);
});

it('decodes, validates and maps errors to the .lua lines as the EVAL target does', async () => {
  const { decode, errors, cache } = fixture.bindScripts(redis);
  expect(await decode!.pair!({ full: true })).toEqual({ name: 'n', count: 7, note: 'a note' });
  await expect(cache!.incr!({ counter: `${prefix}c`, by: NaN })).rejects.toThrow(fixture.ScriptArgumentError);
  const coded = await errors!.fails!({ counter: `${prefix}c`, mode: 'coded' }).catch((e: unknown) => e);
  expect(coded).toMatchObject({ name: 'ErrorsFailsError', code: 'TOO_LOW' });
  const located = await errors!.fails!({ counter: `${prefix}c`, mode: 'runtime' }).catch((e: unknown) => e);
  expect(located).toMatchObject({ name: 'ScriptError', location: `${FAILS}:${markerLine(FAILS, 'runtime')}` });
});

it.each([['exec'], ['execAsPipeline']] as const)('a batch (%s) loads the library in its own first command, and its results leave that LOAD out', async (exec) => {
  const { cache, errors } = fixture.bindScripts(redis);
  const batch = redis.multi();
  batch.set(`${prefix}${exec}:before`, 'x');
  const queued = [1, 2].map((by) => cache!.incr!.queue(batch, { counter: `${prefix}${exec}:loaded`, by }));
  batch.get(`${prefix}${exec}:before`);
  const results = await batch[exec]();
  expect(results).toEqual(['OK', 1, 3, 'x']);
  expect(queued.map((q) => q.read(results))).toEqual([1, 3]);
  if (exec === 'exec') {
    // An error reply inside: MultiErrorReply, its replies and error indexes without the LOAD as well.
    const failing = redis.multi();
    failing.set(`${prefix}${exec}:before`, 'y');
    const coded = errors!.fails!.queue(failing, { counter: `${prefix}c`, mode: 'coded' });
    const fine = cache!.incr!.queue(failing, { counter: `${prefix}${exec}:loaded`, by: 1 });
    const error = (await failing.exec().then(() => new Error('exec() did not fail'), (e: unknown) => e)) as { replies: unknown[]; errorIndexes: number[] };
    expect(error.replies).toHaveLength(3);
    expect(error.errorIndexes).toEqual([1]);
    expect(() => coded.read(error as unknown as Error)).toThrow(expect.objectContaining({ code: 'TOO_LOW' }));
    expect(fine.read(error as unknown as Error)).toBe(4);
  }
});

it('preload loads the library; batches then call its functions (exec and execAsPipeline)', async () => {
  await fixture.preload(redis);
  const { cache } = fixture.bindScripts(redis);
  for (const exec of ['exec', 'execAsPipeline'] as const) {
    const batch = redis.multi();
    const queued = [1, 2, 3].map((by) => cache!.incr!.queue(batch, { counter: `${prefix}${exec}`, by }));
    const results = await batch[exec]();
    expect(queued.map((q) => q.read(results))).toEqual([1, 3, 6]);
  }
});
