/**
 * REDIS_CLUSTER_NODES mode of the harness: a cluster given from outside serves the tests it fits, and a test
 * that needs more (replicas) gets a private cluster, with the reason printed, instead of failing.
 */
import { startCluster, type ClusterHandle } from './redis-cluster';
import { respCommand } from './resp-client';

describe('REDIS_CLUSTER_NODES naming a 3-master cluster without replicas', () => {
  let external: ClusterHandle;
  const saved = process.env.REDIS_CLUSTER_NODES;
  const started: ClusterHandle[] = [];
  let printed = '';
  const write = process.stderr.write.bind(process.stderr);

  beforeAll(async () => {
    delete process.env.REDIS_CLUSTER_NODES;
    external = await startCluster();
    // Only one node is named: the harness finds the other masters itself.
    process.env.REDIS_CLUSTER_NODES = `${external.nodes[1]!.host}:${external.nodes[1]!.port}`;
  }, 60_000);

  afterAll(async () => {
    if (saved === undefined) delete process.env.REDIS_CLUSTER_NODES;
    else process.env.REDIS_CLUSTER_NODES = saved;
    await Promise.all(started.map((handle) => handle.stop()));
    await external?.stop();
  });

  it('serves a test that needs only masters, with every master found', async () => {
    const handle = await startCluster();
    started.push(handle);
    expect(handle.source).toBe('env');
    expect(handle.replicas).toEqual([]);
    expect(new Set(handle.nodes.map((n) => n.port))).toEqual(new Set(external.nodes.map((n) => n.port)));
  });

  /** startCluster(options), with what it printed to stderr (still shown). */
  async function startWatchingStderr(options: Parameters<typeof startCluster>[0]): Promise<ClusterHandle> {
    printed = '';
    process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
      printed += String(chunk);
      return write(chunk, ...rest);
    }) as typeof process.stderr.write;
    try {
      const handle = await startCluster(options);
      started.push(handle);
      return handle;
    } finally {
      process.stderr.write = write;
    }
  }

  it('gives a test that needs replicas a private cluster that has them, and says why', async () => {
    const handle = await startWatchingStderr({ replicas: 1 });
    expect(handle.source).toBe('spawned');
    expect(printed).toMatch(/^startCluster: REDIS_CLUSTER_NODES: master 127\.0\.0\.1:\d+ has 0 replica\(s\)(, master [^,]+ has 0 replica\(s\)){2}; this test needs exactly 1 per master: starting a private cluster for this test file$/m);
    expect(handle.nodes).toHaveLength(3);
    expect(handle.replicas).toHaveLength(3);
    for (const replica of handle.replicas) {
      const role = (await respCommand(replica.host, replica.port, ['ROLE'])) as unknown[];
      expect(role.slice(0, 3)).toEqual(['slave', replica.master.host, replica.master.port]);
    }
    expect(external.nodes.map((n) => n.port)).not.toContain(handle.nodes[0]!.port);
  }, 60_000);

  it('gives a test that flushes or reads stats (dedicated) a cluster of its own, and says why', async () => {
    const handle = await startWatchingStderr({ dedicated: true });
    expect(handle.source).toBe('spawned');
    expect(printed).toContain('startCluster: REDIS_CLUSTER_NODES is shared by the test files running in parallel');
    expect(handle.nodes.map((n) => n.port)).not.toContain(external.nodes[0]!.port);
  }, 60_000);
});
