/**
 * Tests of the real-Redis harness itself (standalone, restart, cluster,
 * slot migration). Uses unique key names: the standalone server is shared.
 */
import Redis, { Cluster } from 'ioredis';
import { startRedis, startCluster, migrateSlot, type ClusterHandle, type RedisHandle } from './redis-server';
import { keySlot, slotOwnerIndex } from './redis-cluster';
import { respCommand, respString } from './resp-client';

const uniq = (name: string): string => `harness:${name}:${process.pid}:${Date.now()}:${Math.random().toString(36).slice(2)}`;

describe('standalone (shared server)', () => {
  let handle: RedisHandle;
  let client: Redis;
  beforeAll(async () => {
    handle = await startRedis();
    client = new Redis(handle.url);
  });
  afterAll(async () => {
    await client.quit();
    await handle.stop();
  });

  it('is the server published by globalSetup (or REDIS_URL)', () => {
    expect(process.env.REDIS_URL).toBe(handle.url);
    expect(handle.source).toBe('env');
  });

  it('answers PING, SET and GET', async () => {
    const key = uniq('k');
    expect(await client.ping()).toBe('PONG');
    expect(await client.set(key, 'v1', 'EX', 60)).toBe('OK');
    expect(await client.get(key)).toBe('v1');
  });
});

describe('dedicated spawned server', () => {
  let handle: RedisHandle;
  beforeAll(async () => {
    handle = await startRedis({ dedicated: true });
  });
  afterAll(async () => {
    await handle.stop();
  });

  it('restart() keeps the port and loses the script cache', async () => {
    if (handle.source !== 'spawned') return; // restart is only supported for spawned servers
    const sha = await respString(handle.host, handle.port, ['SCRIPT', 'LOAD', 'return 42']);
    expect(await respCommand(handle.host, handle.port, ['SCRIPT', 'EXISTS', sha])).toEqual([1]);
    const port = handle.port;
    await handle.restart();
    expect(handle.port).toBe(port);
    const client = new Redis(handle.url);
    try {
      expect(await client.script('EXISTS', sha)).toEqual([0]);
      expect(await client.evalsha(sha, 0).catch((e: Error) => e.message)).toMatch(/^NOSCRIPT/);
    } finally {
      await client.quit();
    }
  });

  it('stop() really stops the process (connection refused afterwards)', async () => {
    const extra = await startRedis({ dedicated: true });
    await extra.stop();
    await extra.stop(); // idempotent
    if (extra.source === 'spawned') {
      await expect(respCommand(extra.host, extra.port, ['PING'], 1000)).rejects.toThrow(/ECONNREFUSED/);
    }
  });
});

describe('cluster', () => {
  let cluster: ClusterHandle;
  let client: Cluster;
  beforeAll(async () => {
    cluster = await startCluster();
    client = new Cluster(cluster.nodes.map((n) => ({ host: n.host, port: n.port })));
  });
  afterAll(async () => {
    await client?.quit();
    await cluster?.stop();
  });

  it('has 3 masters covering all 16384 slots', async () => {
    expect(cluster.nodes).toHaveLength(3);
    for (const n of cluster.nodes) {
      const info = await respString(n.host, n.port, ['CLUSTER', 'INFO']);
      expect(info).toMatch(/cluster_state:ok/);
      expect(info).toMatch(/cluster_slots_assigned:16384/);
      expect(info).toMatch(/cluster_size:3/);
      // A REDIS_CLUSTER_NODES cluster may have replicas besides its 3 masters; a spawned one has none.
      if (cluster.source === 'spawned') expect(info).toMatch(/cluster_known_nodes:3/);
    }
  });

  it('an ioredis Cluster client reads back what it wrote', async () => {
    const key = uniq('ck');
    expect(await client.set(key, 'cv')).toBe('OK');
    expect(await client.get(key)).toBe('cv');
  });

  it('migrateSlot moves keys and makes the old owner answer MOVED', async () => {
    const key = `{${uniq('mig')}}:a`;
    await client.set(key, 'moved-value');
    const slot = await keySlot(cluster.nodes[0]!, key);
    const before = await slotOwnerIndex(cluster, slot);
    const to = (before + 1) % 3;
    const { fromIndex } = await migrateSlot(cluster, slot, to);
    expect(fromIndex).toBe(before);
    expect(await slotOwnerIndex(cluster, slot)).toBe(to);

    const oldOwner = cluster.nodes[before]!;
    const newOwner = cluster.nodes[to]!;
    await expect(respCommand(oldOwner.host, oldOwner.port, ['GET', key]))
      .rejects.toThrow(new RegExp(`^MOVED ${slot} [^ ]+:${newOwner.port}$`));
    expect(await respCommand(newOwner.host, newOwner.port, ['GET', key])).toBe('moved-value');
    // ioredis follows the MOVED redirection transparently.
    expect(await client.get(key)).toBe('moved-value');
  });
});
