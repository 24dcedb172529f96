/**
 * jest globalSetup: unless REDIS_URL is already set, start ONE standalone
 * Redis for the whole run and publish it to the workers via
 * process.env.REDIS_URL (workers are forked after globalSetup and inherit
 * the environment). All test files share that server, so every test must
 * use unique key names and must not flush it; see redis-server.ts.
 */
import { startRedis, type RedisHandle } from './redis-server';

export const HANDLE_KEY = '__luagenGlobalRedis';

type GlobalWithHandle = typeof globalThis & { [HANDLE_KEY]?: RedisHandle };

export default async function globalSetup(): Promise<void> {
  if (process.env.REDIS_URL) return;
  const handle = await startRedis();
  (globalThis as GlobalWithHandle)[HANDLE_KEY] = handle;
  process.env.REDIS_URL = handle.url;
}
