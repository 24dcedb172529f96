/**
 * The node-redis client on a real 3-master Redis Cluster (`createCluster`): decoding, the same-slot pre-check
 * (nothing sent), multi-key calls on every master, read-only scripts, NOSCRIPT, batches and preload on every node.
 */
import { startCluster, type ClusterHandle } from '../support/redis-cluster';
import { respCommand } from '../support/resp-client';
import { keySlot } from '../../templates/runtime/slots';
import { uniquePrefix } from './clients';
import { keyOnNode } from './cluster-slots';
import { DECODE_CASES, runDecodeCases } from './decode-cases';
import { loadNodeRedisFixture, NODE_REDIS_MATRIX, type NodeRedisFixture } from './node-redis-fixture';

let fixture: NodeRedisFixture;
let cluster: ClusterHandle;
beforeAll(async () => {
  // Dedicated: the tests below flush the script cache and reset the stats of every master.
  [fixture, cluster] = await Promise.all([loadNodeRedisFixture(), startCluster({ dedicated: true })]);
}, 120_000);
afterAll(() => cluster?.stop());

/** Calls of script commands on every node since the last reset, summed. */
async function scriptCalls(): Promise<Record<string, number>> {
  const calls: Record<string, number> = {};
  for (const node of cluster.nodes) {
    const info = String(await respCommand(node.host, node.port, ['INFO', 'commandstats']));
    for (const match of info.matchAll(/^cmdstat_(eval[^:]*):calls=(\d+)/gm)) calls[match[1]!] = (calls[match[1]!] ?? 0) + Number(match[2]);
  }
  return calls;
}

const resetStats = () => Promise.all(cluster.nodes.map((n) => respCommand(n.host, n.port, ['CONFIG', 'RESETSTAT'])));

describe.each(NODE_REDIS_MATRIX.slice(0, 2).map((combo) => [combo.name, combo] as const))('a Redis Cluster with %s', (_name, combo) => {
  const prefix = uniquePrefix('nr-cluster').replace(/:$/, '');
  let redis: ReturnType<typeof combo.cluster>;
  beforeAll(async () => {
    redis = combo.cluster(cluster.nodes);
    await redis.connect();
  });
  afterAll(() => redis?.close());

  it('decodes every reply type as on a single server', async () => {
    const decoded = await runDecodeCases(fixture.bindScripts(redis).decode!, `${prefix}:decode:`);
    for (const c of DECODE_CASES) expect([c.name, decoded.get(c.name)]).toEqual([c.name, c.expected]);
  });

  it('throws CrossSlotError naming the keys and their slots before sending anything', async () => {
    const { keys } = fixture.bindScripts(redis);
    const [a, b] = [`${prefix}:a`, `${prefix}:b`];
    expect(keySlot(a)).not.toBe(keySlot(b));
    await resetStats();
    const error = await keys!.fixed!({ first: a, second: b }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(fixture.CrossSlotError);
    const serverSlots = await Promise.all([a, b].map((k) => respCommand(cluster.nodes[0]!.host, cluster.nodes[0]!.port, ['CLUSTER', 'KEYSLOT', k])));
    expect(error).toMatchObject({ keys: [{ key: a, slot: serverSlots[0] }, { key: b, slot: serverSlots[1] }] });
    await expect(keys!.variadic!({ first: a, rest: [`{${prefix}}x`] })).rejects.toThrow(fixture.CrossSlotError);
    expect(() => keys!.variadic!.queue(redis.multi(), { first: a, rest: [b] })).toThrow(fixture.CrossSlotError);
    expect(await scriptCalls()).toEqual({});
  });

  it('runs multi-key calls whose keys share a hash tag on every master, read-only ones with EVALSHA_RO', async () => {
    const { keys, readonly } = fixture.bindScripts(redis);
    for (const node of [0, 1, 2]) {
      const tag = await keyOnNode(cluster, node, `${prefix}:n${node}:`);
      expect(await keys!.fixed!({ first: `${tag}a`, second: `${tag}b` })).toEqual([`${tag}a`, `${tag}b`]);
      expect(await keys!.variadic!({ first: `${tag}a`, rest: [`${tag}b`, `${tag}c`] })).toHaveLength(3);
      await redis.mSet([`${tag}x`, '40', `${tag}y`, '2']);
      await readonly!.sum!({ sources: [`${tag}x`, `${tag}y`] });
      await resetStats();
      expect(await readonly!.sum!({ sources: [`${tag}x`, `${tag}y`] })).toBe(42);
      expect(await scriptCalls()).toEqual({ evalsha_ro: 1 });
    }
  });

  it('recovers from NOSCRIPT after SCRIPT FLUSH on every node, in calls and in a batch', async () => {
    const { cache } = fixture.bindScripts(redis);
    const counter = `{${prefix}}:flushed`;
    await Promise.all(cluster.nodes.map((n) => respCommand(n.host, n.port, ['SCRIPT', 'FLUSH'])));
    expect(await cache!.incr!({ counter, by: 2 })).toBe(2);
    await Promise.all(cluster.nodes.map((n) => respCommand(n.host, n.port, ['SCRIPT', 'FLUSH'])));
    for (const exec of ['exec', 'execAsPipeline'] as const) {
      const batch = redis.multi();
      const first = cache!.incr!.queue(batch, { counter, by: 1 });
      const second = cache!.incr!.queue(batch, { counter, by: 1 });
      const results = await batch[exec]();
      expect([first.read(results), second.read(results)]).toEqual(exec === 'exec' ? [3, 4] : [5, 6]);
    }
  });

  it('preload loads every script on every node of the cluster', async () => {
    await Promise.all(cluster.nodes.map((n) => respCommand(n.host, n.port, ['SCRIPT', 'FLUSH'])));
    await fixture.preload(redis);
    const shas = Object.values(fixture.scripts).map((spec) => spec.sha1);
    for (const node of cluster.nodes) expect(await respCommand(node.host, node.port, ['SCRIPT', 'EXISTS', ...shas])).toEqual(shas.map(() => 1));
  });
});
