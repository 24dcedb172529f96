import { createClient, createCluster, RESP_TYPES } from '@redis/client';
import Redis from 'ioredis';
import { startRedis, type RedisHandle } from '../support/redis-server';
import type * as Runtime from '../../templates/runtime-node-redis';
import type { ClusterNode } from '../support/redis-cluster';
import { FIXTURE_SOURCE, loadGeneratedClient } from './fixture-client';

/** A bound script of a node-redis client, typed loosely (the client is generated at test time). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type LooseNodeRedisScript = Runtime.ScriptFunction<any, any>;

/** The fixture client generated with `--client node-redis` (its runtime: templates/runtime-node-redis + shared). */
export interface NodeRedisFixture {
  bindScripts(redis: Runtime.RedisClient): Record<string, Record<string, LooseNodeRedisScript>>;
  preload(redis: Runtime.RedisClient): Promise<void>;
  scripts: Record<string, Runtime.ScriptSpec<unknown, unknown>>;
  ScriptError: typeof Runtime.ScriptError;
  ScriptCodeError: typeof Runtime.ScriptCodeError;
  CrossSlotError: typeof Runtime.CrossSlotError;
  ScriptArgumentError: typeof Runtime.ScriptArgumentError;
  ScriptNotSentError: typeof Runtime.ScriptNotSentError;
  ScriptOutcomeUnknownError: typeof Runtime.ScriptOutcomeUnknownError;
  LuagenError: typeof Runtime.LuagenError;
  [exported: string]: unknown;
}

/**
 * The major version of the node-redis these tests run on: 6 (the devDependency), or 5 in the jest project that
 * maps `@redis/client` to its 5.x alias (it sets the global `NODE_REDIS_MAJOR`).
 */
export const EXPECTED_NODE_REDIS_MAJOR: number = (globalThis as { NODE_REDIS_MAJOR?: number }).NODE_REDIS_MAJOR ?? 6;

/** The major version of the `@redis/client` that `import ... from '@redis/client'` loaded here. */
export function loadedNodeRedisMajor(): number {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return Number((require('@redis/client/package.json') as { version: string }).version.split('.')[0]);
}

/** `test/fixtures/runtime/lua` built for node-redis. */
export function loadNodeRedisFixture(target: 'eval' | 'functions' = 'eval'): Promise<NodeRedisFixture> {
  const name = target === 'eval' ? 'runtime-node-redis' : 'runtime-node-redis-functions';
  return loadGeneratedClient(name, FIXTURE_SOURCE, { client: 'node-redis', target }) as unknown as Promise<NodeRedisFixture>;
}

export type NodeRedisStandalone = ReturnType<typeof createClient>;

/** One way of creating a node-redis client; the generated client must decode the same under each. */
export interface NodeRedisCombo {
  readonly name: string;
  standalone(url: string): NodeRedisStandalone;
  cluster(nodes: readonly ClusterNode[]): ReturnType<typeof createCluster>;
}

/** A type mapping an application may set on its client: luagen's calls must decode the same regardless. */
const APPLICATION_MAPPING = { [RESP_TYPES.MAP]: Map, [RESP_TYPES.DOUBLE]: String, [RESP_TYPES.BLOB_STRING]: Buffer } as const;

function combo(name: string, RESP: 2 | 3, mapped = false): NodeRedisCombo {
  return {
    name,
    standalone: (url) => {
      const client = createClient({ url, RESP, ...(mapped ? { commandOptions: { typeMapping: APPLICATION_MAPPING } } : {}) });
      return client as unknown as NodeRedisStandalone;
    },
    cluster: (nodes) =>
      createCluster({ rootNodes: nodes.map((n) => ({ url: `redis://${n.host}:${n.port}` })), RESP }) as unknown as ReturnType<typeof createCluster>,
  };
}

/** node-redis: RESP2 (5's default), RESP3 (6's default), and RESP3 with an application's type mapping on the client. */
export const NODE_REDIS_MATRIX: readonly NodeRedisCombo[] = [
  combo('node-redis RESP2', 2),
  combo('node-redis RESP3', 3),
  combo('node-redis RESP3 with maps as Map, doubles as strings, bulk strings as Buffers', 3, true),
];

/** What the standalone node-redis test files share: the fixture client, a dedicated server and an ioredis admin connection. */
export interface NodeRedisServerSetup {
  readonly fixture: NodeRedisFixture;
  readonly server: RedisHandle;
  readonly admin: Redis;
}

/** Loads the fixture client and starts a dedicated server (in parallel); for a `beforeAll`. */
export async function startNodeRedisSetup(): Promise<NodeRedisServerSetup> {
  const [fixture, server] = await Promise.all([loadNodeRedisFixture(), startRedis({ dedicated: true })]);
  return { fixture, server, admin: new Redis(server.url) };
}

/** Undoes startNodeRedisSetup; for an `afterAll` (parts may be missing when the start failed). */
export async function stopNodeRedisSetup(setup: Partial<NodeRedisServerSetup>): Promise<void> {
  await setup.admin?.quit();
  await setup.server?.stop();
}
