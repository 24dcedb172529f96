/**
 * What the server profile changes in the client, on a redis-server 7.0.15 of its own (INFO commandstats counts
 * every client): built for redis-6.2, a read-only script is sent with EVALSHA/EVAL (what a 6.2 replica runs) and
 * never tries EVALSHA_RO; built for redis-7.0 it uses EVALSHA_RO/EVAL_RO.
 */
import Redis from 'ioredis';
import { startRedis, type RedisHandle } from '../support/redis-server';
import { loadGeneratedClient } from './fixture-client';

const SOURCE = 'test/fixtures/golden/profile-redis-6.2/lua';
let server: RedisHandle;
let redis: Redis;

beforeAll(async () => {
  server = await startRedis({ dedicated: true });
  redis = new Redis(server.url);
}, 60_000);

afterAll(async () => {
  await redis?.quit();
  await server?.stop();
});

/** calls per command, from INFO commandstats (`cmdstat_evalsha:calls=3,...`). */
async function commandCalls(): Promise<Record<string, number>> {
  const info = await redis.info('commandstats');
  return Object.fromEntries([...info.matchAll(/^cmdstat_([\w|]+):calls=(\d+)/gm)].map((m) => [m[1], Number(m[2])]));
}

it.each([
  ['redis-6.2', ['evalsha', 'eval'], ['evalsha_ro', 'eval_ro']],
  ['redis-7.0', ['evalsha_ro', 'eval_ro'], ['evalsha', 'eval']],
] as const)('built for %s, a read-only script is sent with %j, never %j', async (profile, used, unused) => {
  const client = await loadGeneratedClient(`profile-client-${profile}`, SOURCE, { server: profile });
  const caller = new Redis(server.url);
  try {
    await client.preload(caller);
    await redis.call('CONFIG', 'RESETSTAT');
    await redis.set('entry', 'cached', 'PX', 60_000);
    const peek = client.bindScripts(caller).cache!.peek!;
    for (let i = 0; i < 3; i++) expect(await peek({ entry: 'entry' })).toMatchObject({ value: 'cached' });
    const calls = await commandCalls();
    // ioredis may send a defined command's first call as EVAL: count both forms.
    expect(used.reduce((sum, name) => sum + (calls[name] ?? 0), 0)).toBe(3);
    expect(unused.map((name) => calls[name])).toEqual([undefined, undefined]);
  } finally {
    await caller.quit();
  }
});
