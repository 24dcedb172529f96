import type { RedisArgument } from '@redis/client';
import { decodeReply, isNoScript } from '../runtime/call-errors';
import type { ScriptSpec } from '../runtime/script';
import { commandArguments, firstKeyOf } from './command-arguments';
import { queueScript, type Batch, type QueuedReply } from './batch';
import { isClusterClient, senderFor, type RedisClient, type Send } from './client';
import { callFailure } from './delivery';
import { bindFunction } from './functions';

/** A script bound to a node-redis client: call it with its keys and arguments by name. */
export interface ScriptFunction<Input, Reply> {
  (...input: {} extends Input ? [input?: Input] : [input: Input]): Promise<Reply>;
  /**
   * Queues the script in a `multi()` of the bound client (run it with `exec()` or `execAsPipeline()`); then
   * `read(results)` decodes this script's entry (or throws its error, typed as for a call). Pass `read` the
   * array `exec()` resolved to, or the MultiErrorReply it rejected with.
   */
  queue(batch: Batch, ...input: {} extends Input ? [input?: Input] : [input: Input]): QueuedReply<Reply>;
  readonly spec: ScriptSpec<Input, Reply>;
}

/** Clients whose server does not know EVALSHA_RO (Redis < 7): they keep using EVALSHA. */
const withoutReadOnlyCommands = new WeakSet<object>();

/** Redis < 7: `ERR unknown command 'EVALSHA_RO', with args beginning with: ...`. */
function isUnknownCommand(error: unknown): boolean {
  return error instanceof Error && /^ERR unknown command/i.test(error.message);
}

/** After EVALSHA failed: should Redis have answered NOSCRIPT (the script did not run), EVAL with the same arguments, once. */
function resendScript(send: Send, spec: ScriptSpec<unknown, unknown>, args: RedisArgument[], readonly: boolean, error: unknown): Promise<unknown> {
  if (!isNoScript(error)) return Promise.reject(error);
  args[0] = args[0] === 'EVALSHA_RO' ? 'EVAL_RO' : 'EVAL';
  args[1] = spec.lua;
  return send(args, firstKeyOf(args), readonly);
}

/** EVALSHA, then EVAL on NOSCRIPT (resendScript). */
function sendScript(send: Send, spec: ScriptSpec<unknown, unknown>, args: RedisArgument[], readonly: boolean): Promise<unknown> {
  return send(args, firstKeyOf(args), readonly).catch((error: unknown) => resendScript(send, spec, args, readonly, error));
}

/**
 * A `no-writes` script goes with EVALSHA_RO, so that Redis refuses it should it write and a cluster client
 * created with `useReplicas` may run it on a replica. A server without EVALSHA_RO (before 7.0) gets EVALSHA,
 * for this call and every later one on the client.
 */
function sendReadOnly(client: RedisClient, send: Send, spec: ScriptSpec<unknown, unknown>, args: RedisArgument[]): Promise<unknown> {
  if (spec.readOnlyCommands === false || withoutReadOnlyCommands.has(client)) return sendScript(send, spec, args, true);
  args[0] = 'EVALSHA_RO';
  return sendScript(send, spec, args, true).catch((error: unknown) => {
    if (!isUnknownCommand(error)) return Promise.reject(error);
    withoutReadOnlyCommands.add(client);
    args[0] = 'EVALSHA';
    args[1] = spec.sha1;
    return sendScript(send, spec, args, true);
  });
}

/** Binds one script to a node-redis client: EVALSHA (EVAL on NOSCRIPT), or FCALL for the Functions target. */
export function bindScript<Input, Reply>(client: RedisClient, spec: ScriptSpec<Input, Reply>): ScriptFunction<Input, Reply> {
  if (spec.function) return bindFunction(client, spec, spec.function);
  const generic = spec as ScriptSpec<unknown, unknown>;
  const cluster = isClusterClient(client);
  const send = senderFor(client, spec.reply.binary);
  const decode = (raw: unknown): Reply => decodeReply(spec, raw);
  const fail = (error: unknown): never => {
    throw callFailure(generic, error);
  };
  const call = (input?: Input): Promise<Reply> => {
    let args: RedisArgument[];
    try {
      args = commandArguments(generic, 'EVALSHA', spec.sha1, input, cluster);
    } catch (error) {
      return Promise.reject(error);
    }
    if (spec.readonly) return sendReadOnly(client, send, generic, args).then(decode, fail);
    // Plain chaining: the success path is the command's promise plus one `then`; the retry lives in the rejection handler.
    return send(args, firstKeyOf(args), false).then(decode, (error: unknown) => resendScript(send, generic, args, false, error).then(decode, fail));
  };
  const queue = (batch: Batch, input?: Input): QueuedReply<Reply> =>
    queueScript(batch, generic, commandArguments(generic, 'EVALSHA', spec.sha1, input, cluster), cluster) as QueuedReply<Reply>;
  return Object.assign(call, { queue, spec }) as unknown as ScriptFunction<Input, Reply>;
}
