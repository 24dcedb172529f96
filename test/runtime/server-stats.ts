import type { Redis } from 'ioredis';

/** Calls per command since the last CONFIG RESETSTAT (`INFO commandstats`), e.g. `{ evalsha_ro: 1 }`. */
export async function commandCalls(admin: Redis): Promise<Record<string, number>> {
  const info = await admin.info('commandstats');
  const calls: Record<string, number> = {};
  for (const match of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) calls[match[1]!] = Number(match[2]);
  return calls;
}

/** Error replies the server sent since the last CONFIG RESETSTAT (unknown commands included). */
export async function errorReplies(admin: Redis): Promise<number> {
  const info = await admin.info('stats');
  return Number(/^total_error_replies:(\d+)/m.exec(info)?.[1] ?? NaN);
}

/** The script commands the server ran since the last reset, with their call counts. */
export async function scriptCommandCalls(admin: Redis): Promise<Record<string, number>> {
  const calls = await commandCalls(admin);
  return Object.fromEntries(Object.entries(calls).filter(([name]) => /^eval/.test(name)));
}
