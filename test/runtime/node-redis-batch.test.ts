/**
 * node-redis batches: a script queued in `multi()` and run with `exec()` (MULTI/EXEC) or `execAsPipeline()`,
 * read back by position among commands luagen did not queue, after SCRIPT FLUSH, with error replies in it.
 * Its own server: the tests flush the script cache.
 */
import { RESP_TYPES } from '@redis/client';
import Redis from 'ioredis';
import type { RedisHandle } from '../support/redis-server';
import { uniquePrefix } from './clients';
import { DECODE_CASES } from './decode-cases';
import { startNodeRedisSetup, stopNodeRedisSetup, NODE_REDIS_MATRIX, type NodeRedisFixture, type NodeRedisStandalone } from './node-redis-fixture';
import { scriptCommandCalls } from './server-stats';

let fixture: NodeRedisFixture;
let server: RedisHandle;
let admin: Redis;
beforeAll(async () => {
  ({ fixture, server, admin } = await startNodeRedisSetup());
}, 60_000);
afterAll(() => stopNodeRedisSetup({ admin, server }));

type Exec = 'exec' | 'execAsPipeline';

describe.each(NODE_REDIS_MATRIX.map((combo) => [combo.name, combo] as const))('%s', (_name, combo) => {
  const prefix = uniquePrefix('node-redis-batch');
  let redis: NodeRedisStandalone;
  beforeAll(async () => {
    redis = combo.standalone(server.url);
    await redis.connect();
  });
  afterAll(() => redis.close());

  it.each([['exec'], ['execAsPipeline']] as const)('decodes in a batch run with %s as in a call, among commands queued before and after', async (exec: Exec) => {
    const { decode } = fixture.bindScripts(redis);
    const batch = redis.multi();
    batch.set(`${prefix}${exec}:before`, 'x');
    batch.addCommand(['GET', `${prefix}${exec}:before`]);
    // Twice each: the first use in a batch is EVAL, the second EVALSHA. Bytes: see below. The raw reply is as the
    // client delivers it, so under an application's type mapping it is that mapping's.
    const mapped = combo.name.includes('Buffers');
    const textCases = DECODE_CASES.filter((c) => c.script !== 'bytes' && !(mapped && c.script === 'passthrough'));
    const cases = [...textCases, ...textCases];
    const queued = cases.map((c, i) => {
      if (i % 5 === 0) batch.incr(`${prefix}${exec}:between`);
      return decode![c.script]!.queue(batch, c.input(`${prefix}${exec}:${i}`));
    });
    batch.get(`${prefix}${exec}:before`);
    const results = await batch[exec]();
    expect(queued.map((q) => q.read(results))).toEqual(cases.map((c) => c.expected));
    // node-redis reads EXEC's reply with its default type mapping; a pipeline's replies take the client's.
    expect(results[1]).toEqual(mapped && exec === 'execAsPipeline' ? Buffer.from('x') : 'x');
  });

  // node-redis decodes EXEC's reply with its default type mapping (bulk strings as text) whatever the client's:
  // bytes never survive exec(), so they are refused there; execAsPipeline() takes the client's mapping.
  it.each([['exec'], ['execAsPipeline']] as const)('bytes in a batch (%s): refused when the batch reads text, byte for byte when it reads Buffers', async (exec: Exec) => {
    const bytesCase = DECODE_CASES.find((c) => c.script === 'bytes')!;
    const textBatch = redis.withTypeMapping({}).multi();
    const lossy = fixture.bindScripts(redis).decode!.bytes!.queue(textBatch, bytesCase.input(`${prefix}${exec}:bytes-text`));
    const textResults = await textBatch[exec]();
    expect(() => lossy.read(textResults)).toThrow(/decoded as UTF-8 text \(lossy\)/);
    const bufferBatch = redis.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer }).multi();
    const exact = fixture.bindScripts(redis).decode!.bytes!.queue(bufferBatch, bytesCase.input(`${prefix}${exec}:bytes-buffer`));
    const bufferResults = await bufferBatch[exec]();
    if (exec === 'exec') expect(() => exact.read(bufferResults)).toThrow(/decoded as UTF-8 text \(lossy\)/);
    else expect(exact.read(bufferResults)).toEqual(bytesCase.expected);
  });

  it.each([['exec'], ['execAsPipeline']] as const)('needs no script cache: after SCRIPT FLUSH, %s loads each script with its first use (EVAL)', async (exec: Exec) => {
    const { cache, readonly } = fixture.bindScripts(redis);
    const counter = `${prefix}${exec}:flushed`;
    await admin.script('FLUSH');
    await admin.config('RESETSTAT');
    const batch = redis.multi();
    const first = cache!.incr!.queue(batch, { counter, by: 2 });
    const read = readonly!.get!.queue(batch, { source: counter });
    const second = cache!.incr!.queue(batch, { counter, by: 3 });
    const again = readonly!.get!.queue(batch, { source: counter });
    const results = await batch[exec]();
    expect([first.read(results), read.read(results), second.read(results), again.read(results)]).toEqual([2, '2', 5, '5']);
    expect(await scriptCommandCalls(admin)).toEqual({ eval: 1, evalsha: 1, eval_ro: 1, evalsha_ro: 1 });
  });

  it('exec(): an error reply rejects with MultiErrorReply; read() takes it and types each entry', async () => {
    const { errors, cache } = fixture.bindScripts(redis);
    const batch = redis.multi();
    batch.set(`${prefix}multi-error`, '1');
    const coded = errors!.fails!.queue(batch, { counter: `${prefix}unused`, mode: 'coded' });
    const fine = cache!.incr!.queue(batch, { counter: `${prefix}multi-error`, by: 1 });
    const error = await batch.exec().then(() => new Error('exec() did not fail'), (e: unknown) => e as Error);
    expect(() => coded.read(error)).toThrow(expect.objectContaining({ name: 'ErrorsFailsError', code: 'TOO_LOW' }));
    expect(fine.read(error)).toBe(2);
  });

  it('execAsPipeline(): node-redis rejects with the first error reply only; read() says so rather than guess', async () => {
    const { errors, cache } = fixture.bindScripts(redis);
    const batch = redis.multi();
    const fine = cache!.incr!.queue(batch, { counter: `${prefix}pipeline-error`, by: 1 });
    const coded = errors!.fails!.queue(batch, { counter: `${prefix}unused`, mode: 'coded' });
    const error = await batch.execAsPipeline().then(() => new Error('execAsPipeline() did not fail'), (e: unknown) => e as Error);
    expect(() => coded.read(error)).toThrow(fixture.LuagenError);
    expect(() => fine.read(error)).toThrow(/execAsPipeline\(\) keeps no other reply/);
    // Every command ran: the error is the batch's answer, not a lost reply.
    expect(await admin.get(`${prefix}pipeline-error`)).toBe('1');
  });

  it('read(null) and an out-of-range batch explain themselves', async () => {
    const { cache } = fixture.bindScripts(redis);
    const batch = redis.multi();
    const queued = cache!.incr!.queue(batch, { counter: `${prefix}null`, by: 1 });
    expect(() => queued.read(null)).toThrow(/no results to read/);
    expect(() => queued.read([])).toThrow(/no result at position/);
  });
});
