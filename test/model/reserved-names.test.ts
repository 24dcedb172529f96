import Redis, { Cluster } from 'ioredis';
import Redis5, { Cluster as Cluster5 } from 'ioredis5';
import { ioredisReservedNames } from '../../generator/model/reserved-names';

/** Every own and inherited member name of an object, as a generated command would shadow it. */
function memberNames(value: object): string[] {
  const names = new Set<string>();
  for (let proto: object | null = value; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const name of Object.getOwnPropertyNames(proto)) names.add(name);
  }
  return [...names].filter((name) => !name.startsWith('_'));
}

describe('the reserved-name list covers every member of real ioredis clients and pipelines', () => {
  const reserved = ioredisReservedNames();
  it.each([
    ['ioredis 6 Redis', () => new Redis({ lazyConnect: true })],
    ['ioredis 6 Cluster', () => new Cluster([{ host: '127.0.0.1', port: 1 }], { lazyConnect: true })],
    ['ioredis 5 Redis', () => new Redis5({ lazyConnect: true })],
    ['ioredis 5 Cluster', () => new Cluster5([{ host: '127.0.0.1', port: 1 }], { lazyConnect: true })],
  ])('%s', (_, create) => {
    const client = create();
    try {
      const pipeline = client.pipeline();
      const missing = [...memberNames(client), ...memberNames(pipeline)].filter((name) => !reserved.has(name));
      expect(missing).toEqual([]);
    } finally {
      client.disconnect();
    }
  });
});
