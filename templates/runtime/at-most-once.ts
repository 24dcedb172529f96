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

/** Where a guarded command stands: not written yet, written (and maybe answered), a re-send refused. */
const NEW = 0;
const SENT = 1;
/** Answered with a reply error (seen on a Cluster only, where a redirect may write the command again). */
const ANSWERED = 2;
const REFUSED_PHASE = 3;

/**
 * The guard's state lives in plain fields of the command, set once right after construction (one shape for every
 * guarded command, no per-call closures): the base class's own resolve and reject stay as ioredis made them.
 */
interface GuardedCommand extends IoredisCommand {
  luagenScript: string;
  luagenPhase: number;
  /** Set when ioredis settles the command (its resolve and reject both clear the timers first). */
  luagenSettled: boolean;
  _clearTimers(): void;
}

/** An unknown command: Redis answers it with an error, once, and refuses it inside MULTI (EXECABORT). */
const REFUSED_NAME = 'LUAGEN-REFUSED-TO-RESEND-A-WRITE-SCRIPT';
const REFUSED = `*1\r\n$${REFUSED_NAME.length}\r\n${REFUSED_NAME}\r\n`;

function isReplyError(error: unknown): boolean {
  return error instanceof Error && error.name === 'ReplyError';
}

/**
 * On a socket: the guarded commands written on it, in the order written (Redis answers in that order). Settled
 * ones are dropped from the front as new ones arrive, so no lookup or removal is paid per reply.
 */
const AWAITING = Symbol('luagen awaiting replies');

class AwaitingReplies {
  private commands: GuardedCommand[] = [];
  private head = 0;

  add(command: GuardedCommand): void {
    const commands = this.commands;
    while (this.head < commands.length && (commands[this.head] as GuardedCommand).luagenSettled) this.head++;
    if (this.head === commands.length) {
      commands.length = 0;
      this.head = 0;
    } else if (this.head > 64 && this.head * 2 > commands.length) {
      commands.splice(0, this.head);
      this.head = 0;
    }
    commands.push(command);
  }

  /** Once the socket closes, no reply can come: every call still waiting on it settles as unknown. */
  closed(): void {
    const waiting = this.commands.slice(this.head);
    this.commands = [];
    this.head = 0;
    for (const command of waiting) {
      if (command.luagenSettled || command.luagenPhase !== SENT) continue;
      command.reject(new ScriptOutcomeUnknownError(command.luagenScript, 'the connection closed before the reply arrived'));
    }
  }
}

type WatchedSocket = { [AWAITING]?: AwaitingReplies; once?: (event: string, listener: () => void) => void };

function watch(target: object, command: GuardedCommand): void {
  const socket = target as WatchedSocket;
  let awaiting = socket[AWAITING];
  if (!awaiting) {
    const replies = new AwaitingReplies();
    awaiting = replies;
    socket[AWAITING] = replies;
    socket.once?.('close', () => replies.closed());
  }
  awaiting.add(command);
}

/**
 * The error a guarded command's call settles with: what the client knows about whether the script ran. Applied
 * where the rejection is consumed (the call's rejection handler, a batch's `read()`), not in a wrapper per command:
 * a rejected standalone command is never written again, so its phase is the one it had when it was rejected.
 */
export function typedError(command: IoredisCommand, error: unknown): unknown {
  if (!(error instanceof Error) || error instanceof LuagenError) return error;
  const { luagenPhase: phase, luagenScript: script } = command as GuardedCommand;
  if (phase === undefined) return error;
  if (isReplyError(error)) {
    return phase === REFUSED_PHASE ? new ScriptOutcomeUnknownError(script, 'the connection was lost after the script was sent', { cause: error }) : error;
  }
  if (phase === SENT || phase === REFUSED_PHASE) {
    return new ScriptOutcomeUnknownError(script, `no reply (${error.message})`, { cause: error });
  }
  return new ScriptNotSentError(script, error.message, { cause: error });
}

const guardedClasses = new WeakMap<CommandClass, { standalone: CommandClass; cluster: CommandClass }>();

function guardedClassesOf(Base: CommandClass): { standalone: CommandClass; cluster: CommandClass } {
  const known = guardedClasses.get(Base);
  if (known) return known;
  // No class fields: the base constructor calls initPromise() before they would be initialised.
  class GuardedScriptCommand extends Base {
    _clearTimers(): void {
      (this as unknown as GuardedCommand).luagenSettled = true;
      (Base.prototype as unknown as GuardedCommand)._clearTimers.call(this);
    }

    override toWritable(socket: object): string | Buffer {
      const self = this as unknown as GuardedCommand;
      const phase = self.luagenPhase;
      if (self.luagenSettled || phase === SENT || phase === REFUSED_PHASE) {
        if (phase === SENT) self.luagenPhase = REFUSED_PHASE;
        return REFUSED;
      }
      self.luagenPhase = SENT;
      watch(socket, self);
      return super.toWritable(socket);
    }
  }
  /**
   * On a Cluster, a reply error (MOVED, ASK) may be followed by a re-write of the same command: the Cluster wraps
   * `reject` to follow redirects, and this wrapper notes the reply as an answer before the Cluster acts on it.
   */
  class GuardedClusterScriptCommand extends GuardedScriptCommand {
    override initPromise(): void {
      const self = this as unknown as GuardedCommand & { luagenRaw?: boolean };
      self.luagenRaw = true;
      super.initPromise();
      self.luagenRaw = false;
      if (self.luagenPhase !== undefined) self.luagenSettled = false;
    }
  }
  Object.defineProperty(GuardedClusterScriptCommand.prototype, 'reject', {
    configurable: true,
    get(this: { luagenReject?: (error: Error) => void }) {
      return this.luagenReject;
    },
    set(this: GuardedCommand & { luagenReject?: (error: Error) => void; luagenRaw?: boolean }, reject: (error: Error) => void) {
      if (this.luagenRaw) {
        this.luagenReject = reject;
        return;
      }
      this.luagenReject = (error: Error) => {
        if (this.luagenPhase === SENT && isReplyError(error)) this.luagenPhase = ANSWERED;
        return reject.call(this, error);
      };
    },
  });
  const classes = { standalone: GuardedScriptCommand, cluster: GuardedClusterScriptCommand };
  guardedClasses.set(Base, classes);
  return classes;
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
    const classes = guardedClassesOf(built.constructor as CommandClass);
    Guarded = (client as { isCluster?: boolean }).isCluster === true ? classes.cluster : classes.standalone;
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
  command.luagenScript = script;
  command.luagenPhase = NEW;
  command.luagenSettled = false;
  return command;
}

/** Whether a guarded command was ever written (so the outcome of its batch is unknown once it fails). */
export function wasWritten(command: IoredisCommand): boolean {
  return (command as GuardedCommand).luagenPhase !== NEW;
}

/** Whether a re-send of the command was refused (its batch then fails with EXECABORT). */
export function wasRefused(command: IoredisCommand): boolean {
  return (command as GuardedCommand).luagenPhase === REFUSED_PHASE;
}

/** Hands a guarded command to the client (or a pipeline) to write; returns the command. */
export function sendCommand(client: RedisClient, command: IoredisCommand): IoredisCommand {
  (client.sendCommand as unknown as (command: unknown) => unknown).call(client, command);
  return command;
}

/** The promise of a sent guarded command, rejecting with its typed error: one promise more, for the rarer paths. */
export function sentGuarded(command: IoredisCommand): Promise<unknown> {
  return command.promise.catch((error: unknown) => Promise.reject(typedError(command, error)));
}
