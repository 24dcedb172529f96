/**
 * `--target functions`, what every client shares: the generated library, how a script is called in it, and how
 * the server answers a missing function or a library it already has.
 */
/** The generated library: `#!lua name=<name>` and one `redis.register_function` per script. */
export interface FunctionLibrary {
    readonly name: string;
    readonly code: string;
}
/** How a script is called in the Functions target. */
export interface FunctionBinding {
    /** The registered function name. */
    readonly name: string;
    readonly library: FunctionLibrary;
    /** Lines of the library above the script's first line (`user_function:N` is the script's line N - lineOffset). */
    readonly lineOffset: number;
}
/** FCALL of a function the server does not have: `ERR Function not found`. */
export declare function isFunctionMissing(error: unknown): boolean;
/** FUNCTION LOAD of a library the server has: `ERR Library '<name>' already exists`. */
export declare function isAlreadyLoaded(error: unknown): boolean;
/**
 * FUNCTION LOAD through `send`, a library the server already has counting as loaded (FUNCTION LOAD without
 * REPLACE answers "already exists", which leaves the loaded one as is).
 */
export declare function loadFunctions(send: (code: string) => Promise<unknown>, library: FunctionLibrary): Promise<void>;
/** Runs `load` for the client and library unless one is in flight, which is then shared. */
export declare function loadOnce(client: object, library: FunctionLibrary, load: () => Promise<void>): Promise<void>;
