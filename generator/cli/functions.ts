import type { Cluster, Redis } from 'ioredis';
import { EXIT, type CliIO } from './io';
import type { CommonOptions } from './options';
import { runGenerate } from './run-generate';

/**
 * `luagen functions list|prune --url redis://...`: the Functions libraries this project has loaded on a server
 * (or on every master of a cluster). Each build's library is `<library>_<hash>`; a rolling deploy leaves the
 * previous one loaded until `prune` deletes every version but the current build's (and any `--keep`).
 * Deleting a library an old instance still calls does no harm: that instance loads its own again.
 */
export interface FunctionsOptions extends CommonOptions {
  readonly url: string;
  readonly keep?: readonly string[];
  readonly dryRun?: boolean;
}

interface LoadedLibrary {
  /** `host:port` of the node. */
  readonly node: string;
  readonly name: string;
  readonly functions: number;
}

/** A RESP2 flat field/value array, or a RESP3 map (Map or object), as a record. */
function fieldsOf(raw: unknown): Record<string, unknown> {
  if (Array.isArray(raw)) return Object.fromEntries(Array.from({ length: raw.length / 2 }, (_, i) => [String(raw[2 * i]), raw[2 * i + 1]]));
  if (raw instanceof Map) return Object.fromEntries(raw);
  return (raw ?? {}) as Record<string, unknown>;
}

async function librariesOn(node: Redis, base: string): Promise<LoadedLibrary[]> {
  const raw = (await node.call('FUNCTION', 'LIST', 'LIBRARYNAME', `${base}_*`)) as unknown[];
  const ours = new RegExp(`^${base}_[0-9a-f]{12}$`);
  const label = `${node.options.host ?? 'localhost'}:${node.options.port ?? 6379}`;
  return raw
    .map(fieldsOf)
    .map((lib) => ({ node: label, name: String(lib.library_name), functions: (lib.functions as unknown[] | undefined)?.length ?? 0 }))
    .filter((lib) => ours.test(lib.name))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** The server's masters: itself, or every master of the cluster it belongs to. */
async function connect(url: string): Promise<{ nodes: Redis[]; close: () => Promise<void> }> {
  // Loaded on demand: only this command talks to Redis.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ioredis = require('ioredis') as typeof import('ioredis');
  const redis = new ioredis.Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  await redis.connect();
  const info = await redis.info('cluster');
  if (!/^cluster_enabled:1/m.test(info)) return { nodes: [redis], close: async () => void (await redis.quit()) };
  const cluster: Cluster = new ioredis.Cluster([{ host: redis.options.host ?? '127.0.0.1', port: redis.options.port ?? 6379 }], {
    redisOptions: { password: redis.options.password, username: redis.options.username },
  });
  await redis.quit();
  await cluster.ping();
  return { nodes: cluster.nodes('master'), close: async () => void (await cluster.quit()) };
}

export async function functionsCommand(action: 'list' | 'prune', options: FunctionsOptions, io: CliIO): Promise<number> {
  // Only the library's name is wanted: nothing is written, and the cached result may answer.
  const run = await runGenerate({ ...options, target: 'functions' }, io, { client: false, useCache: true });
  const current = run.result.library;
  if (current === undefined) {
    io.err(`luagen functions: the scripts have errors; fix them first`);
    return EXIT.scriptErrors;
  }
  const base = options.library ?? 'luagen';
  let server: Awaited<ReturnType<typeof connect>>;
  try {
    server = await connect(options.url);
  } catch (error) {
    io.err(`luagen functions: cannot reach ${options.url}: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.usage;
  }
  try {
    const loaded = (await Promise.all(server.nodes.map((node) => librariesOn(node, base)))).flat();
    if (action === 'list') return list(loaded, current, io);
    return await prune(loaded, current, server.nodes, options, io);
  } finally {
    await server.close();
  }
}

function list(loaded: readonly LoadedLibrary[], current: string, io: CliIO): number {
  for (const lib of loaded) io.out(`${lib.node}  ${lib.name}  ${lib.functions} functions${lib.name === current ? '  (this build)' : ''}`);
  const others = loaded.filter((lib) => lib.name !== current).length;
  io.out(`luagen functions: ${loaded.length} librar${loaded.length === 1 ? 'y' : 'ies'} loaded, ${others} of other builds; this build is ${current}`);
  return EXIT.ok;
}

async function prune(loaded: readonly LoadedLibrary[], current: string, nodes: readonly Redis[], options: FunctionsOptions, io: CliIO): Promise<number> {
  const keep = new Set([current, ...(options.keep ?? [])]);
  const old = loaded.filter((lib) => !keep.has(lib.name));
  for (const lib of old) {
    const node = nodes.find((n) => `${n.options.host ?? 'localhost'}:${n.options.port ?? 6379}` === lib.node);
    if (!options.dryRun) await node?.call('FUNCTION', 'DELETE', lib.name);
    io.out(`${options.dryRun ? 'would delete' : 'deleted'}  ${lib.node}  ${lib.name}`);
  }
  const kept = loaded.length - old.length;
  io.out(`luagen functions: ${options.dryRun ? 'would delete' : 'deleted'} ${old.length}, kept ${kept} (this build is ${current})`);
  return EXIT.ok;
}
