import type { RedisClient } from './bind';
import { LuagenError, ScriptNotSentError, ScriptOutcomeUnknownError } from './errors';

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

type CommandClass = new (name: string, args: unknown[], options: object) => IoredisCommand;

/** Where a guarded command stands: not written yet, written and awaiting its reply, answered, re-send refused. */
type Phase = 'new' | 'sent' | 'answered' | 'refused';

interface Guard {
  readonly script: string;
  phase: Phase;
  settled: boolean;
  socket?: object;
}

interface GuardedCommand extends IoredisCommand {
  luagenGuard: Guard;
}

/** An unknown command: Redis answers it with an error, once, and refuses it inside MULTI (EXECABORT). */
const REFUSED_NAME = 'LUAGEN-REFUSED-TO-RESEND-A-WRITE-SCRIPT';
const REFUSED = `*1\r\n$${REFUSED_NAME.length}\r\n${REFUSED_NAME}\r\n`;

function isReplyError(error: unknown): boolean {
  return error instanceof Error && error.name === 'ReplyError';
}

/** On a socket: the guarded commands written on it and still awaiting their reply (a property: no map lookup). */
const AWAITING = Symbol('luagen awaiting replies');

type WatchedSocket = { [AWAITING]?: Set<GuardedCommand>; once?: (event: string, listener: () => void) => void };

function release(command: GuardedCommand): void {
  const socket = command.luagenGuard.socket as WatchedSocket | undefined;
  socket?.[AWAITING]?.delete(command);
}

/** Once the socket closes, no reply can come: every call still waiting on it settles as unknown. */
function watch(target: object, command: GuardedCommand): void {
  const socket = target as WatchedSocket;
  let awaiting = socket[AWAITING];
  if (!awaiting) {
    const commands = new Set<GuardedCommand>();
    awaiting = commands;
    socket[AWAITING] = commands;
    socket.once?.('close', () => {
      for (const waiting of [...commands]) {
        if (waiting.luagenGuard.settled || waiting.luagenGuard.phase !== 'sent') continue;
        waiting.reject(new ScriptOutcomeUnknownError(waiting.luagenGuard.script, 'the connection closed before the reply arrived'));
      }
      commands.clear();
    });
  }
  awaiting.add(command);
  command.luagenGuard.socket = target;
}

/** The error a call settles with: what the client knows about whether the script ran. */
function typedError(guard: Guard, error: Error): Error {
  if (guard.settled || error instanceof LuagenError) return error;
  if (isReplyError(error)) {
    return guard.phase === 'refused'
      ? new ScriptOutcomeUnknownError(guard.script, 'the connection was lost after the script was sent', { cause: error })
      : error;
  }
  if (guard.phase === 'sent' || guard.phase === 'refused') {
    return new ScriptOutcomeUnknownError(guard.script, `no reply (${error.message})`, { cause: error });
  }
  return new ScriptNotSentError(guard.script, error.message, { cause: error });
}

/** A reply error reaches the outermost `reject` first (a Cluster wraps it to follow MOVED and ASK). */
function noteReply(command: GuardedCommand, error: unknown): void {
  const guard = command.luagenGuard as Guard | undefined;
  if (guard && guard.phase === 'sent' && isReplyError(error)) {
    guard.phase = 'answered';
    release(command);
  }
}

const guardedClasses = new WeakMap<CommandClass, CommandClass>();

