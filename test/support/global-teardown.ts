/** jest globalTeardown: stops the server started by global-setup.ts, if any. */
import type { RedisHandle } from './redis-server';
import { HANDLE_KEY } from './global-setup';

type GlobalWithHandle = typeof globalThis & { [HANDLE_KEY]?: RedisHandle };

export default async function globalTeardown(): Promise<void> {
  const g = globalThis as GlobalWithHandle;
  const handle = g[HANDLE_KEY];
  if (!handle) return;
  delete g[HANDLE_KEY];
  delete process.env.REDIS_URL;
  await handle.stop();
}
