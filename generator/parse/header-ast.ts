import type { Position } from '../diagnostics/diagnostic';
import type { LuaType } from '../model/lua-type';

/** The parsed header of one script, with the source position of every tag (for diagnostics). */
export interface HeaderAst {
  /** Free lines before the first tag. */
  readonly description: readonly string[];
  readonly keys: readonly KeyTag[];
  readonly args: readonly ArgTag[];
  readonly returns: readonly ReturnTag[];
  readonly errors: readonly ErrorTag[];
  /** Keys or string arguments declared as key prefixes (`@prefix name`). */
  readonly prefixes: readonly PrefixTag[];
  /** Where `@readonly` stands, when it does. */
  readonly readonly: Position | undefined;
  /** `@idempotent [ttl]`: exactly-once calls with a caller's request id. */
  readonly idempotent: IdempotentTag | undefined;
  /** The shebang on line 1, when there is one. */
  readonly shebang: ShebangAst | undefined;
  /** Tags that were written but could not be parsed (already reported), e.g. `['return']`. */
  readonly brokenTags: readonly string[];
  /** The first line of the header block (0 when there is none); comments and a licence may stand above it. */
  readonly startLine: number;
  /** The last line of the header block (0 when there is none). */
  readonly endLine: number;
}

export interface IdempotentTag extends Position {
  /** How long a request's first reply is kept, in seconds (default one day). */
  readonly ttlSeconds: number;
}

export interface KeyTag extends Position {
  readonly name: string;
  readonly variadic: boolean;
  readonly description: string;
}

export interface ArgTag extends Position {
  readonly name: string;
  readonly variadic: boolean;
  readonly optional: boolean;
  readonly type: LuaType;
  readonly typePosition: Position;
  readonly description: string;
}

export interface ReturnTag extends Position {
  readonly type: LuaType;
  readonly description: string;
}

/** `@prefix name`: the key or argument `name` is a key prefix; keys built from it share its hash tag. */
export interface PrefixTag extends Position {
  readonly name: string;
  readonly description: string;
}

export interface ErrorTag extends Position {
  readonly code: string;
  readonly description: string;
}

export interface ShebangAst {
  /** The engine named after `#!` (Redis accepts only `lua`). */
  readonly engine: string;
  readonly flags: readonly string[];
  /** Set when the line had no `flags=` part. */
  readonly hasFlags: boolean;
}
