import { CLIENT_MATRIX, sharedRedisUrl, uniquePrefix } from './clients';
import { FIXTURE_SOURCE, loadFixtureClient, type FixtureClient, type LooseScript } from './fixture-client';
import { markerLine } from './source-lines';

const FAILS = `${FIXTURE_SOURCE}/errors/fails.lua`;

let fixture: FixtureClient;
beforeAll(async () => {
  fixture = await loadFixtureClient();
}, 60_000);

async function failure(run: () => Promise<unknown>): Promise<Error> {
  try {
    await run();
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`not an Error: ${String(error)}`);
  }
  throw new Error('the call did not fail');
}

describe.each(CLIENT_MATRIX.map((combo) => [combo.name, combo] as const))('script errors with %s', (_name, combo) => {
  const redis = combo.standalone(sharedRedisUrl());
  const prefix = uniquePrefix('errors');
  let errors: Record<string, LooseScript>;
  beforeAll(() => {
    errors = fixture.bindScripts(redis).errors!;
  });
  afterAll(() => redis.quit());
  const fails = (mode: string): Promise<Error> => failure(() => errors.fails!({ counter: `${prefix}counter`, mode }));

  it('a declared code raised with redis.error_reply becomes the typed error with code and detail', async () => {
    const error = await fails('coded');
    expect(error).toBeInstanceOf(fixture.ErrorsFailsError as typeof Error);
    expect(error).toBeInstanceOf(fixture.ScriptCodeError);
    expect(error).toMatchObject({ name: 'ErrorsFailsError', code: 'TOO_LOW', detail: 'value 3 is below 5', script: 'errors.fails' });
  });

  it('a declared code raised with {err = ...} and no detail becomes the typed error', async () => {
    expect(await fails('table-coded')).toMatchObject({ name: 'ErrorsFailsError', code: 'BAD_INPUT', detail: '' });
  });

  it('a declared code raised with error({err = ...}) becomes the typed error without the location suffix', async () => {
    const error = await fails('raised-coded');
    expect(error).toMatchObject({ name: 'ErrorsFailsError', code: 'TOO_LOW', detail: 'raised 1 is below 2' });
    expect((error as InstanceType<FixtureClient['ScriptError']>).redisMessage).toMatch(/^TOO_LOW raised 1 is below 2 script: [0-9a-f]{40}, on @user_script:\d+\.$/);
  });

  it('an undeclared code is a ScriptError keeping the message', async () => {
    const error = await fails('undeclared');
    expect(error).toBeInstanceOf(fixture.ScriptError);
    expect(error).not.toBeInstanceOf(fixture.ScriptCodeError);
    expect(error).toMatchObject({ redisMessage: 'OTHER_CODE not declared', location: undefined });
  });

  it.each(['runtime', 'raise', 'call'])('a %s error names the .lua file and line and keeps the Redis message', async (mode) => {
    if (mode === 'call') await redis.set(`${prefix}counter`, 'not a number');
    const error = await fails(mode);
    expect(error).toBeInstanceOf(fixture.ScriptError);
    const { location, redisMessage } = error as InstanceType<FixtureClient['ScriptError']>;
    expect(location).toBe(`${FAILS}:${markerLine(FAILS, mode)}`);
    expect(redisMessage).toMatch(/^ERR .*user_script:\d+/);
    expect(error.message).toContain(redisMessage);
    expect(error.message).toContain(`errors.fails (${location})`);
    expect((error as { cause?: unknown }).cause).toBeInstanceOf(Error);
  });

  it.each([
    ['readFails', 'read_fails.lua', 1],
    ['shebangFails', 'shebang_fails.lua', 0],
  ] as const)('%s (%s): the line accounts for a shebang luagen added (offset %i)', async (name, file, offset) => {
    const source = `${FIXTURE_SOURCE}/errors/${file}`;
    expect(fixture.scripts[`errors.${name}`]?.lineOffset).toBe(offset);
    const error = await failure(() => errors[name]!({ source: `${prefix}source` }));
    const { location, redisMessage } = error as InstanceType<FixtureClient['ScriptError']>;
    const reported = Number(/user_script:(\d+)/.exec(redisMessage)?.[1]);
    expect(reported).toBe(markerLine(source, 'runtime') + offset);
    expect(location).toBe(`${source}:${markerLine(source, 'runtime')}`);
  });

  it('errors read from a pipeline are mapped the same way', async () => {
    const pipeline = redis.pipeline();
    const coded = errors.fails!.queue(pipeline, { counter: `${prefix}counter`, mode: 'coded' });
    const runtime = errors.fails!.queue(pipeline, { counter: `${prefix}counter`, mode: 'runtime' });
    const results = await pipeline.exec();
    expect(() => coded.read(results)).toThrow(expect.objectContaining({ code: 'TOO_LOW' }));
    expect(() => runtime.read(results)).toThrow(expect.objectContaining({ location: `${FAILS}:${markerLine(FAILS, 'runtime')}` }));
  });
});
