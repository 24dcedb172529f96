import * as path from 'node:path';
import type { Cluster, Redis } from 'ioredis';
import type * as Runtime from '../../templates/runtime';
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

let loading: Promise<FixtureClient> | undefined;

/** Generates `test/fixtures/runtime/lua` into `test/.generated/runtime` (once per test file) and loads it. */
export function loadFixtureClient(): Promise<FixtureClient> {
  loading ??= generateFixture('runtime', FIXTURE_SOURCE).then(({ outDir }) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(path.join(outDir, 'index.ts')) as FixtureClient;
  });
  return loading;
}
