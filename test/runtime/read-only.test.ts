import Redis from 'ioredis';
import { spawnServer, stopServer, type SpawnedServer } from '../support/redis-process';
import { redisServerBin, startRedis, type RedisHandle } from '../support/redis-server';
import { CLIENT_MATRIX, uniquePrefix } from './clients';
import { ALL_BYTES } from './decode-cases';
import { loadFixtureClient, type FixtureClient } from './fixture-client';
import { errorReplies, scriptCommandCalls } from './server-stats';

let fixture: FixtureClient;
let server: RedisHandle;
let admin: Redis;
beforeAll(async () => {
  [fixture, server] = await Promise.all([loadFixtureClient(), startRedis({ dedicated: true })]);
  admin = new Redis(server.url);
}, 60_000);
afterAll(async () => {
  await admin?.quit();
  await server?.stop();
});

describe.each(CLIENT_MATRIX.map((combo) => [combo.name, combo] as const))('read-only scripts with %s', (_name, combo) => {
  const prefix = uniquePrefix('readonly');
  let redis: Redis;
  beforeAll(() => {
    redis = combo.standalone(server.url);
  });
  afterAll(() => redis.quit());

  it('run with EVALSHA_RO, and EVAL_RO when the script is not cached', async () => {
    const { readonly } = fixture.bindScripts(redis);
    await redis.set(`${prefix}k`, 'value');
    await admin.script('FLUSH');
    await admin.config('RESETSTAT');
    expect(await readonly!.get!({ source: `${prefix}k` })).toBe('value');
    expect(await scriptCommandCalls(admin)).toEqual({ evalsha_ro: 1, eval_ro: 1 });
    await admin.config('RESETSTAT');
    expect(await readonly!.get!({ source: `${prefix}k` })).toBe('value');
    expect(await scriptCommandCalls(admin)).toEqual({ evalsha_ro: 1 });
  });

  it('return buffers byte for byte (callBuffer)', async () => {
    await redis.set(`${prefix}bytes`, ALL_BYTES);
    const bytes = await fixture.bindScripts(redis).readonly!.getBytes!({ source: `${prefix}bytes` });
    expect(Buffer.isBuffer(bytes)).toBe(true);
    expect(bytes).toEqual(ALL_BYTES);
  });

  it('take a variable number of keys', async () => {
    await redis.mset(`${prefix}a`, '2', `${prefix}b`, '40');
    const { sum } = fixture.bindScripts(redis).readonly!;
    expect(await sum!({ sources: [`${prefix}a`, `${prefix}b`, `${prefix}missing`] })).toBe(42);
    expect(await sum!({ sources: [] })).toBe(0);
  });

  it('are refused by Redis when they write (the no-writes shebang)', async () => {
    const lua = fixture.scripts['readonly.get']!.lua.replace("redis.call('GET', KEYS[1])", "redis.call('SET', KEYS[1], 'x')");
    await expect(redis.call('EVAL', lua, 1, `${prefix}w`)).rejects.toThrow(/Write commands are not allowed from read-only scripts/);
  });
});

describe('a server without EVALSHA_RO (as Redis < 7)', () => {
  let renamed: SpawnedServer;
  let renamedAdmin: Redis;
  beforeAll(async () => {
    const bin = redisServerBin();
    if (!bin) throw new Error('no redis-server binary');
    // Renaming hides the commands: the server answers `ERR unknown command`, as a Redis 6 does.
    renamed = await spawnServer({ bin, extraArgs: ['--rename-command', 'EVALSHA_RO', 'hidden-evalsha-ro', '--rename-command', 'EVAL_RO', 'hidden-eval-ro'] });
    renamedAdmin = new Redis(renamed.port, renamed.host);
  }, 30_000);
  afterAll(async () => {
    await renamedAdmin?.quit();
    if (renamed) await stopServer(renamed);
  });

  it.each(CLIENT_MATRIX.map((combo) => [combo.name, combo] as const))('%s falls back to EVALSHA and remembers it', async (_name, combo) => {
    const redis = combo.standalone(`redis://${renamed.host}:${renamed.port}`);
    try {
      const prefix = uniquePrefix('no-ro');
      await redis.set(`${prefix}k`, 'old server');
      const { get } = fixture.bindScripts(redis).readonly!;
      await renamedAdmin.config('RESETSTAT');
      expect(await get!({ source: `${prefix}k` })).toBe('old server');
      expect(await errorReplies(renamedAdmin)).toBe(1); // the one unknown EVALSHA_RO
      await renamedAdmin.config('RESETSTAT');
      expect(await get!({ source: `${prefix}k` })).toBe('old server');
      expect(await errorReplies(renamedAdmin)).toBe(0);
      expect(Object.keys(await scriptCommandCalls(renamedAdmin))).toEqual(['evalsha']);
    } finally {
      await redis.quit();
    }
  });
});
