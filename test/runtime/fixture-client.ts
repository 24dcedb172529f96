import * as path from 'node:path';
import type { Cluster, Redis } from 'ioredis';
import type * as Runtime from '../../templates/runtime';
import type { LuagenConfig } from '../../generator/config';
import { generateFixture } from '../support/generate-fixture';

/** A bound script, typed loosely: the fixture client is generated at test time, so tests cannot import its types. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type LooseScript = Runtime.ScriptFunction<any, any>;

/** The generated fixture client as the tests use it (its runtime is a copy of templates/runtime). */
export interface FixtureClient {
  bindScripts(redis: Redis | Cluster): Record<string, Record<string, LooseScript>>;
  preload(redis: Redis | Cluster): Promise<void>;
  scripts: Record<string, Runtime.ScriptSpec<unknown, unknown>>;
  ScriptError: typeof Runtime.ScriptError;
  ScriptCodeError: typeof Runtime.ScriptCodeError;
  CrossSlotError: typeof Runtime.CrossSlotError;
  ScriptArgumentError: typeof Runtime.ScriptArgumentError;
  [exported: string]: unknown;
}

export const FIXTURE_SOURCE = 'test/fixtures/runtime/lua';

const loading = new Map<string, Promise<FixtureClient>>();

/** Generates a folder of .lua files into `test/.generated/<name>` (once per test file) and loads the client. */
export function loadGeneratedClient(name: string, source: string, config: Partial<LuagenConfig> = {}): Promise<FixtureClient> {
  let client = loading.get(name);
  if (!client) {
    client = generateFixture(name, source, config).then(({ outDir }) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return require(path.join(outDir, 'index.ts')) as FixtureClient;
    });
    loading.set(name, client);
  }
  return client;
}

/** The client of this area's fixtures, `test/fixtures/runtime/lua`. */
export function loadFixtureClient(): Promise<FixtureClient> {
  return loadGeneratedClient('runtime', FIXTURE_SOURCE);
}
