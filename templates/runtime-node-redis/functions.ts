import type { RedisArgument } from '@redis/client';
import { decodeReply } from '../runtime/call-errors';
import { isFunctionMissing, loadFunctions, loadOnce, type FunctionBinding, type FunctionLibrary } from '../runtime/function-library';
import type { ScriptSpec } from '../runtime/script';
import { commandArguments, firstKeyOf } from './command-arguments';
import type { Batch, QueuedReply } from './batch';
import { queueFunction } from './batch';
import type { ScriptFunction } from './bind';
import { isClusterClient, senderFor, type NodeRedisClient, type RedisClient } from './client';
import { callFailure } from './delivery';

/**
 * `--target functions` on node-redis: every script is a function of one Redis Functions library, called with
 * FCALL (FCALL_RO when read-only). A call that finds no function loads the library (on every master of a
 * cluster) and runs again, once. A batch loads it in its own first command (see queueFunction).
 */

/** Loads the library where the client's calls go: the server, or every master of a cluster. */
export function loadLibrary(client: RedisClient, library: FunctionLibrary): Promise<void> {
  const loadOn = (node: NodeRedisClient) => loadFunctions((code) => node.sendCommand(['FUNCTION', 'LOAD', code]), library);
  return loadOnce(client, library, async () => {
    if (!isClusterClient(client)) return loadOn(client);
    await Promise.all((await Promise.all(client.masters.map((master) => client.nodeClient(master)))).map(loadOn));
  });
}

/** Loads the library everywhere calls may go (see loadLibrary). */
export function preloadLibrary(client: RedisClient, library: FunctionLibrary): Promise<void> {
  return loadLibrary(client, library);
}

/** Binds a script of the Functions target; the same API as an EVAL script (see bindScript). */
export function bindFunction<Input, Reply>(client: RedisClient, spec: ScriptSpec<Input, Reply>, binding: FunctionBinding): ScriptFunction<Input, Reply> {
  const generic = spec as ScriptSpec<unknown, unknown>;
  const cluster = isClusterClient(client);
  const send = senderFor(client, spec.reply.binary);
  const command = spec.readonly ? 'FCALL_RO' : 'FCALL';
  const decode = (raw: unknown): Reply => decodeReply(spec, raw);
  const fail = (error: unknown): never => {
    throw callFailure(generic, error);
  };
  const sendOnce = (args: RedisArgument[]) => send(args, firstKeyOf(args), spec.readonly);
  const call = (input?: Input): Promise<Reply> => {
    let args: RedisArgument[];
    try {
      args = commandArguments(generic, command, binding.name, input, cluster);
    } catch (error) {
      return Promise.reject(error);
    }
    // A missing function did not run: load the library and call once more.
    const sent = sendOnce(args).catch((error: unknown) =>
      isFunctionMissing(error) ? loadLibrary(client, binding.library).then(() => sendOnce(args)) : Promise.reject(error),
    );
    return sent.then(decode, fail);
  };
  const queue = (batch: Batch, input?: Input): QueuedReply<Reply> =>
    queueFunction(batch, generic, binding.library, commandArguments(generic, command, binding.name, input, cluster), cluster) as QueuedReply<Reply>;
  return Object.assign(call, { queue, spec }) as unknown as ScriptFunction<Input, Reply>;
}
