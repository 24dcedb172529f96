import { parseLua } from '../../generator/parse/lua';
import { slotComments } from '../../generator/infer/comment-names';
import { inferReply } from '../../generator/infer/reply-type';
import { keyPrefixSlots, slotUsage } from '../../generator/infer/slot-usage';

const chunkOf = (source: string) => {
  const { chunk } = parseLua('lua/x.lua', source);
  if (!chunk) throw new Error('does not parse');
  return chunk;
};

describe('slot names from comments', () => {
  it.each([
    ["--[[\n  KEYS[1] 'wait',\n]]", 'wait', ''],
    ['-- KEYS[1]: the lock key', 'lockKey', 'the lock key'],
    ['-- KEYS[1] -> lock key', 'lockKey', 'lock key'],
    ['--   KEYS[1] events stream key', 'eventsStreamKey', 'events stream key'],
    ['-- KEYS[1] -> app:{<tenant>}:sessions', 'sessions', 'app:{<tenant>}:sessions'],
    ['-- KEYS[1] -> q:{<q>}:t: (task prefix)', 'taskPrefix', 'q:{<q>}:t: (task prefix)'],
    ['-- KEYS[1] the job hash (created here)', 'jobHash', 'the job hash (created here)'],
  ])('%j names the slot %s', (comment, name, description) => {
    expect(slotComments(comment).KEYS.get(1)).toEqual({ name, description });
  });

  it('ignores a slot mentioned in the middle of a sentence', () => {
    expect(slotComments('-- copy KEYS[1] to KEYS[2]').KEYS.size).toBe(0);
  });
});

describe('slot usage', () => {
  it.each([
    ['return KEYS[3]', { highest: 3, tailFrom: undefined }],
    ['for i = 2, 5 do redis.call("DEL", KEYS[i]) end', { highest: 5, tailFrom: undefined }],
    ['return #KEYS', { highest: 0, tailFrom: 1 }],
    ['return redis.call("DEL", unpack(KEYS, 3))', { highest: 0, tailFrom: 3 }],
    ['for _, k in ipairs(KEYS) do end return KEYS[2]', { highest: 2, tailFrom: 1 }],
  ])('%s', (source, expected) => {
    expect(slotUsage(chunkOf(source)).KEYS).toEqual(expected);
  });

  it('finds KEYS slots used as name prefixes, directly or through a local', () => {
    expect([...keyPrefixSlots(chunkOf('local p = KEYS[4]\nredis.call("GET", KEYS[2] .. ARGV[1])\nreturn p .. "x"'))].sort()).toEqual([2, 4]);
  });
});

describe('reply inference', () => {
  it.each([
    ['return 1', 'integer', true],
    ['if ARGV[1] then return 1 end', 'integer?', true],
    ["return 'a' .. ARGV[1]", 'string', true],
    ["return redis.call('GET', KEYS[1])", 'string?', true],
    ["local n = redis.call('INCR', KEYS[1])\nreturn n", 'integer', true],
    ["return redis.status_reply('OK')", 'ok', true],
    ["return {1, 2}", 'raw', false],
    ["if ARGV[1] then return 'x' end\nreturn 1", 'raw', false],
    ["redis.call('SET', KEYS[1], 'v')", 'nil', true],
  ])('%j -> %s', (source, type, known) => {
    expect(inferReply(chunkOf(source))).toMatchObject({ type, known });
  });

  it('collects literal error codes from error replies and error tables', () => {
    const source = "if ARGV[1] then return redis.error_reply('TOO_LOW ' .. ARGV[1]) end\nif ARGV[2] then error({err = 'BAD_INPUT'}) end\nreturn {err = 'ERR plain'}";
    expect(inferReply(chunkOf(source)).errorCodes).toEqual(['BAD_INPUT', 'TOO_LOW']);
  });
});
