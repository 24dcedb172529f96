"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.typedError = typedError;
exports.guardedCommand = guardedCommand;
exports.wasWritten = wasWritten;
exports.wasRefused = wasRefused;
exports.sendCommand = sendCommand;
exports.sentGuarded = sentGuarded;
const errors_1 = require("./errors");
/** Where a guarded command stands: not written yet, written (and maybe answered), a re-send refused. */
const NEW = 0;
const SENT = 1;
/** Answered with a reply error (seen on a Cluster only, where a redirect may write the command again). */
const ANSWERED = 2;
const REFUSED_PHASE = 3;
/** An unknown command: Redis answers it with an error, once, and refuses it inside MULTI (EXECABORT). */
const REFUSED_NAME = 'LUAGEN-REFUSED-TO-RESEND-A-WRITE-SCRIPT';
const REFUSED = `*1\r\n$${REFUSED_NAME.length}\r\n${REFUSED_NAME}\r\n`;
function isReplyError(error) {
    return error instanceof Error && error.name === 'ReplyError';
}
/**
 * On a socket: the guarded commands written on it, in the order written (Redis answers in that order). Settled
 * ones are dropped from the front as new ones arrive, so no lookup or removal is paid per reply.
 */
const AWAITING = Symbol('luagen awaiting replies');
class AwaitingReplies {
    commands = [];
    head = 0;
    add(command) {
        const commands = this.commands;
        while (this.head < commands.length && commands[this.head].luagenSettled)
            this.head++;
        if (this.head === commands.length) {
            commands.length = 0;
            this.head = 0;
        }
        else if (this.head > 64 && this.head * 2 > commands.length) {
            commands.splice(0, this.head);
            this.head = 0;
        }
        commands.push(command);
    }
    /** Once the socket closes, no reply can come: every call still waiting on it settles as unknown. */
    closed() {
        const waiting = this.commands.slice(this.head);
        this.commands = [];
        this.head = 0;
        for (const command of waiting) {
            if (command.luagenSettled || command.luagenPhase !== SENT)
                continue;
            command.reject(new errors_1.ScriptOutcomeUnknownError(command.luagenScript, 'the connection closed before the reply arrived'));
        }
    }
}
function watch(target, command) {
    const socket = target;
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
function typedError(command, error) {
    if (!(error instanceof Error) || error instanceof errors_1.LuagenError)
        return error;
    const { luagenPhase: phase, luagenScript: script } = command;
    if (phase === undefined)
        return error;
    if (isReplyError(error)) {
        return phase === REFUSED_PHASE ? new errors_1.ScriptOutcomeUnknownError(script, 'the connection was lost after the script was sent', { cause: error }) : error;
    }
    if (phase === SENT || phase === REFUSED_PHASE) {
        return new errors_1.ScriptOutcomeUnknownError(script, `no reply (${error.message})`, { cause: error });
    }
    return new errors_1.ScriptNotSentError(script, error.message, { cause: error });
}
const guardedClasses = new WeakMap();
function guardedClassesOf(Base) {
    const known = guardedClasses.get(Base);
    if (known)
        return known;
    // No class fields: the base constructor calls initPromise() before they would be initialised.
    class GuardedScriptCommand extends Base {
        _clearTimers() {
            this.luagenSettled = true;
            Base.prototype._clearTimers.call(this);
        }
        toWritable(socket) {
            const self = this;
            const phase = self.luagenPhase;
            if (self.luagenSettled || phase === SENT || phase === REFUSED_PHASE) {
                if (phase === SENT)
                    self.luagenPhase = REFUSED_PHASE;
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
        initPromise() {
            const self = this;
            self.luagenRaw = true;
            super.initPromise();
            self.luagenRaw = false;
            if (self.luagenPhase !== undefined)
                self.luagenSettled = false;
        }
    }
    Object.defineProperty(GuardedClusterScriptCommand.prototype, 'reject', {
        configurable: true,
        get() {
            return this.luagenReject;
        },
        set(reject) {
            if (this.luagenRaw) {
                this.luagenReject = reject;
                return;
            }
            this.luagenReject = (error) => {
                if (this.luagenPhase === SENT && isReplyError(error))
                    this.luagenPhase = ANSWERED;
                return reject.call(this, error);
            };
        },
    });
    const classes = { standalone: GuardedScriptCommand, cluster: GuardedClusterScriptCommand };
    guardedClasses.set(Base, classes);
    return classes;
}
const guardedByClient = new WeakMap();
const GUARDED_CLASS = Symbol('luagen guarded Command class');
/**
 * The guarded Command class over the client's own ioredis (5 or 6, whichever the application has): `call()` builds a
 * Command and hands it to `this.sendCommand`, here a probe that keeps it.
 */
function guardedClassFor(client) {
    // Kept on the client too: one property read per call instead of a prototype lookup and a WeakMap lookup.
    const cached = client[GUARDED_CLASS];
    if (cached)
        return cached;
    const owner = Object.getPrototypeOf(client);
    let Guarded = guardedByClient.get(owner);
    if (!Guarded) {
        let built;
        const probe = { options: {}, sendCommand: (command) => ((built = command), command.promise) };
        client.call.call(probe, 'ping');
        if (!built)
            throw new errors_1.LuagenError('this ioredis client does not build Command objects through sendCommand()');
        const classes = guardedClassesOf(built.constructor);
        Guarded = client.isCluster === true ? classes.cluster : classes.standalone;
        guardedByClient.set(owner, Guarded);
    }
    Object.defineProperty(client, GUARDED_CLASS, { value: Guarded });
    return Guarded;
}
/** A script command for `client` (or a pipeline of it) that is written at most once. */
function guardedCommand(client, script, name, args, binary) {
    const Guarded = guardedClassFor(client);
    const options = client.options;
    const command = new Guarded(name, args, {
        keyPrefix: options.keyPrefix,
        replyEncoding: binary ? null : 'utf8',
        errorStack: options.showFriendlyErrorStack ? new Error() : undefined,
    });
    command.luagenScript = script;
    command.luagenPhase = NEW;
    command.luagenSettled = false;
    return command;
}
/** Whether a guarded command was ever written (so the outcome of its batch is unknown once it fails). */
function wasWritten(command) {
    return command.luagenPhase !== NEW;
}
/** Whether a re-send of the command was refused (its batch then fails with EXECABORT). */
function wasRefused(command) {
    return command.luagenPhase === REFUSED_PHASE;
}
/** Hands a guarded command to the client (or a pipeline) to write; returns the command. */
function sendCommand(client, command) {
    client.sendCommand.call(client, command);
    return command;
}
/** The promise of a sent guarded command, rejecting with its typed error: one promise more, for the rarer paths. */
function sentGuarded(command) {
    return command.promise.catch((error) => Promise.reject(typedError(command, error)));
}
