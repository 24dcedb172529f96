import type { Cluster } from 'ioredis';
import { migrateSlot, startCluster, type ClusterHandle } from '../support/redis-cluster';
import { respCommand } from '../support/resp-client';
import { keySlot } from '../../templates/runtime/slots';
import { CLIENT_MATRIX, uniquePrefix } from './clients';
import { halfMigrate, keyOnNode, otherNode } from './cluster-slots';
import { DECODE_CASES, runDecodeCases } from './decode-cases';
import { loadFixtureClient, type FixtureClient } from './fixture-client';

let fixture: FixtureClient;
let cluster: ClusterHandle;
beforeAll(async () => {
  // Dedicated: the tests below flush the script cache and reset the stats of every master.
  [fixture, cluster] = await Promise.all([loadFixtureClient(), startCluster({ dedicated: true })]);
}, 120_000);
afterAll(() => cluster?.stop());

describe.each(CLIENT_MATRIX.map((combo) => [combo.name, combo] as const))('a Redis Cluster with %s', (_name, combo) => {
  const prefix = uniquePrefix('cluster').replace(/:$/, '');
  let redis: Cluster;
  beforeAll(() => {
    redis = combo.cluster(cluster.nodes);
  });
  afterAll(() => redis?.quit());

  it('decodes every reply type as on a single server', async () => {
    const decoded = await runDecodeCases(fixture.bindScripts(redis).decode!, `${prefix}:decode:`);
    for (const c of DECODE_CASES) expect([c.name, decoded.get(c.name)]).toEqual([c.name, c.expected]);
  });

  it('takes 100,000 keys in one slot and refuses one more with ScriptArgumentError (ioredis would overflow the stack computing the slot)', async () => {
    const { keys } = fixture.bindScripts(redis);
    const all = Array.from({ length: 100_000 }, (_, i) => `{${prefix}}:k${i}`);
    expect(((await keys!.readVariadic!({ all })) as string[]).length).toBe(100_000);
    const refusal = expect.objectContaining({ name: 'ScriptArgumentError', parameter: 'all' });
    await expect(keys!.readVariadic!({ all: [...all, `{${prefix}}:one-more`] })).rejects.toEqual(refusal);
  }, 60_000);

  it('throws CrossSlotError naming the keys and their slots before sending', async () => {
    const { keys } = fixture.bindScripts(redis);
    const [a, b] = [`${prefix}:a`, `${prefix}:b`];
    expect(keySlot(a)).not.toBe(keySlot(b));
    const error = await keys!.fixed!({ first: a, second: b }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(fixture.CrossSlotError);
    const serverSlots = await Promise.all([a, b].map((k) => respCommand(cluster.nodes[0]!.host, cluster.nodes[0]!.port, ['CLUSTER', 'KEYSLOT', k])));
    expect((error as InstanceType<FixtureClient['CrossSlotError']>).keys).toEqual([{ key: a, slot: serverSlots[0] }, { key: b, slot: serverSlots[1] }]);
    expect((error as Error).message).toContain(`${a} (slot ${String(serverSlots[0])})`);
    expect(() => keys!.variadic!.queue(redis.pipeline(), { first: a, rest: [b] })).toThrow(fixture.CrossSlotError);
  });

  it('runs multi-key calls whose keys share a hash tag, on every master', async () => {
    const { keys, readonly } = fixture.bindScripts(redis);
    await Promise.all(cluster.nodes.map((n) => respCommand(n.host, n.port, ['CONFIG', 'RESETSTAT'])));
    for (const node of [0, 1, 2]) {
      const tag = await keyOnNode(cluster, node, `${prefix}:n${node}:`);
      expect(await keys!.fixed!({ first: `${tag}a`, second: `${tag}b` })).toEqual([`${tag}a`, `${tag}b`]);
      expect(await keys!.variadic!({ first: `${tag}a`, rest: [`${tag}b`, `${tag}c`] })).toHaveLength(3);
      await redis.mset(`${tag}x`, '40', `${tag}y`, '2');
      expect(await readonly!.sum!({ sources: [`${tag}x`, `${tag}y`] })).toBe(42);
    }
    // Read-only scripts went out as EVALSHA_RO (or EVAL_RO on a cache miss), routed to each key's master.
    for (const n of cluster.nodes) {
      const stats = String(await respCommand(n.host, n.port, ['INFO', 'commandstats']));
      expect(stats).toMatch(/cmdstat_eval(sha)?_ro:calls=[1-9]/);
    }
  });

  it('checks slots after the keyPrefix, which applies to script keys', async () => {
    const tagged = combo.cluster(cluster.nodes, { keyPrefix: `{${prefix}}:` });
    try {
      const { keys, readonly } = fixture.bindScripts(tagged);
      expect(await keys!.fixed!({ first: 'a', second: 'b' })).toEqual([`{${prefix}}:a`, `{${prefix}}:b`]);
      expect(await keys!.variadic!({ first: 'a', rest: ['b'] })).toEqual([`{${prefix}}:a`, `{${prefix}}:b`]);
      expect(await readonly!.sum!({ sources: ['x', 'y'] })).toBe(0);
    } finally {
      await tagged.quit();
    }
  });

  it('runs scripts in pipelines and transactions on one slot', async () => {
    const { cache } = fixture.bindScripts(redis);
    const counter = `{${prefix}:batch}c`;
    for (const batch of [redis.pipeline(), redis.multi()]) {
      const queued = [1, 2].map((by) => cache!.incr!.queue(batch, { counter, by }));
      const results = await batch.exec();
      expect(queued.map((q) => q.read(results))).toHaveLength(2);
    }
    expect(await redis.get(counter)).toBe('6');
  });

  it('preload() loads every script on every master', async () => {
    const masters = redis.nodes('master');
    expect(masters.length).toBeGreaterThanOrEqual(3);
    const shas = Object.values(fixture.scripts).map((s) => s.sha1);
    await Promise.all(masters.map((m) => m.script('FLUSH')));
    await fixture.preload(redis);
    for (const master of masters) expect(new Set(await master.call('SCRIPT', 'EXISTS', ...shas) as number[])).toEqual(new Set([1]));
  });

  it('follows a slot that moved (MOVED) and writes to its new owner', async () => {
    const { cache, readonly } = fixture.bindScripts(redis);
    const counter = `{${prefix}:moved}c`;
    expect(await cache!.incr!({ counter, by: 1 })).toBe(1);
    const slot = keySlot(counter);
    const { to } = await otherNode(cluster, slot);
    await migrateSlot(cluster, slot, to);
    expect(await cache!.incr!({ counter, by: 2 })).toBe(3);
    expect(await readonly!.get!({ source: counter })).toBe('3');
    const owner = cluster.nodes[to]!;
    expect(await respCommand(owner.host, owner.port, ['GET', counter])).toBe('3');
  });

  it('follows a slot that is migrating (ASK) and writes to the importing node', async () => {
    const { cache, readonly } = fixture.bindScripts(redis);
    const counter = `{${prefix}:ask}c`;
    expect(await cache!.incr!({ counter, by: 1 })).toBe(1);
    const slot = keySlot(counter);
    const { from, to } = await otherNode(cluster, slot);
    const finish = await halfMigrate(cluster, slot, from, to);
    try {
      // The key now lives only on the importing node: the old owner answers ASK, ioredis follows it.
      expect(await cache!.incr!({ counter, by: 2 })).toBe(3);
      expect(await readonly!.get!({ source: counter })).toBe('3');
    } finally {
      await finish();
    }
    const owner = cluster.nodes[to]!;
    expect(await respCommand(owner.host, owner.port, ['GET', counter])).toBe('3');
  });
});
