import { list as redisCommands } from '@ioredis/commands';
import Redis, { Cluster } from 'ioredis';
import Redis5, { Cluster as Cluster5 } from 'ioredis5';
import { COMMAND_PREFIX } from '../../generator/model/naming';

/** Every own and inherited member name of an object, as a defined command would shadow it. */
function memberNames(value: object): string[] {
  const names = new Set<string>();
  for (let proto: object | null = value; proto; proto = Object.getPrototypeOf(proto)) {
    for (const name of Object.getOwnPropertyNames(proto)) names.add(name);
  }
  return [...names];
}

/** The luagen_ prefix is what lets a script be called get, status or pipeline: nothing of ioredis may use it. */
describe(`no member of a real ioredis client or pipeline, and no Redis command, starts with ${COMMAND_PREFIX}`, () => {
  const prefixed = (names: readonly string[]) => names.filter((name) => name.toLowerCase().startsWith(COMMAND_PREFIX));

  it('Redis commands (@ioredis/commands)', () => {
    expect(redisCommands.length).toBeGreaterThan(200);
    expect(prefixed(redisCommands)).toEqual([]);
  });

  it.each([
    ['ioredis 6 Redis', () => new Redis({ lazyConnect: true })],
    ['ioredis 6 Cluster', () => new Cluster([{ host: '127.0.0.1', port: 1 }], { lazyConnect: true })],
    ['ioredis 5 Redis', () => new Redis5({ lazyConnect: true })],
    ['ioredis 5 Cluster', () => new Cluster5([{ host: '127.0.0.1', port: 1 }], { lazyConnect: true })],
  ])('%s', (_, create) => {
    const client = create();
    try {
      const members = [...memberNames(client), ...memberNames(client.pipeline()), ...memberNames(client.multi())];
      expect(members).toEqual(expect.arrayContaining(['get', 'status', 'pipeline', 'defineCommand']));
      expect(prefixed(members)).toEqual([]);
    } finally {
      client.disconnect();
    }
  });
});
