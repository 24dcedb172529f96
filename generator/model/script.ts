import type { LuaType } from './lua-type';

/** A KEYS slot. */
export interface KeyParam {
  readonly name: string;
  readonly description: string;
  /** `@key ...name`: the rest of KEYS, passed as an array. */
  readonly variadic: boolean;
}

/** An ARGV slot. */
export interface ArgParam {
  readonly name: string;
  readonly description: string;
  readonly type: LuaType;
  readonly optional: boolean;
  /** `@arg ...name type`: the rest of ARGV, passed as an array. */
  readonly variadic: boolean;
}

export interface ErrorCodeDecl {
  readonly code: string;
  readonly description: string;
}

/**
 * One script, as the emitters see it: no source spans, names resolved, the Lua text final.
 */
export interface ScriptModel {
  /** Dotted name, e.g. `ratelimit.slidingWindow`. */
  readonly id: string;
  /** Folders below the source root, camelCased, e.g. `['ratelimit']`. */
  readonly namespace: readonly string[];
  /** The function name, e.g. `slidingWindow`. */
  readonly name: string;
  /** The exported spec, and the stem of the exported type names, e.g. `ratelimitSlidingWindow`. */
  readonly exportName: string;
  /** The ioredis command name given to `defineCommand`, e.g. `luagen_ratelimit_slidingWindow`. */
  readonly command: string;
  /** POSIX path of the .lua file as given to the generator, e.g. `lua/ratelimit/sliding_window.lua`. */
  readonly sourcePath: string;
  /** POSIX path of the emitted module, relative to the output folder, without extension. */
  readonly modulePath: string;
  readonly description: string;
  readonly keys: readonly KeyParam[];
  readonly args: readonly ArgParam[];
  readonly returns: LuaType;
  /** The free text after the `@return` type. */
  readonly returnDescription: string;
  readonly errors: readonly ErrorCodeDecl[];
  readonly readonly: boolean;
  /** `@idempotent`: calls take a `requestId`; the first reply is kept this long and returned to replays. */
  readonly idempotent: { readonly ttlSeconds: number } | undefined;
  /** False when the server profile predates Redis 7.0 (no shebang, no EVALSHA_RO): read-only calls use EVALSHA. */
  readonly readOnlyCommands: boolean;
  /** The script flags (shebang `flags=`, with `no-writes` for @readonly); a Functions target registers them. */
  readonly flags: readonly string[];
  /** The exact text sent to Redis (shebang flags applied). */
  readonly lua: string;
  readonly sha1: string;
  /** Lines luagen added above the file's first line (a shebang); subtract from `user_script:N`. */
  readonly lineOffset: number;
  /** 0-based positions of the keys and arguments declared `@prefix`; both empty when there are none. */
  readonly prefixes: { readonly keys: readonly number[]; readonly args: readonly number[] };
  /**
   * For a script with includes: where runs of lines of `lua` come from, as `[first line in lua, file, its
   * line there]`, in order. Empty when the script is one file.
   */
  readonly sources: readonly (readonly [number, string, number])[];
}

/** Everything the emitters need. */
export interface ProjectModel {
  readonly scripts: readonly ScriptModel[];
}
