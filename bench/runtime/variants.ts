import * as path from 'node:path';
import Redis from 'ioredis';
import { createClient, defineScript } from 'redis';
import type { ScriptFunction } from '../../templates/runtime/bind';
import type { ScriptFunction as NodeRedisScriptFunction, RedisClient as NodeRedisClient } from '../../templates/runtime-node-redis';

/** What every variant sends: the same script, key and arguments. */
export const LIMIT = 100;
export const WINDOW_MS = 1000;

/** `bench:rl:000000000042`: the key shape redis-benchmark's `-r` produces for `bench:rl:__rand_int__`. */
export function benchKeys(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `bench:rl:${String(i).padStart(12, '0')}`);
}

/** One way of calling the rate limiter. `call(i)` and `pipeline(i, n)` use keys i, i+1, ... (mod the key count). */
export interface Variant {
  readonly name: string;
  /** The generated spec (generated variants only): its Lua text and SHA1 for the raw variants. */
  readonly spec?: BenchScript;
  call(index: number): Promise<unknown>;
  pipeline(start: number, size: number): Promise<unknown[]>;
  close(): Promise<void>;
}

interface FixedWindowInput {
  readonly counter: string;
  readonly limit: number;
  readonly windowMs: number;
}
interface FixedWindowReply {
  readonly allowed: boolean;
  readonly count: number;
  readonly remaining: number;
  readonly resetMs: number;
}
interface GeneratedClient {
  bindScripts(redis: Redis): { bench: { fixedWindow: ScriptFunction<FixedWindowInput, FixedWindowReply> } };
}

/** The Lua text and SHA1 of the generated spec: every variant runs exactly this text. */
export interface BenchScript {
  readonly lua: string;
  readonly sha1: string;
}

/** The same script's client built with `--client node-redis`. */
export interface GeneratedNodeRedisClient {
  bindScripts(redis: NodeRedisClient): { bench: { fixedWindow: NodeRedisScriptFunction<FixedWindowInput, FixedWindowReply> } };
}

export function loadGeneratedClient<Client = GeneratedClient>(clientDir: string): Client {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(clientDir, 'index.js')) as Client;
}

function ioredisClient(port: number): Redis {
  return new Redis({ host: '127.0.0.1', port, lazyConnect: false, maxRetriesPerRequest: 1 });
}

/**
 * The generated typed function: validates the input, EVALSHA through defineCommand (or FCALL, for the client
 * built with --target functions), decodes the tuple.
 */
export function generatedVariant(port: number, client: GeneratedClient, keys: readonly string[], name = 'generated typed function'): Variant {
  const redis = ioredisClient(port);
  const fixedWindow = client.bindScripts(redis).bench.fixedWindow;
  const input = (i: number): FixedWindowInput => ({ counter: keys[i % keys.length]!, limit: LIMIT, windowMs: WINDOW_MS });
  return {
    name,
    spec: fixedWindow.spec,
    call: (i) => fixedWindow(input(i)),
    async pipeline(start, size) {
      const pipeline = redis.pipeline();
      const queued = [];
      for (let i = start; i < start + size; i++) queued.push(fixedWindow.queue(pipeline, input(i)));
      const results = await pipeline.exec();
      return queued.map((q) => q.read(results));
    },
    close: async () => void redis.disconnect(),
  };
}

/**
 * The options of both node-redis clients of the bench: node-redis 6's defaults (RESP3) but no command timeout,
 * whose AbortSignal per command costs about 15 µs of client CPU at 50 callers and makes the per-round ratios
 * swing by a third (docs/clients.md, "node-redis 6 and its default command timeout").
 */
export const NODE_REDIS_OPTIONS = { commandOptions: { timeout: 0 } } as const;

