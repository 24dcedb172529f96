import type { ChainableCommander, Cluster, Redis } from 'ioredis';
import type { RedisKey } from './arguments';
import { decodeReply, scriptFailure } from './call-errors';
import { CrossSlotError, LuagenError } from './errors';
import type { ScriptSpec } from './script';
import { callReadOnly } from './read-only';
import { keySlot } from './slots';

export type RedisClient = Redis | Cluster;

/** A script bound to a client: call it with its keys and arguments by name. */
export interface ScriptFunction<Input, Reply> {
  (...input: {} extends Input ? [input?: Input] : [input: Input]): Promise<Reply>;
  /**
   * Queues the script in an ioredis `pipeline()` or `multi()` created from the bound client; after
   * `exec()`, `read(results)` decodes this script's entry (or throws its error, typed as for a call).
   */
  queue(pipeline: ChainableCommander, ...input: {} extends Input ? [input?: Input] : [input: Input]): QueuedReply<Reply>;
  readonly spec: ScriptSpec<Input, Reply>;
}

/** A script queued in a pipeline or transaction. */
export interface QueuedReply<Reply> {
  read(results: [error: Error | null, result: unknown][] | null): Reply;
}

type CommandMethod = (...args: unknown[]) => Promise<unknown>;

/** A command method of a client or pipeline; scripts are defined on the client before its pipelines exist. */
function commandOf(target: object, name: string, script: string): CommandMethod {
  const method = (target as Record<string, unknown>)[name];
  if (typeof method !== 'function') {
    throw new LuagenError(`${script}: '${name}' is not defined here; bind the scripts (bindScripts) before creating pipelines`);
  }
  return method as CommandMethod;
}

const defined = new WeakMap<object, Map<string, string>>();

/** Registers the script with `defineCommand` once per client (EVALSHA, with EVAL on NOSCRIPT). */
export function registerScript(client: RedisClient, spec: ScriptSpec<unknown, unknown>): void {
  const commands = defined.get(client) ?? new Map<string, string>();
  defined.set(client, commands);
  const existing = commands.get(spec.command);
  if (existing === spec.sha1) return;
  if (existing !== undefined || typeof (client as unknown as Record<string, unknown>)[spec.command] === 'function') {
    throw new LuagenError(`${spec.id}: the client already has a command named '${spec.command}'`);
  }
  const definition = spec.numberOfKeys === undefined ? { lua: spec.lua } : { lua: spec.lua, numberOfKeys: spec.numberOfKeys };
  client.defineCommand(spec.command, { ...definition, readOnly: spec.readonly });
  commands.set(spec.command, spec.sha1);
}

export function isClusterClient(client: RedisClient): client is Cluster {
  return (client as { isCluster?: boolean }).isCluster === true;
}

/** The keys of one call must share a slot on a cluster; checked before anything is sent. */
function checkSlots(client: RedisClient, spec: ScriptSpec<unknown, unknown>, keys: readonly RedisKey[]): void {
  if (keys.length < 2 || !isClusterClient(client)) return;
  const prefix = client.options.keyPrefix ?? client.options.redisOptions?.keyPrefix ?? '';
  const slotted = keys.map((key) => {
    const full = typeof key === 'string' ? prefix + key : Buffer.concat([Buffer.from(prefix), key]);
    return { key: full.toString(), slot: keySlot(full) };
  });
  const first = slotted[0]?.slot;
  if (slotted.some((k) => k.slot !== first)) throw new CrossSlotError(spec.id, slotted);
}

/** ioredis marks a `multi()` pipeline by counting its MULTI commands (an internal field, in ioredis 5 and 6). */
function isTransaction(pipeline: ChainableCommander): boolean {
  return ((pipeline as { _transactions?: number })._transactions ?? 0) > 0;
}

/** Validates and encodes the input, checks the slots; returns `numkeys, ...keys, ...args`. */
function scriptArguments(client: RedisClient, spec: ScriptSpec<unknown, unknown>, input: unknown): unknown[] {
  const { keys, args } = spec.encode(input);
  checkSlots(client, spec, keys);
  return [keys.length, ...keys, ...args];
}

/** The arguments of the defined command: defineCommand adds numkeys itself when the count is fixed. */
function commandArguments(spec: ScriptSpec<unknown, unknown>, argv: readonly unknown[]): unknown[] {
  return spec.numberOfKeys === undefined ? [...argv] : argv.slice(1);
}

function methodName(spec: ScriptSpec<unknown, unknown>): string {
  return spec.reply.binary ? `${spec.command}Buffer` : spec.command;
}

/** Binds one script to a client. */
export function bindScript<Input, Reply>(client: RedisClient, spec: ScriptSpec<Input, Reply>): ScriptFunction<Input, Reply> {
  const generic = spec as ScriptSpec<unknown, unknown>;
  registerScript(client, generic);
  const method = methodName(generic);
  const send = (argv: readonly unknown[]): Promise<unknown> => commandOf(client, method, spec.id).apply(client, commandArguments(generic, argv));
  const call = async (input?: Input): Promise<Reply> => {
    const argv = scriptArguments(client, generic, input);
    let raw: unknown;
    try {
      raw = await (spec.readonly ? callReadOnly(client, generic, argv, () => send(argv)) : send(argv));
    } catch (error) {
      throw scriptFailure(generic, error);
    }
    return decodeReply(spec, raw);
  };
  const queue = (pipeline: ChainableCommander, input?: Input): QueuedReply<Reply> => {
    const argv = scriptArguments(client, generic, input);
    const queuedAt = pipeline.length;
    if (isTransaction(pipeline)) {
      // ioredis cannot fall back from EVALSHA to EVAL inside MULTI (NOSCRIPT would abort the entry): send EVAL.
      const evalMethod = spec.reply.binary ? 'evalBuffer' : 'eval';
      commandOf(pipeline, evalMethod, spec.id).apply(pipeline, [spec.lua, ...argv]);
    } else {
      // The defined command: EVALSHA, and EVAL when a pipelined EVALSHA answers NOSCRIPT.
      commandOf(pipeline, method, spec.id).apply(pipeline, commandArguments(generic, argv));
    }
    return {
      read(results) {
        if (!results) throw new LuagenError(`${spec.id}: the pipeline returned no results (was exec() awaited?)`);
        // A transaction's queue starts with MULTI and ends with EXEC, which exec() leaves out of its results.
        const index = queuedAt - (pipeline.length > results.length ? 1 : 0);
        const entry = results[index];
        if (!entry) throw new LuagenError(`${spec.id}: no result at position ${index} of the pipeline`);
        const [error, raw] = entry;
        if (error) throw scriptFailure(generic, error);
        return decodeReply(spec, raw);
      },
    };
  };
  return Object.assign(call, { queue, spec }) as unknown as ScriptFunction<Input, Reply>;
}
