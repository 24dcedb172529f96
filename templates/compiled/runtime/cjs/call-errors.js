"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isNoScript = isNoScript;
exports.scriptFailure = scriptFailure;
exports.decodeReply = decodeReply;
const errors_1 = require("./errors");
const replies_1 = require("./replies");
/** The code the Lua around an `@idempotent` script answers with for a request id reused with other input. */
const REQUEST_ID_REUSED = 'LUAGEN_REQUEST_ID_REUSED';
const LINE = /user_(?:script|function):(\d+)/;
/**
 * What Redis appends to an error raised (not returned) by a script, ` script: <sha1>, on @user_script:N.`, or by a
 * function, ` script: <function name>, on @user_function:N.`
 */
const RAISED_SUFFIX = / script: \w+, on @user_(?:script|function):\d+\.$/;
/** Redis answered that the script is not in its cache: it did not run, so sending it in full is safe. */
function isNoScript(error) {
    return error instanceof Error && error.message.startsWith('NOSCRIPT');
}
/** An error Redis replied with, as ioredis raises it (node-redis passes its own test, see scriptFailure). */
function isIoredisReplyError(error) {
    return error.name === 'ReplyError';
}
/**
 * Maps an error raised while a script ran to a typed error (declared code) or a located ScriptError. Anything
 * but an error reply from Redis (`isReplyError`) is returned as it is.
 */
function scriptFailure(declaration, error, isReplyError = isIoredisReplyError) {
    if (!(error instanceof Error) || !isReplyError(error))
        return error;
    const message = error.message;
    if (declaration.idempotent && message.startsWith(REQUEST_ID_REUSED))
        return new errors_1.RequestIdReusedError(declaration.id, message);
    const coded = codedError(declaration, message, error);
    if (coded)
        return coded;
    const line = LINE.exec(message);
    // A function's line counts from the top of its library.
    const location = line ? sourceLocation(declaration, Number(line[1]) - (declaration.function?.lineOffset ?? 0)) : undefined;
    return new errors_1.ScriptError(declaration.id, location, message, { cause: error });
}
/** `user_script:N` as `file:line`: the script's own file, or the include that holds line N. */
function sourceLocation(declaration, scriptLine) {
    let found;
    for (const run of declaration.sources ?? [])
        if (run[0] <= scriptLine)
            found = run;
    if (!found)
        return `${declaration.sourcePath}:${scriptLine - declaration.lineOffset}`;
    return `${found[1]}:${scriptLine - found[0] + found[2]}`;
}
function codedError(declaration, message, cause) {
    if (!declaration.errorClass)
        return undefined;
    // `{err = 'CODE detail'}` arrives as is; some paths prefix ERR.
    const prefixed = message.startsWith('ERR ') && !declaration.errorCodes.includes('ERR') ? message.slice(4) : message;
    // `error({err = 'CODE'})` arrives as `CODE script: <sha1>, on @user_script:N.`
    const body = prefixed.replace(RAISED_SUFFIX, '');
    const space = body.indexOf(' ');
    const code = space < 0 ? body : body.slice(0, space);
    if (!declaration.errorCodes.includes(code))
        return undefined;
    const detail = space < 0 ? '' : body.slice(space + 1);
    return new declaration.errorClass(declaration.id, code, detail, message, { cause });
}
/** Decodes a reply, naming the script when it does not match the declared type. */
function decodeReply(declaration, raw) {
    try {
        return declaration.decode ? declaration.decode(raw) : declaration.reply.decode(raw, 'reply');
    }
    catch (error) {
        if (error instanceof replies_1.ReplyMismatch) {
            throw new errors_1.ScriptReplyError(declaration.id, error.path, error.expected, error.received);
        }
        throw error;
    }
}