/** The generated typed function of the `--client node-redis` build, on a node-redis client (NODE_REDIS_OPTIONS). */
export async function generatedNodeRedisVariant(port: number, generated: GeneratedNodeRedisClient, keys: readonly string[]): Promise<Variant> {
  const client = createClient({ socket: { host: '127.0.0.1', port }, ...NODE_REDIS_OPTIONS });
  await client.connect();
  const fixedWindow = generated.bindScripts(client).bench.fixedWindow;
  const input = (i: number): FixedWindowInput => ({ counter: keys[i % keys.length]!, limit: LIMIT, windowMs: WINDOW_MS });
  return {
    name: 'generated typed function, node-redis',
    spec: fixedWindow.spec,
    call: (i) => fixedWindow(input(i)),
    async pipeline(start, size) {
      const multi = client.multi();
      const queued = [];
      for (let i = start; i < start + size; i++) queued.push(fixedWindow.queue(multi, input(i)));
      const results = await multi.execAsPipeline();
      return queued.map((q) => q.read(results));
    },
    close: async () => void (await client.quit()),
  };
}

type RawCommand = (key: string, limit: number, windowMs: number) => Promise<unknown>;

/** ioredis `defineCommand` by hand: positional arguments, raw reply. */
export function defineCommandVariant(port: number, script: BenchScript, keys: readonly string[]): Variant {
  const redis = ioredisClient(port);
  redis.defineCommand('rawFixedWindow', { lua: script.lua, numberOfKeys: 1 });
  const command = (target: object) => (target as { rawFixedWindow: RawCommand }).rawFixedWindow.bind(target);
  const direct = command(redis);
  return {
    name: 'ioredis defineCommand',
    call: (i) => direct(keys[i % keys.length]!, LIMIT, WINDOW_MS),
    async pipeline(start, size) {
      const pipeline = redis.pipeline();
      const queue = command(pipeline);
      for (let i = start; i < start + size; i++) void queue(keys[i % keys.length]!, LIMIT, WINDOW_MS);
      return (await pipeline.exec()) ?? [];
    },
    close: async () => void redis.disconnect(),
  };
}

/** ioredis `evalsha` with the SHA1 of the loaded script. */
export function evalshaVariant(port: number, script: BenchScript, keys: readonly string[]): Variant {
  const redis = ioredisClient(port);
  return {
    name: 'ioredis evalsha',
    call: (i) => redis.evalsha(script.sha1, 1, keys[i % keys.length]!, LIMIT, WINDOW_MS),
    async pipeline(start, size) {
      const pipeline = redis.pipeline();
      for (let i = start; i < start + size; i++) pipeline.evalsha(script.sha1, 1, keys[i % keys.length]!, LIMIT, WINDOW_MS);
      return (await pipeline.exec()) ?? [];
    },
    close: async () => void redis.disconnect(),
  };
}

/** node-redis `defineScript` (EVALSHA, EVAL on NOSCRIPT), raw reply, on a client with NODE_REDIS_OPTIONS. */
export async function nodeRedisVariant(port: number, script: BenchScript, keys: readonly string[]): Promise<Variant> {
  const fixedWindow = defineScript({
    SCRIPT: script.lua,
    NUMBER_OF_KEYS: 1,
    parseCommand(parser, key: string, limit: number, windowMs: number) {
      parser.pushKey(key);
      parser.push(String(limit), String(windowMs));
    },
    transformReply: (reply: unknown) => reply,
  });
  if (fixedWindow.SHA1 !== script.sha1) throw new Error('node-redis computed another SHA1 for the same script');
  const client = createClient({ socket: { host: '127.0.0.1', port }, scripts: { fixedWindow }, ...NODE_REDIS_OPTIONS });
  await client.connect();
  return {
    name: 'node-redis defineScript',
    call: (i) => client.fixedWindow(keys[i % keys.length]!, LIMIT, WINDOW_MS),
    async pipeline(start, size) {
      const multi = client.multi();
      for (let i = start; i < start + size; i++) multi.fixedWindow(keys[i % keys.length]!, LIMIT, WINDOW_MS);
      return multi.execAsPipeline();
    },
    close: async () => void (await client.quit()),
  };
}
