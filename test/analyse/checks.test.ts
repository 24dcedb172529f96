import type { LuagenConfig } from '../../generator/config';
import { analyseSource } from './analyse-source';

/** A script with a one-key, one-argument header (or the given header lines) and the given body. */
function script(body: string, header: readonly string[] = ['@key k  a key', '@arg a string  an argument', '@return nil']): string {
  return `${header.map((line) => `--- ${line}`).join('\n')}\n${body}\n`;
}

const VARIADIC = ['@key ...ks  keys', '@arg ...as string  arguments', '@return nil'];

interface Case {
  readonly title: string;
  readonly source: string;
  /** `code line:column`, in diagnostic order. */
  readonly expected: readonly string[];
  readonly config?: Partial<LuagenConfig>;
}

const CASES: readonly Case[] = [
  // KEYS / ARGV against the header
  { title: 'literal indexes inside the header', source: script("return redis.call('SET', KEYS[1], ARGV[1])"), expected: [] },
  { title: 'KEYS[2] beyond one key', source: script("redis.call('GET', KEYS[2]) return redis.call('SET', KEYS[1], ARGV[1])"), expected: ['LG201 4:19'] },
  { title: 'any index is fine with a variadic tail', source: script("redis.call('MGET', KEYS[1], KEYS[7]) return ARGV[9]", VARIADIC), expected: [] },
  { title: '#ARGV uses every argument', source: script("redis.call('GET', KEYS[1]) return #ARGV"), expected: [] },
  { title: 'unpack(KEYS) uses every key', source: script("return redis.call('DEL', unpack(KEYS)) .. ARGV[1]"), expected: [] },
  { title: 'an unused variadic tail', source: script("return redis.call('GET', KEYS[1])", VARIADIC), expected: ['LG202 2:5'] },
  { title: 'computed index with a variadic tail', source: script("for i = 1, #KEYS do redis.call('DEL', KEYS[i]) end return ARGV[1]", VARIADIC), expected: [] },
  { title: 'a local named KEYS is not the global', source: script("local KEYS = {'x'} return KEYS[5] .. ARGV[1]"), expected: ['LG202 1:5'] },
  // Sandbox
  { title: 'writing into KEYS is allowed', source: script("KEYS[1] = KEYS[1] .. '' return redis.call('SET', KEYS[1], ARGV[1])"), expected: [] },
  { title: 'every sandbox global is known', source: script("local t = {_G, _VERSION, bit, struct, cmsgpack, cjson, coroutine, gcinfo, loadstring, load, rawget, select, next} return redis.call('SET', KEYS[1], ARGV[1])"), expected: [] },
  { title: 'each read of a missing global is reported', source: script("local a = require('x') local b = io.open return redis.call('SET', KEYS[1], ARGV[1])"), expected: ['LG205 4:11', 'LG205 4:34'] },
  { title: 'a global assigned then read is reported once', source: script("x = 1 return redis.call('SET', KEYS[1], x .. ARGV[1])"), expected: ['LG204 4:1'] },
  { title: 'function redis.helper() writes into redis', source: script("function redis.helper() end return redis.call('SET', KEYS[1], ARGV[1])"), expected: ['LG204 4:10'] },
  { title: 'columns count characters, not UTF-8 bytes', source: script("local s = 'héllo' .. missing return redis.call('SET', KEYS[1], ARGV[1])"), expected: ['LG205 4:22'] },
  // Commands
  { title: 'lower-case names and subcommands', source: script("redis.call('object', 'encoding', KEYS[1]) return redis.call('set', KEYS[1], ARGV[1])"), expected: [] },
  { title: 'string-call syntax', source: script("redis.call 'PINGG' return redis.call('SET', KEYS[1], ARGV[1])"), expected: ['LG206 4:12'] },
  { title: 'redis.pcall is checked too', source: script("redis.pcall('HSETT', KEYS[1], 'f', ARGV[1])"), expected: ['LG206 4:13'] },
  { title: 'the pcall(redis.call, ...) idiom is checked', source: script("local ok, v = pcall(redis.call, 'GETT', KEYS[1]) return ARGV[1]"), expected: ['LG206 4:33'] },
  { title: 'a local named redis is not Redis', source: script("local redis = {call = function() end} redis.call('NOPE', KEYS[1], ARGV[1])"), expected: [] },
  { title: 'a computed command name is unknown', source: script("return redis.call(ARGV[1], KEYS[1])"), expected: [] },
  { title: 'an unknown subcommand is unknown, not an error', source: script("redis.call('OBJECT', 'NOSUCH', KEYS[1]) return ARGV[1]"), expected: [] },
  { title: 'EVALSHA, SUBSCRIBE and WAIT are refused', source: script("redis.call('EVALSHA', ARGV[1], 0) redis.call('SUBSCRIBE', 'c') redis.call('WAIT', 1, 0) return KEYS[1]"), expected: ['LG207 4:12', 'LG207 4:46', 'LG207 4:75'] },
  { title: 'XREAD without BLOCK is allowed', source: script("return redis.call('XREAD', 'COUNT', 10, 'STREAMS', KEYS[1], ARGV[1])"), expected: [] },
  { title: 'a spread makes arity unknown', source: script("redis.call('GET', unpack(KEYS)) return redis.call('SET', KEYS[1], unpack(ARGV))"), expected: [] },
  { title: 'a call in the middle counts as one argument', source: script("return redis.call('GET', KEYS[1], tostring(ARGV[1]), KEYS[1])"), expected: ['LG208 4:19'] },
  // Arguments
  { title: 'redis.call{...} passes one table', source: script("return redis.call{'GET', KEYS[1]} .. ARGV[1]"), expected: ['LG209 4:18'] },
  { title: 'false is refused, numbers are not', source: script("redis.call('SET', KEYS[1], false) return redis.call('SET', KEYS[1], 1.5, 'EX', 10) .. ARGV[1]"), expected: ['LG209 4:28'] },
  // Cluster keys
  { title: 'keys through aliases and loops', source: script("local a = KEYS[1] local b = a for _, k in pairs(KEYS) do redis.call('DEL', k) end return redis.call('RENAME', b, KEYS[2] or a)", VARIADIC), expected: ['LG202 2:5'] },
  { title: 'ARGV used as a key', source: script("return redis.call('GET', ARGV[1]) .. KEYS[1]"), expected: ['LG210 4:26'] },
  { title: 'a string.format key', source: script("return redis.call('GET', string.format('u:%s', ARGV[1])) .. KEYS[1]"), expected: ['LG210 4:26'] },
  { title: 'a literal through a local alias', source: script("local key = 'x' local same = key return redis.call('GET', same) .. KEYS[1] .. ARGV[1]"), expected: ['LG210 4:59'] },
  { title: 'a parameter or a table field is unknown: silent', source: script("local function get(k) return redis.call('GET', k) end local t = {k = 'x'} return get(KEYS[1]) .. redis.call('GET', t.k) .. ARGV[1]"), expected: [] },
  { title: 'a local that may hold KEYS or a literal is unknown: silent', source: script("local k = KEYS[1] if ARGV[1] then k = 'x' end return redis.call('GET', k)"), expected: [] },
  { title: 'keys of MSET, ZUNIONSTORE and XREAD', source: script("redis.call('MSET', KEYS[1], ARGV[1], 'b', 'x') redis.call('ZUNIONSTORE', KEYS[1], 2, KEYS[1], 'z') return redis.call('XREAD', 'STREAMS', 's', '0')"), expected: ['LG210 4:38', 'LG210 4:95', 'LG210 4:138'] },
  { title: 'SORT patterns are not keys, its STORE destination is', source: script("return redis.call('SORT', KEYS[1], 'BY', 'nosort', 'GET', '#', 'GET', 'w_*->f', 'STORE', 'dest') .. ARGV[1]"), expected: ['LG210 4:90'] },
  { title: 'a shard channel is not reported as a key', source: script("return redis.call('SPUBLISH', 'chan', ARGV[1]) .. KEYS[1]"), expected: [] },
  { title: 'a value position holding a literal is fine', source: script("return redis.call('HSET', KEYS[1], 'field', 'value', ARGV[1], 'x')"), expected: [] },
  { title: 'an error in cluster mode', source: script("return redis.call('GET', 'x') .. KEYS[1] .. ARGV[1]"), expected: ['LG210 4:26 error'], config: { cluster: true } },
  { title: 'flags=no-cluster opts out', source: `#!lua flags=no-cluster\n${script("return redis.call('GET', 'x') .. KEYS[1] .. ARGV[1]")}`, expected: [] },
  // Read-only
  { title: 'a read-only script that only reads', source: script("return redis.call('GET', KEYS[1]) .. ARGV[1]", ['@key k  a key', '@arg a string  x', '@return string', '@readonly']), expected: [] },
  { title: 'a write through redis.pcall in a read-only script', source: script("redis.pcall('DEL', KEYS[1]) return ARGV[1]", ['@key k  a key', '@arg a string  x', '@return string', '@readonly']), expected: ['LG211 5:13'] },
  // Replies
  { title: 'a trailing nil or false in a returned array is fine', source: script("redis.call('GET', KEYS[1]) if ARGV[1] then return {1, nil} end return {false, 2, nil, nil}"), expected: [] },
  { title: 'a nil in a nested returned array', source: script("redis.call('GET', KEYS[1]) return {ARGV[1], {nil, 2}}"), expected: ['LG212 4:46'] },
  { title: 'a fraction returned for an integer is not flagged', source: script("redis.call('GET', KEYS[1]) return 1.5 .. ARGV[1]", ['@key k  a key', '@arg a string  x', '@return integer']), expected: [] },
  { title: 'a negative fraction for a number', source: script("redis.call('GET', KEYS[1]) return -0.25", ['@key k  a key', '@return number']), expected: ['LG213 3:35'] },
  { title: 'a fraction returned by a nested function is not the reply', source: script("local function half() return 0.5 end return tostring(half()) .. redis.call('GET', KEYS[1])", ['@key k  a key', '@return number']), expected: [] },
  // Fractions followed through locals and arithmetic (number-flow.ts)
  { title: 'a number argument times a stored value, through a local', source: script("local p = tonumber(redis.call('GET', KEYS[1])) local result = p * tonumber(ARGV[1]) return result", ['@key k  a key', '@arg a number  x', '@return number']), expected: ['LG213 4:92'] },
  { title: 'a number argument returned as given is a string: fine', source: script("redis.call('GET', KEYS[1]) return ARGV[1]", ['@key k  a key', '@arg a number  x', '@return number']), expected: [] },
  { title: 'arithmetic turns a number argument into a Lua number', source: script("redis.call('GET', KEYS[1]) return ARGV[1] + 0", ['@key k  a key', '@arg a number  x', '@return number']), expected: ['LG213 4:35'] },
  { title: 'an integer argument in arithmetic is not a fraction', source: script("redis.call('GET', KEYS[1]) local n = tonumber(ARGV[1]) * 3 - 1 return n", ['@key k  a key', '@arg a integer  x', '@return number']), expected: [] },
  { title: 'math.floor of a division is an integer', source: script("local a = tonumber(redis.call('GET', KEYS[1])) local half = math.floor(a / 2) return math.max(half, 1) + #ARGV", ['@key k  a key', '@arg a number  x', '@return number']), expected: [] },
  { title: 'a reassignment through math.floor replaces the fraction', source: script("local x = tonumber(redis.call('GET', KEYS[1])) / 3 x = math.floor(x) return x .. ARGV[1]", ['@key k  a key', '@arg a number  x', '@return string']), expected: [] },
  { title: 'a local reassigned to an integer before the return', source: script("local x = tonumber(redis.call('GET', KEYS[1])) / 3 x = math.ceil(x) if ARGV[1] then return x end return 0", ['@key k  a key', '@arg a number  x', '@return number']), expected: [] },
  { title: 'a branch that returns a string does not leak its fraction', source: script("local r = 1 if KEYS[1] then r = r / 3 return tostring(r) .. ARGV[1] end return r", ['@key k  a key', '@arg a number  x', '@return number']), expected: [] },
  { title: 'a fraction accumulated in a loop', source: script("local t = 0 for i = 1, 3 do t = t + 0.5 end return t + #redis.call('GET', KEYS[1]) + #ARGV", ['@key k  a key', '@arg a string  x', '@return number']), expected: ['LG213 4:52'] },
  { title: 'tonumber of a ZSCORE reply in arithmetic', source: script("local s = redis.call('ZSCORE', KEYS[1], ARGV[1]) if not s then return 0 end return s * 2", ['@key k  a key', '@arg a string  x', '@return number']), expected: ['LG213 4:84'] },
  { title: 'a ZSCORE reply returned as given is a string: fine', source: script("return redis.call('ZSCORE', KEYS[1], ARGV[1])", ['@key k  a key', '@arg a string  x', '@return number']), expected: [] },
  { title: 'only slots declared number are checked', source: script("local a = tonumber(redis.call('GET', KEYS[1])) local avg = a / 2 return {avg, tostring(avg), ARGV[1]}", ['@key k  a key', '@arg a number  x', '@return [half: integer, text: number, raw: number]']), expected: [] },
  { title: 'math.sqrt and math.random() are fractions', source: script("local r = math.sqrt(tonumber(redis.call('GET', KEYS[1]))) return {r, math.random(), math.random(6), ARGV[1]}", ['@key k  a key', '@arg a string  x', '@return number[]']), expected: ['LG213 4:67', 'LG213 4:70'] },
  { title: 'a local assigned inside a function is not followed', source: script("local r = 1 local function f() r = 0.5 end f() return r + #redis.call('GET', KEYS[1]) + #ARGV", ['@key k  a key', '@arg a string  x', '@return number']), expected: [] },
  { title: 'tostring and {double=} are the fix', source: script("redis.call('GET', KEYS[1]) if KEYS[2] then return tostring(1 / 3) end return {double = 1 / 3}", ['@key k  a key', '@key j  another', '@return number']), expected: [] },
  // Suppressions
  { title: 'two codes on one comment', source: script("x = redis.call('GET', 'k') -- luagen-ignore LG204, LG210\nreturn KEYS[1] .. ARGV[1]"), expected: [] },
  { title: 'an ignore that names a parse code', source: script("return redis.call('GET', KEYS[1]) .. ARGV[1] -- luagen-ignore LG005"), expected: ['LG214 4:46'] },
  { title: 'an ignore inside a string is not a comment', source: script("return redis.call('SET', KEYS[1], '-- luagen-ignore LG210') .. ARGV[1]"), expected: [] },
  { title: 'an ignore with no code', source: script("-- luagen-ignore\nreturn redis.call('GET', KEYS[1]) .. ARGV[1]"), expected: ['LG214 4:1'] },
];

describe('analysis checks', () => {
  it.each(CASES.map((c) => [c.title, c] as const))('%s', (_title, c) => {
    const found = analyseSource(c.source, 'lua/test/script.lua', c.config).map((d) => {
      const where = `${d.code} ${d.line}:${d.column}`;
      return d.severity === 'error' && d.code === 'LG210' ? `${where} error` : where;
    });
    expect(found).toEqual(c.expected);
  });

  it('every diagnostic says how to fix it', () => {
    const found = CASES.flatMap((c) => analyseSource(c.source, 'lua/test/script.lua', c.config));
    expect(found.length).toBeGreaterThan(20);
    for (const d of found) expect(d.help?.length ?? 0).toBeGreaterThan(10);
  });
});
