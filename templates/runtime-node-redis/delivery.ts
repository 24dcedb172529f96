import { AbortError, ClientClosedError, ClientOfflineError, ErrorReply, TimeoutError } from '@redis/client';
import { scriptFailure } from '../runtime/call-errors';
import { LuagenError, ScriptNotSentError, ScriptOutcomeUnknownError } from '../runtime/errors';
import type { ScriptSpec } from '../runtime/script';
import { isErrorReply } from './client';

/**
 * What a failed call of a script that writes tells its caller. node-redis writes every command once: a command
 * written to the socket waits for its reply and, should the connection break, is rejected, never written again
 * (node-redis `flushWaitingForReply`); one not yet written stays queued for the next connection. So a write
 * script runs at most once per call without any help (node-redis 5 can misroute replies after a broken
 * connection, see docs/clients.md; node-redis 6 does not). What luagen adds is the typed answer:
 *
 * - an error reply is Redis's answer: a typed ScriptCodeError, or a located ScriptError;
 * - node-redis rejects before writing with ClientClosedError, ClientOfflineError (`disableOfflineQueue`),
 *   AbortError and TimeoutError (`abortSignal` / `timeout` fire only while the command waits to be written), or a
 *   full queue (`commandsQueueMaxLength`): ScriptNotSentError, safe to retry;
 * - any other failure (the socket closed or timed out, `destroy()`, a cluster that lost its node) may come after
 *   the command was written: ScriptOutcomeUnknownError. node-redis rejects queued and written commands alike
 *   with that error when the client is destroyed, so a call that never left is then reported unknown too.
 */
export function callFailure(spec: ScriptSpec<unknown, unknown>, error: unknown): unknown {
  if (!isError(error) || error instanceof LuagenError) return error;
  if (error instanceof ErrorReply) return scriptFailure(spec, error, isErrorReply);
  if (spec.readonly) return error;
  if (neverWritten(error)) return new ScriptNotSentError(spec.id, error.message, { cause: error });
  return new ScriptOutcomeUnknownError(spec.id, `no reply (${error.message})`, { cause: error });
}

/**
 * An Error, also one made in another realm: node's socket errors (ECONNRESET ...) are built by node's own
 * `Error`, which is not the application's when it runs in a vm context (jest, for one).
 */
export function isError(value: unknown): value is Error {
  return value instanceof Error || Object.prototype.toString.call(value) === '[object Error]';
}

function neverWritten(error: Error): boolean {
  return (
    error instanceof ClientClosedError ||
    error instanceof ClientOfflineError ||
    error instanceof AbortError ||
    error instanceof TimeoutError ||
    error.message === 'The queue is full'
  );
}
