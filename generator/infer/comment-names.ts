/**
 * Names of KEYS / ARGV slots as existing scripts document them in comments, in the common forms:
 * `KEYS[1] 'wait'`, `KEYS[2] "meta"`, `-- KEYS[1]: the lock key`, `KEYS[1] -> key`, `ARGV[3] job id`.
 */
export interface SlotComment {
  readonly name: string;
  readonly description: string;
}

/** A comment line that starts with the slot (after bullets), so that `copy KEYS[1] to KEYS[2]` is not a name. */
const SLOT_LINE = /^\s*[-*•]*\s*(KEYS|ARGV)\[(\d+)\]\s*(?:[:=,-]+>?\s*)?(.*)$/;
const QUOTED = /^(['"])([^'"]+)\1[\s,]*(.*)$/;
const ARTICLES = new Set(['the', 'a', 'an']);
const MAX_WORDS = 3;

/** Slot names found in the comments of `text` (line comments and `--[[ ]]` blocks), by table and slot. */
export function slotComments(text: string): Record<'KEYS' | 'ARGV', Map<number, SlotComment>> {
  const found = { KEYS: new Map<number, SlotComment>(), ARGV: new Map<number, SlotComment>() };
  for (const line of commentLines(text)) {
    const match = SLOT_LINE.exec(line);
    if (!match) continue;
    const table = match[1] as 'KEYS' | 'ARGV';
    const slot = Number(match[2]);
    const comment = describe(match[3].replace(/\b(KEYS|ARGV)\[.*$/, '').trim());
    if (comment && !found[table].has(slot)) found[table].set(slot, comment);
  }
  return found;
}

function describe(rest: string): SlotComment | undefined {
  const quoted = QUOTED.exec(rest);
  if (quoted) {
    const name = identifier(quoted[2].split(/\s+/));
    return name ? { name, description: quoted[3].trim() } : undefined;
  }
  const pattern = keyPatternName(rest);
  if (pattern) return { name: pattern, description: rest };
  const words = rest.replace(/[.,;(\[{].*$/, '').split(/\s+/).filter((w) => w !== '' && !ARTICLES.has(w.toLowerCase()));
  const name = identifier(words.slice(0, MAX_WORDS));
  return name ? { name, description: rest } : undefined;
}

/**
 * A comment that shows the key's pattern (`tq:{<queue>}:pending`) names it by its last word (`pending`), or
 * by a parenthesised note when that word is too short (`tq:{q}:t: (task hash prefix)` → `taskHashPrefix`).
 */
function keyPatternName(rest: string): string | undefined {
  const [token = ''] = rest.split(/\s+/);
  if (!token.includes(':')) return undefined;
  const words = token.replace(/\{[^}]*\}|<[^>]*>/g, '').split(':').filter((w) => /^[A-Za-z][A-Za-z0-9_-]*$/.test(w));
  const last = words[words.length - 1];
  if (last && last.length >= 3) return identifier([last]);
  const note = /\(([^)]+)\)/.exec(rest)?.[1];
  return note ? identifier(note.split(/\s+/).filter((w) => !ARTICLES.has(w.toLowerCase())).slice(0, MAX_WORDS)) : last && identifier([last]);
}

/** `['events', 'stream', 'key']` → `eventsStreamKey`; undefined when nothing usable is left. */
function identifier(words: readonly string[]): string | undefined {
  const parts = words.flatMap((w) => w.split(/[^A-Za-z0-9]+/)).filter((w) => w !== '');
  if (parts.length === 0) return undefined;
  const joined = parts.map((p, i) => (i === 0 ? p.charAt(0).toLowerCase() + p.slice(1) : p.charAt(0).toUpperCase() + p.slice(1))).join('');
  return /^[A-Za-z_]/.test(joined) ? joined : undefined;
}

/** The text of every comment line: `-- x` lines and the lines inside `--[[ ... ]]` blocks. */
function commentLines(text: string): string[] {
  const lines: string[] = [];
  let inBlock: string | undefined;
  for (const raw of text.split(/\r?\n/)) {
    if (inBlock !== undefined) {
      const end = raw.indexOf(inBlock);
      lines.push(end < 0 ? raw : raw.slice(0, end));
      if (end >= 0) inBlock = undefined;
      continue;
    }
    const block = /--\[(=*)\[(.*)$/.exec(raw);
    if (block) {
      const close = `]${block[1]}]`;
      const end = block[2].indexOf(close);
      lines.push(end < 0 ? block[2] : block[2].slice(0, end));
      if (end < 0) inBlock = close;
      continue;
    }
    const comment = raw.indexOf('--');
    if (comment >= 0) lines.push(raw.slice(comment + 2));
  }
  return lines;
}
