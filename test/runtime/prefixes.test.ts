import { startCluster, type ClusterHandle } from '../support/redis-cluster';
import { CLIENT_MATRIX, sharedRedisUrl, uniquePrefix } from './clients';
import { loadGeneratedClient, type FixtureClient } from './fixture-client';

/**
 * `@prefix`: keys built in the script from a key or argument prefix. An argument prefix gets the client's
 * keyPrefix like keys do; on a cluster every prefix must carry the hash tag of the call's keys, checked
 * before anything is sent.
 */
const SOURCE = 'test/fixtures/runtime-prefixes/lua';
let fixture: FixtureClient;
let cluster: ClusterHandle;
beforeAll(async () => {
  [fixture, cluster] = await Promise.all([loadGeneratedClient('runtime-prefixes', SOURCE), startCluster()]);
}, 120_000);
afterAll(() => cluster?.stop());

describe.each(CLIENT_MATRIX.map((combo) => [combo.name, combo] as const))('key prefixes with %s', (_name, combo) => {
  it('a prefix argument gets the client keyPrefix, like the keys', async () => {
    const namespace = `${uniquePrefix('prefixes')}ns:`;
    const redis = combo.standalone(sharedRedisUrl(), { keyPrefix: namespace });
    try {
      const schedule = fixture.bindScripts(redis).tasks!.schedule!;
      const reply = await schedule({ scheduled: 'tq:{e}:scheduled', taskPrefix: 'tq:{e}:t:', id: '7', lockPrefix: 'tq:{e}:lock:' });
      expect(reply).toEqual({ task: `${namespace}tq:{e}:t:7`, lock: `${namespace}tq:{e}:lock:7` });
      await expect(redis.get('tq:{e}:lock:7')).resolves.toBe('free'); // read through the same keyPrefix
    } finally {
      await redis.quit();
    }
  });

  describe('on a cluster', () => {
    const tag = uniquePrefix('p').replace(/[^a-z0-9]/gi, '');
    const input = (lockPrefix: string, id = '1') => ({ scheduled: `tq:{${tag}}:scheduled`, taskPrefix: `tq:{${tag}}:t:`, id, lockPrefix });

    it('runs when every prefix carries the keys’ hash tag, and the derived keys are where the tag says', async () => {
      const redis = combo.cluster(cluster.nodes);
      try {
        const schedule = fixture.bindScripts(redis).tasks!.schedule!;
        await expect(schedule(input(`tq:{${tag}}:lock:`))).resolves.toEqual({ task: `tq:{${tag}}:t:1`, lock: `tq:{${tag}}:lock:1` });
        await expect(redis.hget(`tq:{${tag}}:t:1`, 'state')).resolves.toBe('scheduled');
      } finally {
        await redis.quit();
      }
    });

    it.each([
      ['has no hash tag', 'tq:lock:', /the key prefix tq:lock: has no \{hash tag\}/],
      ['has another hash tag', 'tq:{elsewhere}:lock:', /keys must hash to one cluster slot/],
    ])('refuses a prefix argument that %s, before sending', async (_case, lockPrefix, message) => {
      const redis = combo.cluster(cluster.nodes);
      try {
        const schedule = fixture.bindScripts(redis).tasks!.schedule!;
        const error = await schedule(input(lockPrefix, 'refused')).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(fixture.CrossSlotError);
        expect((error as Error).message).toMatch(message);
        await expect(redis.exists(`tq:{${tag}}:t:refused`)).resolves.toBe(0);
      } finally {
        await redis.quit();
      }
    });
  });
});
