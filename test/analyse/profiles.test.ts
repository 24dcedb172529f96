import Redis from 'ioredis';
import type { ServerProfileName } from '../../generator/profiles/server-profiles';
import { analyseSource } from './analyse-source';

/**
 * Server profiles on the real redis-server 7.0.15 of the test run: what the redis-7.0 profile refuses fails on
 * that server exactly as the diagnostic says, and what newer profiles allow but redis-7.0 refuses is indeed
 * missing there; what the 6.2 profile refuses but 7.0 allows runs on it. (Other releases are not installed:
 * their differences are held by the golden fixtures test/fixtures/golden/profile-*.)
 */
interface ProfileCase {
  readonly name: string;
  readonly lua: string;
  /** Profiles under which the script builds; under redis-7.0 it must run on 7.0.15 iff it builds there. */
  readonly buildsOn: readonly ServerProfileName[];
  /** The code reported under redis-7.0, and the error 7.0.15 raises, when it does not build there. */
  readonly on70?: { readonly code: string; readonly error: RegExp };
}

const HEADER = '--- A profile case.\n--- @key k\n--- @return integer\n';
const missingGlobal = (name: string) => new RegExp(`Script attempted to access nonexistent global variable '${name}'`);

const CASES: readonly ProfileCase[] = [
  {
    name: 'HEXPIRE (Redis 7.4)',
    lua: `redis.call('HSET', KEYS[1], 'f', 'v')\nreturn redis.call('HEXPIRE', KEYS[1], 10, 'FIELDS', 1, 'f')\n`,
    buildsOn: ['redis-7.4', 'redis-8.0'],
    on70: { code: 'LG217', error: /Unknown Redis command called from script/ },
  },
  {
    name: 'os.clock (Redis 7.4, Valkey 8.0)',
    lua: `local started = os.clock()\nredis.log(redis.LOG_DEBUG, tostring(started))\nreturn redis.call('EXISTS', KEYS[1])\n`,
    buildsOn: ['redis-7.4', 'redis-8.0', 'valkey-8.0'],
    on70: { code: 'LG205', error: missingGlobal('os') },
  },
  {
    name: 'server.call (Valkey)',
    lua: `return server.call('EXISTS', KEYS[1])\n`,
    buildsOn: ['valkey-7.2', 'valkey-8.0'],
    on70: { code: 'LG205', error: missingGlobal('server') },
  },
  {
    name: 'LMPOP (Redis 7.0)',
    lua: `redis.call('RPUSH', KEYS[1], 'a')\nlocal popped = redis.call('LMPOP', 1, KEYS[1], 'LEFT')\nreturn #popped\n`,
    buildsOn: ['redis-7.0', 'redis-7.2', 'redis-7.4', 'redis-8.0', 'valkey-7.2', 'valkey-8.0'],
  },
  {
    name: 'redis.REDIS_VERSION (Redis 7.0)',
    lua: `return redis.call('EXISTS', KEYS[1]) + #redis.REDIS_VERSION\n`,
    buildsOn: ['redis-7.0', 'redis-7.2', 'redis-7.4', 'redis-8.0', 'valkey-7.2', 'valkey-8.0'],
  },
  {
    name: 'a shebang (Redis 7.0)',
    lua: `#!lua flags=allow-oom\n${HEADER}return redis.call('EXISTS', KEYS[1])\n`,
    buildsOn: ['redis-7.0', 'redis-7.2', 'redis-7.4', 'redis-8.0', 'valkey-7.2', 'valkey-8.0'],
  },
];

const ALL: readonly ServerProfileName[] = ['redis-6.2', 'redis-7.0', 'redis-7.2', 'redis-7.4', 'redis-8.0', 'valkey-7.2', 'valkey-8.0'];

const source = (c: ProfileCase) => (c.lua.startsWith('#!') ? c.lua : `${HEADER}${c.lua}`);
const errorCodes = (c: ProfileCase, server: ServerProfileName) =>
  analyseSource(source(c), 'lua/test/profile.lua', { server }).filter((d) => d.severity === 'error').map((d) => d.code);

describe.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, profileCase) => {
  it.each(ALL)('builds on %s only where the server has it', (server) => {
    const codes = errorCodes(profileCase, server);
    if (profileCase.buildsOn.includes(server)) expect(codes).toEqual([]);
    else expect(codes.length).toBeGreaterThan(0);
  });

  it('on redis-server 7.0.15 runs exactly when the redis-7.0 profile accepts it', async () => {
    const redis = new Redis(process.env.REDIS_URL as string);
    try {
      const key = `test:profiles:${Math.random().toString(36).slice(2)}`;
      const outcome = await redis.eval(source(profileCase), 1, key).then(
        () => undefined,
        (error: Error) => error.message,
      );
      if (profileCase.on70) {
        expect(errorCodes(profileCase, 'redis-7.0')).toContain(profileCase.on70.code);
        expect(outcome).toMatch(profileCase.on70.error);
      } else {
        expect(outcome).toBeUndefined();
      }
    } finally {
      await redis.quit();
    }
  });
});
