import type { ChainableCommander, Cluster, Redis } from 'ioredis';
import type { RedisKey } from './arguments';
import { guardedCommand, sendCommand, sentGuarded, typedError, type IoredisCommand } from './at-most-once';
import { batchMethods, commandOf, queueScript, type QueuedReply } from './batch';
import { decodeReply, isNoScript, scriptFailure } from './call-errors';
import { CrossSlotError, LuagenError, ScriptArgumentError } from './errors';
import { REQUEST_ID, requestRecordKey } from './request-record';
import { bindFunction } from './functions';
import type { ScriptSpec } from './script';
import { callReadOnly } from './read-only';
import { applyPrefixes } from './prefixes';
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

/** The keyPrefix ioredis adds to every key of the client's commands. */
function keyPrefixOf(client: RedisClient): string {
  return (isClusterClient(client) ? (client.options.keyPrefix ?? client.options.redisOptions?.keyPrefix) : client.options.keyPrefix) ?? '';
}

/** The keys of one call must share a slot on a cluster; checked before anything is sent. */
function checkSlots(client: RedisClient, spec: ScriptSpec<unknown, unknown>, keys: readonly RedisKey[]): void {
  if (keys.length < 2 || !isClusterClient(client)) return;
  const prefix = keyPrefixOf(client);
  const slotted = keys.map((key) => {
    const full = typeof key === 'string' ? prefix + key : Buffer.concat([Buffer.from(prefix), key]);
    return { key: full.toString(), slot: keySlot(full) };
  });
  const first = slotted[0]?.slot;
  if (slotted.some((k) => k.slot !== first)) throw new CrossSlotError(spec.id, slotted);
}

/**
 * ioredis spreads a command's key positions into one function call when it prefixes keys (`keyPrefix`) or
 * picks a cluster slot; at about 122,000 keys that overflows the stack (ioredis 5 and 6). Refused below that.
 */
export const MAX_HANDLED_KEYS = 100_000;

function checkKeyCount(client: RedisClient, spec: ScriptSpec<unknown, unknown>, keyCount: number): void {
  if (keyCount <= MAX_HANDLED_KEYS) return;
  const options = client.options as { keyPrefix?: string; redisOptions?: { keyPrefix?: string } };
  if (!isClusterClient(client) && !options.keyPrefix && !options.redisOptions?.keyPrefix) return;
  const why = isClusterClient(client) ? 'on a cluster' : 'with a keyPrefix';
  const problem = `${keyCount} keys: ioredis handles at most ${MAX_HANDLED_KEYS} keys per command ${why}`;
  throw new ScriptArgumentError(spec.id, spec.keys[spec.keys.length - 1] ?? '', problem);
}

/** Validates and encodes the input, checks the slots; returns `numkeys, ...keys, ...args`. */
function scriptArguments(client: RedisClient, spec: ScriptSpec<unknown, unknown>, input: unknown): unknown[] {
  const argv: unknown[] = [0];
  const request: { id?: string } | undefined = spec.idempotent ? {} : undefined;
  let keyCount = spec.encodeInto(input, argv, request);
  if (spec.idempotent) {
    if (keyCount === 0) throw new ScriptArgumentError(spec.id, REQUEST_ID, 'an @idempotent call needs at least one key to keep its record next to');
    argv.splice(1 + keyCount, 0, requestRecordKey(spec.id, keyPrefixOf(client), argv[1] as RedisKey, request?.id as string));
    keyCount++;
  }
  argv[0] = keyCount;
  checkKeyCount(client, spec, keyCount);
  if (keyCount > 1) checkSlots(client, spec, argv.slice(1, 1 + keyCount) as RedisKey[]);
  if (spec.prefixes) applyPrefixes(client, spec, argv, keyCount, isClusterClient(client));
  return argv;
}

/** The arguments of the defined command: defineCommand adds numkeys itself when the count is fixed. */
function commandArguments(spec: ScriptSpec<unknown, unknown>, argv: unknown[]): unknown[] {
  if (spec.numberOfKeys === undefined) return argv;
  argv.shift();
  return argv;
}

/**
 * Runs a script that writes: EVALSHA; its command is written at most once (at-most-once.ts). `argv` is
 * `numkeys, ...keys, ...args`; it becomes `sha1, numkeys, ...` (one array for both tries: a Command copies its
 * arguments, args.flat()).
 */
