import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import Redis from 'ioredis';
import { analyseSource, FIXTURES, REPO_ROOT } from './analyse-source';

/**
 * Proof that the defect fixtures are not false alarms: each planted bug is run on the real Redis, which fails
 * (or mangles the reply) exactly as the diagnostic says. The fixtures are EVALed as written (the header is
 * a Lua comment), with the keys and arguments the generated client would send.
 */
interface RuntimeCase {
  readonly fixture: string;
  /** The code luagen reports for the planted bug. */
  readonly code: string;
  /** Suffixes of the keys to pass (a unique prefix is added). */
  readonly keys: readonly string[];
  readonly args: readonly string[];
  /** Set up keys before the run (prefixed names). */
  readonly setup?: (redis: Redis, keys: readonly string[]) => Promise<unknown>;
  /** Prepended to the source, as luagen emits `#!lua flags=no-writes` for @readonly scripts. */
  readonly shebang?: string;
  /** The error Redis raises, or the mangled reply it sends. */
  readonly expected: { readonly error: RegExp } | { readonly reply: unknown };
}

const REFUSED_ARGUMENT = /Lua redis lib command arguments must be strings or integers/;
const NOT_ALLOWED = /This Redis command is not allowed from script/;
const READONLY_TABLE = /Attempt to modify a readonly table/;
const missingGlobal = (name: string) => new RegExp(`Script attempted to access nonexistent global variable '${name}'`);

const CASES: readonly RuntimeCase[] = [
  { fixture: 'key-index-beyond-header', code: 'LG201', keys: ['n'], args: [], expected: { error: REFUSED_ARGUMENT } },
  { fixture: 'argv-index-zero', code: 'LG201', keys: ['s'], args: ['v'], expected: { error: REFUSED_ARGUMENT } },
  { fixture: 'global-assignment', code: 'LG204', keys: ['n'], args: [], expected: { error: READONLY_TABLE } },
  { fixture: 'global-function', code: 'LG204', keys: ['n'], args: [], expected: { error: READONLY_TABLE } },
  { fixture: 'library-table-assignment', code: 'LG204', keys: ['s'], args: [], expected: { error: READONLY_TABLE } },
  { fixture: 'print-global', code: 'LG205', keys: ['n'], args: [], expected: { error: missingGlobal('print') } },
  { fixture: 'os-time', code: 'LG205', keys: ['t'], args: [], expected: { error: missingGlobal('os') } },
  { fixture: 'misspelled-local', code: 'LG205', keys: ['n'], args: ['2'], expected: { error: missingGlobal('incremnt') } },
  { fixture: 'unknown-command', code: 'LG206', keys: ['z'], args: ['0', '1'], expected: { error: /Unknown Redis command called from script/ } },
  { fixture: 'blocking-command', code: 'LG207', keys: ['q'], args: [], expected: { error: NOT_ALLOWED } },
  { fixture: 'noscript-command', code: 'LG207', keys: ['s'], args: [], expected: { error: NOT_ALLOWED } },
  { fixture: 'eval-in-script', code: 'LG207', keys: ['s'], args: [], expected: { error: NOT_ALLOWED } },
  { fixture: 'xread-block', code: 'LG207', keys: ['x'], args: [], expected: { error: /XREAD command is not allowed with BLOCK option from scripts/ } },
  { fixture: 'wrong-arity', code: 'LG208', keys: ['s', 't'], args: [], expected: { error: /Wrong number of args calling Redis command from script/ } },
  { fixture: 'boolean-argument', code: 'LG209', keys: ['f'], args: [], expected: { error: REFUSED_ARGUMENT } },
  { fixture: 'nil-argument', code: 'LG209', keys: ['h'], args: [], expected: { error: REFUSED_ARGUMENT } },
  { fixture: 'table-argument', code: 'LG209', keys: ['m'], args: ['a', 'b'], expected: { error: REFUSED_ARGUMENT } },
  { fixture: 'readonly-write', code: 'LG211', keys: ['s'], args: [], shebang: '#!lua flags=no-writes\n', expected: { error: /Write commands are not allowed from read-only scripts/ } },
  { fixture: 'no-writes-shebang-write', code: 'LG211', keys: ['n'], args: [], expected: { error: /Write commands are not allowed from read-only scripts/ } },
  {
    fixture: 'nil-in-reply',
    code: 'LG212',
    keys: ['h'],
    args: [],
    setup: (redis, [hash]) => redis.hset(hash, 'name', 'Ada', 'city', 'London'),
    expected: { reply: ['Ada'] }, // 'London' is lost: the array ends at the nil
  },
  {
    fixture: 'fraction-in-reply',
    code: 'LG213',
    keys: ['scores'],
    args: [],
    setup: (redis, [hash]) => redis.hset(hash, 'a', '1', 'b', '2'),
    expected: { reply: [3, 1, 0] }, // the average 1.5 and the factor 0.5 are truncated
  },
  {
    fixture: 'fraction-through-locals',
    code: 'LG213',
    keys: ['price'],
    args: ['0.25'],
    setup: (redis, [price]) => redis.set(price, '10'),
    expected: { reply: 2 }, // 10 * 0.25 = 2.5 arrives as 2
  },
  {
    fixture: 'fraction-after-branch',
    code: 'LG213',
    keys: ['h'],
    args: [],
    setup: (redis, [hash]) => redis.hset(hash, 'a', '1', 'b', '2'),
    expected: { reply: [2, 1] }, // the mean 1.5 arrives as 1
  },
  {
    fixture: 'nil-comparison',
    code: 'LG215',
    keys: ['name'],
    args: ['me'],
    expected: { reply: 'taken' }, // the name was free, but `GET == nil` never holds: it is never claimed
  },
];

describe('planted bugs fail on the real Redis as the diagnostics say', () => {
  let redis: Redis;
  const prefix = `lg-analyse:${process.pid}:${Math.random().toString(36).slice(2)}:`;

  beforeAll(() => {
    const url = process.env.REDIS_URL;
    if (!url) throw new Error('REDIS_URL is not set: run the tests through jest (test/support/global-setup.ts)');
    redis = new Redis(url);
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it.each(CASES.map((c) => [c.fixture, c] as const))('%s', async (_name, c) => {
    const file = `${FIXTURES}/defects/${c.fixture}.lua`;
    const source = await fs.readFile(path.join(REPO_ROOT, file), 'utf8');
    expect(analyseSource(source, file).map((d) => d.code)).toContain(c.code);

    const keys = c.keys.map((k) => `${prefix}${c.fixture}:${k}`);
    await c.setup?.(redis, keys);
    const run = redis.eval(`${c.shebang ?? ''}${source}`, keys.length, ...keys, ...c.args);
    if ('error' in c.expected) await expect(run).rejects.toThrow(c.expected.error);
    else await expect(run).resolves.toEqual(c.expected.reply);
  });

  it('after redis.setresp(3) a missing value does arrive as nil (LG215 stays silent there)', async () => {
    const source = "redis.setresp(3)\nreturn redis.call('GET', KEYS[1]) == nil and 'nil' or 'not nil'";
    await expect(redis.eval(source, 1, `${prefix}resp3:missing`)).resolves.toBe('nil');
    await expect(redis.eval("return redis.call('GET', KEYS[1]) == nil and 'nil' or 'not nil'", 1, `${prefix}resp2:missing`)).resolves.toBe('not nil');
  });
});
