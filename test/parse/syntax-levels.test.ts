import Redis from 'ioredis';
import { parseLua } from '../../generator/parse/lua';

/**
 * Redis's Lua refuses to load a script nested deeper than 200 syntax levels. luagen must refuse exactly the
 * scripts Redis refuses: each construct is loaded with SCRIPT LOAD on the real server at depths around the
 * limit, and luagen's verdict must match at every depth.
 */

const TOO_DEEP = /too many syntax levels/;

const repeat = (text: string, n: number) => text.repeat(n);

/**
 * Each construct, nested n times; every script is valid Lua apart from its depth. (Nested for loops and calls
 * with several arguments reach other Lua limits first, 200 locals and 250 registers, which luagen does not model.)
 */
const CONSTRUCTS: Record<string, (n: number) => string> = {
  parentheses: (n) => `return ${repeat('(', n)}1${repeat(')', n)}`,
  'do blocks': (n) => `${repeat('do ', n)}${repeat('end ', n)}return 1`,
  'empty tables': (n) => `return ${repeat('{', n)}${repeat('}', n)}`,
  'keyed tables': (n) => `return ${repeat('{a=', n)}1${repeat('}', n)}`,
  'function expressions': (n) => `return ${repeat('(function() return ', n)}1${repeat(' end)()', n)}`,
  'local functions': (n) => `${repeat('local function f() ', n)}${repeat('end ', n)}return 1`,
  'if blocks': (n) => `local x = 1 ${repeat('if x then ', n)}${repeat('end ', n)}return 1`,
  'if-else blocks': (n) => `local x = 1 ${repeat('if x then else ', n)}${repeat('end ', n)}return 1`,
  'while loops': (n) => `local x = false ${repeat('while x do ', n)}${repeat('end ', n)}return 1`,
  'repeat loops': (n) => `${repeat('repeat ', n)}${repeat('until true ', n)}return 1`,
  'call arguments': (n) => `return ${repeat('tostring(', n)}1${repeat(')', n)}`,
  indexes: (n) => `local t = {} return ${repeat('t[', n)}1${repeat(']', n)}`,
  concatenation: (n) => `local a = 'x' return ${repeat('a .. ', n)}a`,
  powers: (n) => `local a = 1 return ${repeat('a ^ ', n)}a`,
  'additions (left-associative, never deep)': (n) => `local a = 1 return ${repeat('a + ', n)}a`,
  'unary minus': (n) => `return ${repeat('- ', n)}1`,
  'not': (n) => `return ${repeat('not ', n)}true`,
  'mixed precedence': (n) => `local a = 1 return ${repeat('a + a * (', n)}a${repeat(')', n)}`,
  'parenthesised operands': (n) => `local a = 1 return ${repeat('(a) + (', n)}a${repeat(')', n)}`,
  'conditions in parentheses': (n) => `local x = 1 ${repeat('if (x) then ', n)}${repeat('end ', n)}return 1`,
  'assignment to an index': (n) => `local t = {} ${repeat('t[', n)}1${repeat(']', n)} = 1 return 1`,
  'call statements': (n) => `${repeat('tostring(', n)}1${repeat(')', n)}`,
};

const DEPTHS = [...range(60, 70), ...range(95, 102), ...range(190, 203)];

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

describe('nesting depth, as Redis counts it', () => {
  let redis: Redis;

  beforeAll(() => {
    redis = new Redis(process.env.REDIS_URL!);
  });

  afterAll(async () => {
    await redis.quit();
  });

  it.each(Object.keys(CONSTRUCTS))('%s: luagen refuses exactly the depths Redis refuses', async (name) => {
    const mismatches: string[] = [];
    let refusedByRedis = 0;
    for (const n of DEPTHS) {
      const script = CONSTRUCTS[name](n);
      const redisRefuses = await redis.script('LOAD', script).then(
        () => false,
        (error: Error) => {
          if (!TOO_DEEP.test(error.message)) throw error;
          return true;
        },
      );
      const luagenRefuses = parseLua('x.lua', script).diagnostics.some((d) => TOO_DEEP.test(d.message));
      if (redisRefuses) refusedByRedis++;
      if (redisRefuses !== luagenRefuses) mismatches.push(`n=${n}: Redis ${redisRefuses ? 'refuses' : 'loads'}, luagen ${luagenRefuses ? 'refuses' : 'accepts'}`);
    }
    expect(mismatches).toEqual([]);
    if (!name.startsWith('additions')) expect(refusedByRedis).toBeGreaterThan(0);
  });

  it('reports 10,000 levels as a diagnostic with a position, not a stack overflow', () => {
    const parentheses = parseLua('x.lua', CONSTRUCTS.parentheses(10_000)).diagnostics;
    expect(parentheses).toEqual([{ file: 'x.lua', line: 1, column: 208, code: 'LG001', severity: 'error', message: expect.stringMatching(TOO_DEEP), help: expect.any(String) }]);
    const blocks = parseLua('x.lua', `\n${CONSTRUCTS['do blocks'](10_000)}`).diagnostics;
    expect(blocks).toEqual([expect.objectContaining({ line: 2, column: 601, message: expect.stringMatching(TOO_DEEP) })]);
    // A long chain of right-associative operators has no brackets to point at: the file is still named.
    const chain = parseLua('x.lua', CONSTRUCTS.concatenation(10_000)).diagnostics;
    expect(chain).toEqual([expect.objectContaining({ file: 'x.lua', code: 'LG001', message: expect.stringMatching(TOO_DEEP) })]);
  });
});
