// Compiled (never run) by test/generator/compile.test.ts under the strictest compiler options: the generated
// client must type-check in any application, and its types must say what the scripts take and return.
import Redis from 'ioredis';
import { bindScripts, FlagsStatsReply, ShopPriceError, type ShopCartAddItemsReply } from '../.generated/compile-types';

export async function usage(redis: Redis): Promise<string> {
  const scripts = bindScripts(redis);
  const lines: ShopCartAddItemsReply = await scripts.shop.cart.addItems({ cart: 'c', indexes: ['i1', 'i2'], mode: 'set' });
  const withNote = await scripts.shop.cart.addItems({ cart: 'c', indexes: [], mode: 'increment', note: 'gift' });
  const price = await scripts.shop.price({ product: 'p', rate: 0.2, rounded: true, meta: { a: 1 }, blob: Buffer.from([0]), tags: ['x'] });
  const gross: number = price.gross;
  const blob: Buffer | null = price.blob;
  const stats: FlagsStatsReply = await scripts.flags.stats({ stats: 'k' });
  const pong: string = await scripts.flags.ping();
  const pongFromEmpty: string = await scripts.flags.ping({});
  const nothing: null = await scripts.flags.maybe({ target: 't' });
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
  scripts.flags.ping.queue(multi, {});
  const fromMulti: Record<string, number> = queued.read(await multi.exec());
  const raw = await redis.luagen_flags_stats('k');
  return JSON.stringify([lines, withNote, gross, blob, stats, pong, pongFromEmpty, nothing, fromMulti, raw]);
}
