// Must NOT compile: test/generator/compile.test.ts expects exactly the errors marked on each line.
import Redis from 'ioredis';
import { bindScripts } from '../.generated/compile-types';

export async function misuse(redis: Redis): Promise<void> {
  const scripts = bindScripts(redis);
  await scripts.shop.price({ product: 'p', rate: '0.2', rounded: true, meta: 1, blob: Buffer.from([]), tags: [] }); // error: TS2322
  await scripts.shop.cart.addItems({ cart: 'c', indexes: [], mode: 'replace' }); // error: TS2322
  await scripts.shop.cart.addItems({ cart: 'c', mode: 'set' }); // error: TS2345
  await scripts.flags.stats({ stats: 'k', extra: 1 }); // error: TS2353
  const total: string = (await scripts.shop.price({ product: 'p', rate: 1, rounded: true, meta: 1, blob: Buffer.from([]), tags: [] })).net; // error: TS2322
  console.log(total);
  await redis.luagen_flags_stats(); // error: TS2554
  await scripts.flags.ping({ value: 1 }); // error: TS2322
  scripts.flags.ping.queue(redis.pipeline(), { value: 1 }); // error: TS2322
}
