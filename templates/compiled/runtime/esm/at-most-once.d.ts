import type { RedisClient } from './bind.js';
/**
 * At most once, for scripts that write. ioredis writes a command again after a reconnect when no reply came
 * (`autoResendUnfulfilledCommands`, on by default), a Cluster does so after a closed connection, and a command
 * rejected by `commandTimeout` stays queued and may still be written. A write script must not run twice because
 * a reply was lost, so its command is an ioredis Command whose bytes go out once: a second write of a command
 * still waiting for its reply (or already settled) sends a command Redis refuses instead, which keeps the reply
 * count in step and, inside MULTI, makes EXEC discard the whole transaction (EXECABORT). A reply error such as
 * MOVED or ASK is an answer (the script did not run), so a redirect may write the script again.
 *
 * Every call settles, and says what is known: a connection that closes while the reply is awaited rejects the
 * call with ScriptOutcomeUnknownError (also when ioredis would have dropped it, with resending turned off); a
 * command that never left the client rejects with ScriptNotSentError.
 */
/** The parts of an ioredis Command (ioredis 5 and 6) this module relies on. */
export interface IoredisCommand {
    name: string;
    args: unknown[];
    promise: Promise<unknown>;
    resolve: (value: unknown) => unknown;
    reject: (error: Error) => void;
    initPromise(): void;
    toWritable(socket: object): string | Buffer;
}
/** A script command for `client` (or a pipeline of it) that is written at most once. */
export declare function guardedCommand(client: RedisClient, script: string, name: 'eval' | 'evalsha' | 'fcall', args: unknown[], binary: boolean): IoredisCommand;
/** Whether a guarded command was ever written (so the outcome of its batch is unknown once it fails). */
export declare function wasWritten(command: IoredisCommand): boolean;
/** Whether a re-send of the command was refused (its batch then fails with EXECABORT). */
export declare function wasRefused(command: IoredisCommand): boolean;