function guardedClassOf(Base: CommandClass): CommandClass {
  const known = guardedClasses.get(Base);
  if (known) return known;
  // No class fields: the base constructor calls initPromise() before they would be initialised.
  class GuardedScriptCommand extends Base {
    override initPromise(): void {
      const self = this as unknown as GuardedCommand & { luagenRaw?: boolean; luagenReject?: (error: Error) => void };
      self.luagenRaw = true;
      super.initPromise();
      self.luagenRaw = false;
      if (self.luagenGuard) self.luagenGuard.settled = false;
      const { resolve } = self;
      const reject = self.luagenReject as (error: Error) => void;
      self.resolve = (value) => {
        const guard = self.luagenGuard;
        if (guard && !guard.settled) {
          guard.phase = 'answered';
          guard.settled = true;
          release(self);
        }
        return resolve(value);
      };
      // Stored past the `reject` setter: this wrapper notes a reply error itself (one closure fewer per call).
      self.luagenReject = (error) => {
        const guard = self.luagenGuard;
        if (!guard) return reject(error);
        noteReply(self, error);
        const typed = typedError(guard, error);
        guard.settled = true;
        release(self);
        reject(typed);
      };
    }

    override toWritable(socket: object): string | Buffer {
      const self = this as unknown as GuardedCommand;
      const guard = self.luagenGuard;
      if (guard.settled || guard.phase === 'sent' || guard.phase === 'refused') {
        if (guard.phase === 'sent') guard.phase = 'refused';
        return REFUSED;
      }
      guard.phase = 'sent';
      watch(socket, self);
      return super.toWritable(socket);
    }
  }
  // Every assignment to `reject` (ioredis's own, a Cluster's wrapper) is observed, so that a reply error is
  // seen as an answer before a wrapper acts on it (a redirect writes the command again).
  Object.defineProperty(GuardedScriptCommand.prototype, 'reject', {
    configurable: true,
    get(this: { luagenReject?: (error: Error) => void }) {
      return this.luagenReject;
    },
    set(this: GuardedCommand & { luagenReject?: (error: Error) => void; luagenRaw?: boolean }, reject: (error: Error) => void) {
      // ioredis's own, set inside initPromise: wrapped by ours right after, which observes for both.
      if (this.luagenRaw) {
        this.luagenReject = reject;
        return;
      }
      this.luagenReject = (error: Error) => {
        noteReply(this, error);
        return reject.call(this, error);
      };
    },
  });
  guardedClasses.set(Base, GuardedScriptCommand);
  return GuardedScriptCommand;
}

const guardedByClient = new WeakMap<object, CommandClass>();
const GUARDED_CLASS = Symbol('luagen guarded Command class');

/**
 * The guarded Command class over the client's own ioredis (5 or 6, whichever the application has): `call()` builds a
 * Command and hands it to `this.sendCommand`, here a probe that keeps it.
 */
function guardedClassFor(client: RedisClient): CommandClass {
  // Kept on the client too: one property read per call instead of a prototype lookup and a WeakMap lookup.
  const cached = (client as unknown as { [GUARDED_CLASS]?: CommandClass })[GUARDED_CLASS];
  if (cached) return cached;
  const owner = Object.getPrototypeOf(client) as object;
  let Guarded = guardedByClient.get(owner);
  if (!Guarded) {
    let built: IoredisCommand | undefined;
    const probe = { options: {}, sendCommand: (command: IoredisCommand) => ((built = command), command.promise) };
    (client.call as unknown as (this: unknown, ...args: unknown[]) => unknown).call(probe, 'ping');
    if (!built) throw new LuagenError('this ioredis client does not build Command objects through sendCommand()');
    Guarded = guardedClassOf(built.constructor as CommandClass);
    guardedByClient.set(owner, Guarded);
  }
  Object.defineProperty(client, GUARDED_CLASS, { value: Guarded });
  return Guarded;
}

/** A script command for `client` (or a pipeline of it) that is written at most once. */
export function guardedCommand(
  client: RedisClient,
  script: string,
  name: 'eval' | 'evalsha' | 'fcall',
  args: unknown[],
  binary: boolean,
): IoredisCommand {
  const Guarded = guardedClassFor(client);
  const options = client.options as { keyPrefix?: string; showFriendlyErrorStack?: boolean };
  const command = new Guarded(name, args, {
    keyPrefix: options.keyPrefix,
    replyEncoding: binary ? null : 'utf8',
    errorStack: options.showFriendlyErrorStack ? new Error() : undefined,
  }) as GuardedCommand;
  command.luagenGuard = { script, phase: 'new', settled: false };
  return command;
}

/** Whether a guarded command was ever written (so the outcome of its batch is unknown once it fails). */
export function wasWritten(command: IoredisCommand): boolean {
  return (command as GuardedCommand).luagenGuard.phase !== 'new';
}

/** Whether a re-send of the command was refused (its batch then fails with EXECABORT). */
export function wasRefused(command: IoredisCommand): boolean {
  return (command as GuardedCommand).luagenGuard.phase === 'refused';
}
