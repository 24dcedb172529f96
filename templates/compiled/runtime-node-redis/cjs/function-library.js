"use strict";
/**
 * `--target functions`, what every client shares: the generated library, how a script is called in it, and how
 * the server answers a missing function or a library it already has.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.isFunctionMissing = isFunctionMissing;
exports.isAlreadyLoaded = isAlreadyLoaded;
exports.loadFunctions = loadFunctions;
exports.loadOnce = loadOnce;
function messageOf(error) {
    return error instanceof Error ? error.message : '';
}
/** FCALL of a function the server does not have: `ERR Function not found`. */
function isFunctionMissing(error) {
    return /Function not found/i.test(messageOf(error));
}
/** FUNCTION LOAD of a library the server has: `ERR Library '<name>' already exists`. */
function isAlreadyLoaded(error) {
    return /^ERR Library '.*' already exists/.test(messageOf(error));
}
/**
 * FUNCTION LOAD through `send`, a library the server already has counting as loaded (FUNCTION LOAD without
 * REPLACE answers "already exists", which leaves the loaded one as is).
 */
async function loadFunctions(send, library) {
    try {
        await send(library.code);
    }
    catch (error) {
        if (!isAlreadyLoaded(error))
            throw error;
    }
}
/** Loads in flight, per client: many calls that miss the library at once share one load. */
const loading = new WeakMap();
/** Runs `load` for the client and library unless one is in flight, which is then shared. */
function loadOnce(client, library, load) {
    const inFlight = loading.get(client) ?? new Map();
    loading.set(client, inFlight);
    const pending = inFlight.get(library.name);
    if (pending)
        return pending;
    const started = load().finally(() => inFlight.delete(library.name));
    inFlight.set(library.name, started);
    return started;
}
