/**
 * The whole key space of the test database, byte for byte: every key's DUMP and PTTL. The database is
 * luagen's own (flushed before every run), so comparing all of it is fair.
 */
import type Redis from 'ioredis';

export interface KeyState {
  readonly dump: Buffer | null;
  readonly pttl: number;
}

export interface Snapshot {
  readonly keys: ReadonlyMap<string, KeyState>;
  /** performance.now() before the first command was sent, and after the last reply arrived. */
  readonly sentAt: number;
  readonly receivedAt: number;
}

export async function takeSnapshot(redis: Redis): Promise<Snapshot> {
  const sentAt = performance.now();
  const names = (await redis.keys('*')).sort();
  const keys = new Map<string, KeyState>();
  if (names.length > 0) {
    const pipeline = redis.pipeline();
    for (const name of names) pipeline.dumpBuffer(name).pttl(name);
    const replies = (await pipeline.exec()) ?? [];
    names.forEach((name, i) => {
      keys.set(name, { dump: replies[2 * i]?.[1] as Buffer | null, pttl: Number(replies[2 * i + 1]?.[1]) });
    });
  }
  return { keys, sentAt, receivedAt: performance.now() };
}

/** Names of the keys that differ: created, deleted, another value, or a TTL that was set, removed or moved. */
export function changedKeys(before: Snapshot, after: Snapshot): string[] {
  // The longest a TTL can have run down between the two reads, however slow the replies were.
  const elapsed = after.receivedAt - before.sentAt;
  const names = new Set([...before.keys.keys(), ...after.keys.keys()]);
  return [...names].filter((name) => !sameState(before.keys.get(name), after.keys.get(name), elapsed)).sort();
}

function sameState(a: KeyState | undefined, b: KeyState | undefined, elapsedMs: number): boolean {
  if (!a || !b) return a === b;
  if (!(a.dump && b.dump ? a.dump.equals(b.dump) : a.dump === b.dump)) return false;
  if (a.pttl < 0 || b.pttl < 0) return a.pttl === b.pttl;
  // An untouched TTL only runs down, by at most the time between the two snapshots.
  const ranDown = a.pttl - b.pttl;
  return ranDown >= 0 && ranDown <= elapsedMs + 2;
}
