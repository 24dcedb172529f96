import { promises as fs } from 'node:fs';
import Redis, { Cluster } from 'ioredis';
import { startCluster, startRedis, type ClusterHandle, type RedisHandle } from '../support/redis-server';
import { COUNTER_SCRIPT, READ_SCRIPT, runCli, tempProject } from './cli-harness';

/** A library of another build of the same project, and one of another project sharing the server. */
const OLD = '#!lua name=luagen_0123456789ab\nredis.register_function("old_0123456789ab", function() return 1 end)\n';
const OTHER = '#!lua name=billing_0123456789ab\nredis.register_function("billing_0123456789ab", function() return 1 end)\n';

async function libraryNames(redis: Redis): Promise<string[]> {
  const raw = (await redis.call('FUNCTION', 'LIST')) as unknown[][];
  return raw.map((lib) => String(lib[lib.indexOf('library_name') + 1])).sort();
}

describe('luagen functions list|prune', () => {
  let server: RedisHandle;
  let redis: Redis;
  let project: string;

  beforeAll(async () => {
    server = await startRedis({ dedicated: true });
    redis = new Redis(server.url);
    project = await tempProject({ 'lua/app/counter.lua': COUNTER_SCRIPT, 'lua/app/read_value.lua': READ_SCRIPT, 'luagen.config.json': '{ "target": "functions" }' });
    expect((await runCli(project, 'build')).code).toBe(0);
  }, 60_000);

  afterAll(async () => {
    await redis?.quit();
    await server?.stop();
    await fs.rm(project, { recursive: true, force: true });
  });

  /** The name the build wrote into generated/library.ts. */
  async function currentLibrary(): Promise<string> {
    const text = await fs.readFile(`${project}/generated/library.ts`, 'utf8');
    return /name: '(luagen_[0-9a-f]{12})'/.exec(text)?.[1] ?? 'not found';
  }

  async function loadAll(): Promise<void> {
    await redis.call('FUNCTION', 'FLUSH');
    const generated = await fs.readFile(`${project}/generated/library.ts`, 'utf8');
    const code = /code: `([\s\S]*)`,\n/.exec(generated)?.[1] ?? '';
    for (const library of [OLD, OTHER, code]) await redis.call('FUNCTION', 'LOAD', library);
  }

  it('list shows this project\'s libraries and marks this build', async () => {
    await loadAll();
    const current = await currentLibrary();
    const listed = await runCli(project, 'functions', 'list', '--url', server.url);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(`${current}  2 functions  (this build)`);
    expect(listed.stdout).toContain('luagen_0123456789ab  1 functions');
    expect(listed.stdout).not.toContain('billing');
    expect(listed.stdout).toContain('2 libraries loaded, 1 of other builds');
  });

  it('prune --dry-run deletes nothing; prune deletes the other builds only', async () => {
    await loadAll();
    const current = await currentLibrary();
    const dry = await runCli(project, 'functions', 'prune', '--url', server.url, '--dry-run');
    expect(dry.stdout).toContain('would delete');
    expect(await libraryNames(redis)).toEqual(['billing_0123456789ab', current, 'luagen_0123456789ab'].sort());
    const pruned = await runCli(project, 'functions', 'prune', '--url', server.url);
    expect(pruned.code).toBe(0);
    expect(pruned.stdout).toContain('deleted 1, kept 1');
    expect(await libraryNames(redis)).toEqual(['billing_0123456789ab', current].sort());
  });

  it('prune --keep keeps a named build too', async () => {
    await loadAll();
    const pruned = await runCli(project, 'functions', 'prune', '--url', server.url, '--keep', 'luagen_0123456789ab');
    expect(pruned.stdout).toContain('deleted 0, kept 2');
    expect(await libraryNames(redis)).toEqual(['billing_0123456789ab', await currentLibrary(), 'luagen_0123456789ab'].sort());
  });

  it('an unreachable server is exit code 3 with the reason', async () => {
    const result = await runCli(project, 'functions', 'list', '--url', 'redis://127.0.0.1:1');
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('cannot reach redis://127.0.0.1:1');
  });
});

describe('luagen functions on a cluster', () => {
  let cluster: ClusterHandle;
  let project: string;
  beforeAll(async () => {
    cluster = await startCluster();
    project = await tempProject({ 'lua/app/counter.lua': COUNTER_SCRIPT, 'luagen.config.json': '{ "target": "functions" }' });
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
    await fs.rm(project, { recursive: true, force: true });
  });

  it('lists and prunes on every master', async () => {
    const client = new Cluster(cluster.nodes.map((n) => ({ host: n.host, port: n.port })));
    try {
      await client.ping();
      await Promise.all(client.nodes('master').map((node) => node.call('FUNCTION', 'LOAD', OLD)));
      const [first] = cluster.nodes;
      const url = `redis://${first!.host}:${first!.port}`;
      const listed = await runCli(project, 'functions', 'list', '--url', url);
      expect(listed.stdout).toContain('3 libraries loaded, 3 of other builds');
      const pruned = await runCli(project, 'functions', 'prune', '--url', url);
      expect(pruned.stdout).toContain('deleted 3, kept 0');
      for (const node of client.nodes('master')) expect(await libraryNames(node)).toEqual([]);
    } finally {
      await client.quit();
    }
  });
});
