import Redis from 'ioredis';
import Redis5, { type RedisOptions as Redis5Options } from 'ioredis5';
import type { RedisOptions } from 'ioredis';

/** The two ioredis generations, each with its default protocol (ioredis 6: RESP3, ioredis 5: RESP2). */
export const DELIVERY_CLIENTS = [
  { name: 'ioredis 6', connect: (url: string, options: RedisOptions = {}) => new Redis(url, options) },
  { name: 'ioredis 5', connect: (url: string, options: RedisOptions = {}) => new Redis5(url, options as unknown as Redis5Options) as unknown as Redis },
] as const;

/** How a call ended: the error's class name (so that a run on an older runtime can be counted too). */
export type Outcome = 'acknowledged' | 'ScriptOutcomeUnknownError' | 'ScriptNotSentError' | string;

export async function outcomeOf(call: () => Promise<unknown> | unknown): Promise<Outcome> {
  try {
    await call();
    return 'acknowledged';
  } catch (error) {
    return error instanceof Error ? error.name : String(error);
  }
}

export function countOutcomes(outcomes: readonly Outcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const outcome of outcomes) counts[outcome] = (counts[outcome] ?? 0) + 1;
  return counts;
}

/** Resolves to 'unsettled' when the promise has not settled after `ms`. */
export function settledWithin<T>(promise: Promise<T>, ms: number): Promise<T | 'unsettled'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'unsettled'>((resolve) => (timer = setTimeout(() => resolve('unsettled'), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Until `stop()`: kills the connection named `name` (CLIENT KILL ID) every `everyMs`; returns the kill count. */
export function killRepeatedly(admin: Redis, name: string, everyMs: number): { stop(): Promise<number> } {
  let running = true;
  let kills = 0;
  const loop = (async () => {
    while (running) {
      const list = (await admin.client('LIST')) as string;
      const line = list.split('\n').find((l) => l.includes(` name=${name} `));
      const id = line ? /id=(\d+)/.exec(line)?.[1] : undefined;
      if (id) kills += Number(await admin.client('KILL', 'ID', id));
      await sleep(everyMs);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return kills;
    },
  };
}

/** Set LUAGEN_DELIVERY_REPORT=1 to print the counts a test measured. */
export function report(label: string, values: Record<string, unknown>): void {
  if (process.env.LUAGEN_DELIVERY_REPORT) process.stdout.write(`${label}: ${JSON.stringify(values)}\n`);
}

/**
 * What Redis applied against how the calls ended: acknowledged never exceeds applied, applied never exceeds
 * acknowledged + unknown, and no call failed any other way. Reports the counts (LUAGEN_DELIVERY_REPORT=1).
 */
export function expectHonest(label: string, applied: number, counts: Record<string, number>, kills: number): void {
  report(label, { applied, kills, ...counts });
  const acknowledged = counts.acknowledged ?? 0;
  const unknown = counts.ScriptOutcomeUnknownError ?? 0;
  expect(Object.keys(counts).filter((k) => !['acknowledged', 'ScriptOutcomeUnknownError', 'ScriptNotSentError'].includes(k))).toEqual([]);
  expect(kills).toBeGreaterThan(0);
  expect(applied).toBeGreaterThanOrEqual(acknowledged);
  expect(applied).toBeLessThanOrEqual(acknowledged + unknown);
}
