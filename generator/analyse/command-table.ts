import { exists, getKeyIndexes } from '@ioredis/commands';
import type { RedisCall } from './redis-call';
import { literalText } from './redis-call';

interface CommandEntry {
  readonly arity: number;
  readonly flags: readonly string[];
  readonly subcommands?: Readonly<Record<string, CommandEntry>>;
}

// The package exposes flags and key positions but not arity: read its table directly.
const TABLE: Readonly<Record<string, CommandEntry>> = require('@ioredis/commands/built/commands.json');

/** What the command table says about one literal command (or container command + subcommand). */
export interface CommandInfo {
  /** As a user writes it: `ZADD`, `CLIENT LIST`. */
  readonly display: string;
  /** Redis arity: the exact count of words (name included) when positive, the minimum when negative. */
  readonly arity: number;
  readonly flags: readonly string[];
  /** The lower-case command name (the container for subcommands), for @ioredis/commands. */
  readonly name: string;
  /** 1, or 2 for a subcommand (`CLIENT LIST`). */
  readonly nameWords: number;
}

export type CommandLookup =
  | { readonly kind: 'known'; readonly info: CommandInfo }
  | { readonly kind: 'no-such-command'; readonly name: string }
  /** The name is not a literal, or the subcommand cannot be read: nothing is certain. */
  | { readonly kind: 'unresolved' };

export const COMMAND_NAMES: readonly string[] = Object.keys(TABLE).map((name) => name.toUpperCase());

const LOOKUPS = new WeakMap<RedisCall, CommandLookup>();

/** Finds the command a call runs, resolving `CLIENT LIST`-style subcommands when the second word is literal. */
export function lookupCommand(call: RedisCall): CommandLookup {
  const cached = LOOKUPS.get(call);
  if (cached) return cached;
  const lookup = resolveCommand(call);
  LOOKUPS.set(call, lookup);
  return lookup;
}

function resolveCommand(call: RedisCall): CommandLookup {
  const literal = call.nameLiteral?.value;
  if (literal === undefined || literal === null) return { kind: 'unresolved' };
  const name = literal.toLowerCase();
  if (!exists(name)) return { kind: 'no-such-command', name: literal };
  const entry = TABLE[name];
  if (!entry) return { kind: 'unresolved' };
  if (!entry.subcommands) return { kind: 'known', info: { display: literal.toUpperCase(), arity: entry.arity, flags: entry.flags, name, nameWords: 1 } };
  const second = call.args[1] ? literalText(call.args[1]) : undefined;
  const sub = second === undefined ? undefined : entry.subcommands[second.toLowerCase()];
  if (!sub || second === undefined) return { kind: 'unresolved' };
  const display = `${literal.toUpperCase()} ${second.toUpperCase()}`;
  return { kind: 'known', info: { display, arity: sub.arity, flags: sub.flags, name, nameWords: 2 } };
}

/** 0-based positions (over the arguments after the name) that hold keys; undefined when unknowable. */
export function keyPositions(info: CommandInfo, args: readonly (string | undefined)[]): number[] | undefined {
  const words = args.map((arg) => arg ?? '\u0000');
  try {
    return getKeyIndexes(info.name, words);
  } catch {
    return undefined;
  }
}
