import type { RedisClient } from './bind';
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
/**
 * The error a guarded command's call settles with: what the client knows about whether the script ran. Applied
 * where the rejection is consumed (the call's rejection handler, a batch's `read()`), not in a wrapper per command:
 * a rejected standalone command is never written again, so its phase is the one it had when it was rejected.
 */
export declare function typedError(command: IoredisCommand, error: unknown): unknown;
/** A script command for `client` (or a pipeline of it) that is written at most once. */
export declare function guardedCommand(client: RedisClient, script: string, name: 'eval' | 'evalsha' | 'fcall', args: unknown[], binary: boolean): IoredisCommand;
/** Whether a guarded command was ever written (so the outcome of its batch is unknown once it fails). */
export declare function wasWritten(command: IoredisCommand): boolean;
/** Whether a re-send of the command was refused (its batch then fails with EXECABORT). */
export declare function wasRefused(command: IoredisCommand): boolean;
/** Hands a guarded command to the client (or a pipeline) to write; returns the command. */
export declare function sendCommand(client: RedisClient, command: IoredisCommand): IoredisCommand;
/** The promise of a sent guarded command, rejecting with its typed error: one promise more, for the rarer paths. */
export declare function sentGuarded(command: IoredisCommand): Promise<unknown>;
