import type { ScriptSpec } from './script';
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
export declare function callFailure(spec: ScriptSpec<unknown, unknown>, error: unknown): unknown;
/**
 * An Error, also one made in another realm: node's socket errors (ECONNRESET ...) are built by node's own
 * `Error`, which is not the application's when it runs in a vm context (jest, for one).
 */
export declare function isError(value: unknown): value is Error;
