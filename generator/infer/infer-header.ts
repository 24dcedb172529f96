import type { Chunk } from 'luaparse';
import { lookupCommand } from '../analyse/command-table';
import { findRedisCalls } from '../analyse/redis-call';
import { slotComments, type SlotComment } from './comment-names';
import { inferReply } from './reply-type';
import { keyPrefixSlots, slotUsage, type SlotUsage } from './slot-usage';

/** A header inferred for a script that has none, and what was certain about it. */
export interface InferredHeader {
  /** The `---` lines to insert, without line ends. */
  readonly lines: readonly string[];
  /** One phrase per fact that was read from the script (`3 keys from the file name`). */
  readonly inferred: readonly string[];
  /** One phrase per fact that was a guess the user should review (`argument types`). */
  readonly guessed: readonly string[];
}

export interface InferInput {
  /** The script's own text (comments name the slots). */
  readonly text: string;
  /** The script with its includes inlined, parsed. */
  readonly chunk: Chunk;
  /** The key count a `name-N.lua` file name states, if any. */
  readonly fileKeyCount: number | undefined;
}

/** Infers KEYS, ARGV, the reply, error codes and read-only-ness from a script body. */
export function inferHeader({ text, chunk, fileKeyCount }: InferInput): InferredHeader {
  const usage = slotUsage(chunk);
  const comments = slotComments(text);
  const inferred: string[] = [];
  const guessed: string[] = [];
  const names = new Set<string>();

  const keys = slots(usage.KEYS, fileKeyCount);
  const keyNames = keys.fixed.map((slot) => uniqueName(comments.KEYS.get(slot), `key${slot}`, names));
  const keyLines = keys.fixed.map((slot, i) => `--- @key ${keyNames[i]}${describe(comments.KEYS.get(slot))}`);
  const prefixes = [...keyPrefixSlots(chunk)].filter((slot) => slot <= keyNames.length).sort((a, b) => a - b);
  if (prefixes.length > 0) inferred.push(`key prefixes ${prefixes.map((slot) => keyNames[slot - 1]).join(', ')}`);
  if (keys.tail) keyLines.push(`--- @key ...${uniqueName(undefined, 'moreKeys', names)}`);
  inferred.push(`${plural(keys.fixed.length, 'key')}${keys.tail ? ' and a variadic tail' : ''}${fileKeyCount !== undefined ? ' (file name)' : ''}`);

  const args = slots(usage.ARGV, undefined);
  const argLines = args.fixed.map((slot) => `--- @arg ${uniqueName(comments.ARGV.get(slot), `arg${slot}`, names)} string${describe(comments.ARGV.get(slot))}`);
  if (args.tail) argLines.push(`--- @arg ...${uniqueName(undefined, 'moreArgs', names)} string`);
  inferred.push(`${plural(args.fixed.length, 'argument')}${args.tail ? ' and a variadic tail' : ''}`);
  if (args.fixed.length > 0 || args.tail) guessed.push('argument types (string)');

  const named = [...comments.KEYS.keys(), ...comments.ARGV.keys()].length;
  const slotsTotal = keys.fixed.length + args.fixed.length;
  if (slotsTotal > 0) (named > 0 ? inferred : guessed).push(named > 0 ? `names of ${Math.min(named, slotsTotal)}/${slotsTotal} slots from comments` : 'slot names');

  const reply = inferReply(chunk);
  (reply.known ? inferred : guessed).push(`reply ${reply.type}`);
  const readonly = isCertainlyReadOnly(chunk);
  if (readonly) inferred.push('read-only');
  if (reply.errorCodes.length > 0) inferred.push(`errors ${reply.errorCodes.join(', ')}`);

  const lines = [
    ...keyLines,
    ...argLines,
    ...prefixes.map((slot) => `--- @prefix ${keyNames[slot - 1]}   keys are built from it: it must carry the call's {hash tag}`),
    `--- @return ${reply.type}${reply.known ? '' : '   the reply as the client delivers it (luagen init could not tell its type)'}`,
    ...reply.errorCodes.map((code) => `--- @error ${code}`),
    ...(readonly ? ['--- @readonly'] : []),
  ];
  return { lines, inferred, guessed };
}

/** The fixed slots to declare and whether a variadic tail follows. */
function slots(usage: SlotUsage, declaredCount: number | undefined): { fixed: number[]; tail: boolean } {
  const fromTail = usage.tailFrom === undefined ? 0 : usage.tailFrom - 1;
  const count = Math.max(usage.highest, fromTail, declaredCount ?? 0);
  const tail = usage.tailFrom !== undefined && declaredCount === undefined;
  return { fixed: Array.from({ length: count }, (_, i) => i + 1), tail };
}

function uniqueName(comment: SlotComment | undefined, fallback: string, taken: Set<string>): string {
  const base = comment?.name ?? fallback;
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
  taken.add(name);
  return name;
}

function describe(comment: SlotComment | undefined): string {
  const text = comment?.description.replace(/\s+/g, ' ').trim();
  return text ? `   ${text}` : '';
}

/** Every Redis call names a known command literally, at least one exists, and none writes. */
function isCertainlyReadOnly(chunk: Chunk): boolean {
  const calls = findRedisCalls(chunk);
  return (
    calls.length > 0 &&
    calls.every((call) => {
      const lookup = lookupCommand(call);
      return lookup.kind === 'known' && !lookup.info.flags.includes('write') && !lookup.info.flags.includes('noscript');
    })
  );
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
