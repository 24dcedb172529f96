// Compiled (never run) by test/generator/compile.test.ts under the strictest compiler options: the node-redis
// client (`--client node-redis`) takes the clients of both `redis` and `@redis/client`, standalone and cluster,
// RESP2 and RESP3, and types inputs, replies, errors and batches as the ioredis client does.
import { createCluster } from '@redis/client';
import { createClient } from 'redis';
import { bindScripts, preload, FlagsStatsReply, ShopPriceError, type ShopCartAddItemsReply } from '../.generated/compile-node-redis-types';

export async function usage(): Promise<string> {
  const redis = await createClient({ url: 'redis://127.0.0.1:6379' }).connect();
  const resp3 = createClient({ RESP: 3 });
  const cluster = createCluster({ rootNodes: [{ url: 'redis://127.0.0.1:7000' }] });
  const scripts = bindScripts(redis);
  bindScripts(resp3);
  bindScripts(cluster);
  await preload(cluster);
  const lines: ShopCartAddItemsReply = await scripts.shop.cart.addItems({ cart: 'c', indexes: ['i1', 'i2'], mode: 'set' });
  const price = await scripts.shop.price({ product: 'p', rate: 0.2, rounded: true, meta: { a: 1 }, blob: Buffer.from([0]), tags: ['x'] });
  const gross: number = price.gross;
  const blob: Buffer | null = price.blob;
  const stats: FlagsStatsReply = await scripts.flags.stats({ stats: 'k' });
  const pong: string = await scripts.flags.ping();
  try {
    await scripts.shop.price({ product: 'p', rate: 1, rounded: false, meta: null, blob: new Uint8Array(2), tags: [] });
  } catch (error) {
    if (error instanceof ShopPriceError) {
      const code: 'NO_PRICE' = error.code;
      return code;
    }
  }
  const multi = redis.multi();
  const queued = scripts.flags.stats.queue(multi, { stats: 'k' });
  scripts.flags.ping.queue(multi);
  multi.set('k', 'v');
  const fromMulti: Record<string, number> = queued.read(await multi.exec());
  const fromPipeline: Record<string, number> = queued.read(await multi.execAsPipeline());
  const clusterMulti = cluster.multi();
  bindScripts(cluster).flags.ping.queue(clusterMulti);
  // @ts-expect-error: the input is checked at compile time as for ioredis
  await scripts.flags.stats({ stats: 1 });
  return JSON.stringify([lines, gross, blob, stats, pong, fromMulti, fromPipeline]);
}
