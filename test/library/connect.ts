import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { ScriptCodeError, type Scripts } from '../../generated';
import { connectScripts, type LibraryBatch } from './library-client';

/**
 * The harness's Redis for one test file: an ioredis connection for direct commands, the library bound to the
 * client under test (library-client.ts: ioredis, or node-redis in that jest project), and a private key namespace.
 */
export interface LibraryClient {
  readonly redis: Redis;
  readonly scripts: Scripts;
  /** A pipeline of the client the scripts are bound to. */
  batch(): LibraryBatch;
  /** A key under this file's random prefix; `{tag}` hash tags may be part of `name`. */
  key(name: string): string;
  /** A random string, for unique names inside one file. */
  unique(): string;
  close(): Promise<void>;
}

export function redisUrl(): string {
  const url = process.env.REDIS_URL;
  if (!url) throw new Error('REDIS_URL is not set: run the tests through jest (test/support/global-setup.ts starts Redis)');
  return url;
}

export function connectLibrary(area: string): LibraryClient {
  const redis = new Redis(redisUrl(), { lazyConnect: false, maxRetriesPerRequest: 1 });
  const bound = connectScripts(redisUrl());
  const prefix = `luagen-test:${area}:${randomBytes(4).toString('hex')}:`;
  return {
    redis,
    scripts: bound.scripts,
    batch: () => bound.batch(),
    key: (name) => prefix + name,
    unique: () => randomBytes(6).toString('hex'),
    close: async () => {
      await Promise.all([redis.quit(), bound.close()]);
    },
  };
}

/** Awaits a call that must fail with a declared error code; returns the error for further checks. */
export async function expectCode(call: Promise<unknown>, code: string): Promise<ScriptCodeError> {
  const error = await call.then(
    (value) => new Error(`expected the error ${code}, got the reply ${JSON.stringify(value)}`),
    (reason: unknown) => reason,
  );
  if (!(error instanceof ScriptCodeError)) throw error;
  expect(error.code).toBe(code);
  return error;
}

/** Every key under a pattern, with its type and value, to compare a state before and after a refused call. */
export async function snapshot(redis: Redis, pattern: string): Promise<Record<string, unknown>> {
  const keys = (await redis.keys(pattern)).sort();
  const state: Record<string, unknown> = {};
  for (const key of keys) {
    const type = await redis.type(key);
    state[key] = { type, value: await dump(redis, key, type) };
  }
  return state;
}

async function dump(redis: Redis, key: string, type: string): Promise<unknown> {
  switch (type) {
    case 'string':
      return redis.get(key);
    case 'list':
      return redis.lrange(key, 0, -1);
    case 'hash':
      return redis.hgetall(key);
    case 'zset':
      return redis.zrange(key, 0, '-1', 'WITHSCORES');
    case 'set':
      return (await redis.smembers(key)).sort();
    default:
      return type;
  }
}

/** Runs a script's Lua directly (EVAL), bypassing the client's validation, as a raw caller would. */
export function evalRaw(redis: Redis, spec: { readonly lua: string }, keys: readonly string[], args: readonly string[]): Promise<unknown> {
  return redis.eval(spec.lua, keys.length, ...keys, ...args);
}

/** Awaits a raw call that the script itself must refuse with `code`. */
export async function expectRawCode(call: Promise<unknown>, code: string): Promise<void> {
  const outcome = await call.then(
    (value) => ({ value }),
    (reason: unknown) => ({ reason }),
  );
  if (!('reason' in outcome)) throw new Error(`expected the error ${code}, got the reply ${JSON.stringify(outcome.value)}`);
  expect(String((outcome.reason as Error).message)).toMatch(new RegExp(`^${code} `));
}
