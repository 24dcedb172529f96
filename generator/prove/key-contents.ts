/** What a key holds before a run: generated data of every Redis type a script commonly reads, or nothing. */
import fc from 'fast-check';

export type KeyContent =
  | { readonly type: 'missing' }
  | { readonly type: 'string'; readonly value: string; readonly ttlMs?: number }
  | { readonly type: 'hash'; readonly fields: readonly (readonly [string, string])[]; readonly ttlMs?: number }
  | { readonly type: 'zset'; readonly members: readonly (readonly [number, string])[]; readonly ttlMs?: number }
  | { readonly type: 'list'; readonly items: readonly string[]; readonly ttlMs?: number }
  | { readonly type: 'set'; readonly members: readonly string[]; readonly ttlMs?: number };

/** A TTL long enough that no key expires while a run (or the shrinking after it) looks at it. */
const ttlMs = fc.option(fc.integer({ min: 60_000, max: 3_600_000 }), { nil: undefined, freq: 2 });

/**
 * Values that make branches meet: small integers (also as floats), the same few words the argument
 * generators use (so an expected value matches a stored one), and arbitrary text.
 */
export const sharedValue: fc.Arbitrary<string> = fc.oneof(
  { withCrossShrink: true },
  { weight: 4, arbitrary: fc.integer({ min: -3, max: 20 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('9007199254740991', '-9007199254740991', '9007199254740992', '1e3') },
  { weight: 2, arbitrary: fc.constantFrom('1.5', '-0.25', '0.1', '2.0') },
  { weight: 3, arbitrary: fc.constantFrom('', 'a', 'b', 'x y') },
  { weight: 2, arbitrary: fc.string({ maxLength: 10 }) },
);

const fieldName = fc.oneof({ weight: 3, arbitrary: fc.constantFrom('a', 'b', 'c', 'data', 'value') }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) });
const score = fc.oneof(fc.integer({ min: -5, max: 100 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }));

// Cross-shrinking: a failing case shrinks towards a missing key, then towards a plain string.
export const keyContent: fc.Arbitrary<KeyContent> = fc.oneof(
  { withCrossShrink: true },
  { weight: 3, arbitrary: fc.constant({ type: 'missing' as const }) },
  { weight: 4, arbitrary: fc.record({ type: fc.constant('string' as const), value: sharedValue, ttlMs }, { requiredKeys: ['type', 'value'] }) },
  {
    weight: 1,
    arbitrary: fc.record({ type: fc.constant('hash' as const), fields: fc.uniqueArray(fc.tuple(fieldName, sharedValue), { minLength: 1, maxLength: 4, selector: (f) => f[0] }), ttlMs }, { requiredKeys: ['type', 'fields'] }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ type: fc.constant('zset' as const), members: fc.uniqueArray(fc.tuple(score, sharedValue), { minLength: 1, maxLength: 4, selector: (m) => m[1] }), ttlMs }, { requiredKeys: ['type', 'members'] }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('list' as const), items: fc.array(sharedValue, { minLength: 1, maxLength: 4 }), ttlMs }, { requiredKeys: ['type', 'items'] }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('set' as const), members: fc.uniqueArray(sharedValue, { minLength: 1, maxLength: 4 }), ttlMs }, { requiredKeys: ['type', 'members'] }) },
);

/** The commands that give `key` its content (none for a missing key). */
export function fillCommands(key: string, content: KeyContent): (string | number)[][] {
  const commands: (string | number)[][] = [];
  switch (content.type) {
    case 'missing':
      return commands;
    case 'string':
      commands.push(['SET', key, content.value]);
      break;
    case 'hash':
      commands.push(['HSET', key, ...content.fields.flat()]);
      break;
    case 'zset':
      commands.push(['ZADD', key, ...content.members.flatMap(([s, m]) => [String(s), m])]);
      break;
    case 'list':
      commands.push(['RPUSH', key, ...content.items]);
      break;
    case 'set':
      commands.push(['SADD', key, ...content.members]);
      break;
  }
  if (content.ttlMs !== undefined) commands.push(['PEXPIRE', key, content.ttlMs]);
  return commands;
}

/** The same as ready-to-paste ioredis calls, e.g. `await redis.hset('k', 'a', '1');`. */
export function fillCode(key: string, content: KeyContent): string[] {
  return fillCommands(key, content).map(([command, ...args]) =>
    `await redis.${String(command).toLowerCase()}(${args.map((a) => (typeof a === 'number' ? String(a) : JSON.stringify(a))).join(', ')});`);
}
