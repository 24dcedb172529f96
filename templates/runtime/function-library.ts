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

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : '';
}

/** FCALL of a function the server does not have: `ERR Function not found`. */
export function isFunctionMissing(error: unknown): boolean {
  return /Function not found/i.test(messageOf(error));
}

/** FUNCTION LOAD of a library the server has: `ERR Library '<name>' already exists`. */
export function isAlreadyLoaded(error: unknown): boolean {
  return /^ERR Library '.*' already exists/.test(messageOf(error));
}

/**
 * FUNCTION LOAD through `send`, a library the server already has counting as loaded (FUNCTION LOAD without
 * REPLACE answers "already exists", which leaves the loaded one as is).
 */
export async function loadFunctions(send: (code: string) => Promise<unknown>, library: FunctionLibrary): Promise<void> {
  try {
    await send(library.code);
  } catch (error) {
    if (!isAlreadyLoaded(error)) throw error;
  }
}

/** Loads in flight, per client: many calls that miss the library at once share one load. */
const loading = new WeakMap<object, Map<string, Promise<void>>>();

/** Runs `load` for the client and library unless one is in flight, which is then shared. */
export function loadOnce(client: object, library: FunctionLibrary, load: () => Promise<void>): Promise<void> {
  const inFlight = loading.get(client) ?? new Map<string, Promise<void>>();
  loading.set(client, inFlight);
  const pending = inFlight.get(library.name);
  if (pending) return pending;
  const started = load().finally(() => inFlight.delete(library.name));
  inFlight.set(library.name, started);
  return started;
}
