import { CLIENT_MATRIX, sharedRedisUrl, uniquePrefix } from './clients';
import { loadGeneratedClient, type FixtureClient, type LooseScript } from './fixture-client';
import { markerLine } from './source-lines';

/**
 * A script that inlines an include runs as one script on Redis; an error raised on a line that came from the
 * include is reported at the include's own file and line (the script is @readonly, so luagen also adds a
 * shebang line above it).
 */
const SOURCE = 'test/fixtures/runtime-includes/lua';
const SCRIPT = `${SOURCE}/jobs/claim.lua`;
const INCLUDE = `${SOURCE}/jobs/lib/guards.lua`;

let fixture: FixtureClient;
beforeAll(async () => {
  fixture = await loadGeneratedClient('runtime-includes', SOURCE);
}, 60_000);

async function failure(run: () => Promise<unknown>): Promise<Error & { location?: string }> {
  try {
    await run();
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error('the call did not fail');
}

describe.each(CLIENT_MATRIX.map((combo) => [combo.name, combo] as const))('includes with %s', (_name, combo) => {
  const redis = combo.standalone(sharedRedisUrl());
  const prefix = uniquePrefix('includes');
  let claim: LooseScript;
  beforeAll(() => {
    claim = fixture.bindScripts(redis).jobs!.claim!;
  });
  afterAll(() => redis.quit());

  it('runs code defined in the include', async () => {
    await expect(claim({ job: `${prefix}free`, worker: 'w1', mode: 'ok' })).resolves.toBe('free');
  });

  it('maps an error raised in the include to the include file and line', async () => {
    await redis.hset(`${prefix}taken`, 'owner', 'w2');
    const error = await failure(() => claim({ job: `${prefix}taken`, worker: 'w1', mode: 'ok' }));
    expect(error).toBeInstanceOf(fixture.ScriptError);
    expect(error.location).toBe(`${INCLUDE}:${markerLine(INCLUDE, 'include')}`);
  });

  it('maps an error raised in the script below the include to the script line', async () => {
    const error = await failure(() => claim({ job: `${prefix}free`, worker: 'w1', mode: 'crash' }));
    expect(error.location).toBe(`${SCRIPT}:${markerLine(SCRIPT, 'top')}`);
  });

  it('a declared code returned from the include is the typed error', async () => {
    const error = await failure(() => claim({ job: `${prefix}free`, worker: 'w1', mode: 'coded' }));
    expect(error).toMatchObject({ name: 'JobsClaimError', code: 'ALREADY_CLAIMED', detail: 'by someone else' });
  });
});
