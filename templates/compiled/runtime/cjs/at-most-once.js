"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.guardedCommand = guardedCommand;
exports.wasWritten = wasWritten;
exports.wasRefused = wasRefused;
const errors_1 = require("./errors");
/** An unknown command: Redis answers it with an error, once, and refuses it inside MULTI (EXECABORT). */
const REFUSED_NAME = 'LUAGEN-REFUSED-TO-RESEND-A-WRITE-SCRIPT';
const REFUSED = `*1\r\n$${REFUSED_NAME.length}\r\n${REFUSED_NAME}\r\n`;
function isReplyError(error) {
    return error instanceof Error && error.name === 'ReplyError';
}
/** On a socket: the guarded commands written on it and still awaiting their reply (a property: no map lookup). */
const AWAITING = Symbol('luagen awaiting replies');
function release(command) {
    const socket = command.luagenGuard.socket;
    socket?.[AWAITING]?.delete(command);
}
/** Once the socket closes, no reply can come: every call still waiting on it settles as unknown. */
function watch(target, command) {
    const socket = target;
    let awaiting = socket[AWAITING];
    if (!awaiting) {
        const commands = new Set();
        awaiting = commands;
        socket[AWAITING] = commands;
        socket.once?.('close', () => {
            for (const waiting of [...commands]) {
                if (waiting.luagenGuard.settled || waiting.luagenGuard.phase !== 'sent')
                    continue;
                waiting.reject(new errors_1.ScriptOutcomeUnknownError(waiting.luagenGuard.script, 'the connection closed before the reply arrived'));
            }
            commands.clear();
        });
    }
    awaiting.add(command);
    command.luagenGuard.socket = target;
}
/** The error a call settles with: what the client knows about whether the script ran. */
function typedError(guard, error) {
    if (guard.settled || error instanceof errors_1.LuagenError)
        return error;
    if (isReplyError(error)) {
        return guard.phase === 'refused'
            ? new errors_1.ScriptOutcomeUnknownError(guard.script, 'the connection was lost after the script was sent', { cause: error })
            : error;
    }
    if (guard.phase === 'sent' || guard.phase === 'refused') {
        return new errors_1.ScriptOutcomeUnknownError(guard.script, `no reply (${error.message})`, { cause: error });
    }
    return new errors_1.ScriptNotSentError(guard.script, error.message, { cause: error });
}
/** A reply error reaches the outermost `reject` first (a Cluster wraps it to follow MOVED and ASK). */
function noteReply(command, error) {
    const guard = command.luagenGuard;
    if (guard && guard.phase === 'sent' && isReplyError(error)) {
        guard.phase = 'answered';
        release(command);
    }
}
const guardedClasses = new WeakMap();
function guardedClassOf(Base) {
    const known = guardedClasses.get(Base);
    if (known)
        return known;
    // No class fields: the base constructor calls initPromise() before they would be initialised.
    class GuardedScriptCommand extends Base {
        initPromise() {
            const self = this;
            self.luagenRaw = true;
            super.initPromise();
            self.luagenRaw = false;
            if (self.luagenGuard)
                self.luagenGuard.settled = false;
            const { resolve } = self;
            const reject = self.luagenReject;
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
                if (!guard)
                    return reject(error);
                noteReply(self, error);
                const typed = typedError(guard, error);
                guard.settled = true;
                release(self);
                reject(typed);
            };
        }
        toWritable(socket) {
            const self = this;
            const guard = self.luagenGuard;
            if (guard.settled || guard.phase === 'sent' || guard.phase === 'refused') {
                if (guard.phase === 'sent')
                    guard.phase = 'refused';
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
        get() {
            return this.luagenReject;
        },
        set(reject) {
            // ioredis's own, set inside initPromise: wrapped by ours right after, which observes for both.
            if (this.luagenRaw) {
                this.luagenReject = reject;
                return;
            }
            this.luagenReject = (error) => {
                noteReply(this, error);
                return reject.call(this, error);
            };
        },
    });
    guardedClasses.set(Base, GuardedScriptCommand);
    return GuardedScriptCommand;
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
        Guarded = guardedClassOf(built.constructor);
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
    command.luagenGuard = { script, phase: 'new', settled: false };
    return command;
}
/** Whether a guarded command was ever written (so the outcome of its batch is unknown once it fails). */
function wasWritten(command) {
    return command.luagenGuard.phase !== 'new';
}
/** Whether a re-send of the command was refused (its batch then fails with EXECABORT). */
function wasRefused(command) {
    return command.luagenGuard.phase === 'refused';
}