function sendWrite(client: RedisClient, spec: ScriptSpec<unknown, unknown>, argv: unknown[]): IoredisCommand {
  argv.unshift(spec.sha1);
  return sendCommand(client, guardedCommand(client, spec.id, 'evalsha', argv, spec.reply.binary));
}

/**
 * After EVALSHA failed: EVAL should Redis have answered NOSCRIPT (it did not run; the cache was empty or flushed
 * meanwhile, any number of times), else the error. Called from the call's one rejection handler, so a call that
 * succeeds pays for no extra promise.
 */
function resendWrite(client: RedisClient, spec: ScriptSpec<unknown, unknown>, error: unknown, argv: unknown[]): Promise<unknown> {
  if (!isNoScript(error)) return Promise.reject(error);
  argv[0] = spec.lua;
  return sentGuarded(sendCommand(client, guardedCommand(client, spec.id, 'eval', argv, spec.reply.binary)));
}

/** Binds one script to a client: EVALSHA through defineCommand, or FCALL for the Functions target. */
export function bindScript<Input, Reply>(client: RedisClient, spec: ScriptSpec<Input, Reply>): ScriptFunction<Input, Reply> {
  if (spec.function) return bindFunction(client, spec, spec.function);
  const generic = spec as ScriptSpec<unknown, unknown>;
  registerScript(client, generic);
  const methods = batchMethods(generic, (argv) => commandArguments(generic, argv));
  const defined = commandOf(client, methods.defined, spec.id);
  // argv goes as one array argument (ioredis flattens it): spread with apply, 120k values overflow the stack.
  const queue = (pipeline: ChainableCommander, argv: unknown[]) => queueScript(client, pipeline, generic, argv, methods);
  if (spec.readonly) {
    const send = (argv: unknown[]) => callReadOnly(client, generic, argv, () => defined.call(client, commandArguments(generic, [...argv])));
    return scriptFunction(client, spec, { send }, queue);
  }
  return scriptFunction(client, spec, { sendGuarded: (argv) => sendWrite(client, generic, argv), resend: (error, argv) => resendWrite(client, generic, error, argv) }, queue);
}

/**
 * How a binding sends a call: `send`, or, for a script that writes, `sendGuarded` (the guarded command, already
 * sent: its rejection is typed by the call, see typedError); then, should it fail, `resend` (which retries or
 * rejects) when given.
 */
export type CallSender =
  | { readonly send: (argv: unknown[]) => Promise<unknown>; readonly sendGuarded?: undefined; readonly resend?: Resend }
  | { readonly sendGuarded: (argv: unknown[]) => IoredisCommand; readonly send?: undefined; readonly resend: Resend };

type Resend = (error: unknown, argv: unknown[]) => Promise<unknown>;

/**
 * The function a binding returns: validates and encodes the input (a bad one is rejected before anything is
 * sent), then `send`s it or `queue`s it in a batch, and decodes the reply. `argv` is `numkeys, ...keys, ...args`.
 */
export function scriptFunction<Input, Reply>(
  client: RedisClient,
  spec: ScriptSpec<Input, Reply>,
  sender: CallSender,
  queueArguments: (pipeline: ChainableCommander, argv: unknown[]) => QueuedReply<unknown>,
): ScriptFunction<Input, Reply> {
  const generic = spec as ScriptSpec<unknown, unknown>;
  const decode = (raw: unknown): Reply => decodeReply(spec, raw);
  const fail = (error: unknown): never => {
    throw scriptFailure(generic, error);
  };
  const { send, sendGuarded, resend } = sender;
  // Plain promise chaining rather than async/await: one promise and microtask fewer per call. A retry is chained
  // in the rejection handler only, so the success path is the command's promise plus one `then`.
  const call = (input?: Input): Promise<Reply> => {
    let argv: unknown[];
    try {
      argv = scriptArguments(client, generic, input);
    } catch (error) {
      return Promise.reject(error);
    }
    if (sendGuarded) {
      const command = sendGuarded(argv);
      return command.promise.then(decode, (error: unknown) => resend(typedError(command, error), argv).then(decode, fail));
    }
    if (!resend) return send(argv).then(decode, fail);
    return send(argv).then(decode, (error: unknown) => resend(error, argv).then(decode, fail));
  };
  const queue = (pipeline: ChainableCommander, input?: Input): QueuedReply<Reply> =>
    queueArguments(pipeline, scriptArguments(client, generic, input)) as QueuedReply<Reply>;
  return Object.assign(call, { queue, spec }) as unknown as ScriptFunction<Input, Reply>;
}
