import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/**
 * Synthetic corpora of annotated scripts of realistic size (15 to 45 lines, like the scripts in lua/),
 * generated on the fly (never committed). Five shapes cycle; every file is distinct (its constants,
 * names and messages carry its index), so nothing can be shared between files by content.
 */

const TO_INTEGER = `local MAX_SAFE = 9007199254740991

local function to_integer(text, min)
  if type(text) ~= 'string' or not string.find(text, '^%-?%d+$') then
    return nil
  end
  local value = tonumber(text)
  if value < min or value > MAX_SAFE then
    return nil
  end
  return value
end
`;

function limiter(i: number): string {
  return `--- Fixed-window limiter number ${i}: admits at most limit requests per window of windowMs.
--- Refused requests are not counted. Single key: cluster-safe as is.
--- @key counter             the window's counter (a string holding an integer, with a TTL)
--- @arg limit integer       requests admitted per window (>= 0)
--- @arg windowMs integer    window length in ms (>= 1)
--- @return [allowed: boolean, count: integer, remaining: integer, resetMs: integer]
--- @error INVALID_ARGUMENT  limit or windowMs is not an integer in range
${TO_INTEGER}
local limit = to_integer(ARGV[1], 0)
local window_ms = to_integer(ARGV[2], 1)
if limit == nil or window_ms == nil then
  return redis.error_reply('INVALID_ARGUMENT limiter ${i}: limit and windowMs must be integers')
end
local count = redis.call('INCR', KEYS[1])
if count == 1 then
  redis.call('PEXPIRE', KEYS[1], window_ms)
end
local reset_ms = redis.call('PTTL', KEYS[1])
if count > limit then
  redis.call('DECR', KEYS[1])
  return { 0, count - 1, 0, reset_ms }
end
return { 1, count, limit - count, reset_ms }
`;
}

function lock(i: number): string {
  return `--- Acquires lock ${i} for an owner with a lease, or extends it when the owner already holds it.
--- @key lock                the lock (a string holding the owner token)
--- @arg owner string        owner token (non-empty)
--- @arg leaseMs integer     lease in ms (>= 1)
--- @arg mode 'acquire' | 'extend'  whether a free lock may be taken
--- @return [acquired: boolean, holder: string?, ttlMs: integer]
--- @error INVALID_ARGUMENT  owner is empty or leaseMs is not a positive integer
local owner = ARGV[1]
local lease_ms = tonumber(ARGV[2])
local mode = ARGV[3]
if owner == nil or owner == '' or lease_ms == nil or lease_ms < 1 then
  return redis.error_reply('INVALID_ARGUMENT lock ${i}: owner and leaseMs are required')
end
local holder = redis.call('GET', KEYS[1])
if holder == owner then
  redis.call('PEXPIRE', KEYS[1], lease_ms)
  return { 1, owner, lease_ms }
end
if holder or mode == 'extend' then
  local ttl = redis.call('PTTL', KEYS[1])
  return { 0, holder, ttl }
end
redis.call('SET', KEYS[1], owner, 'PX', lease_ms)
return { 1, owner, lease_ms }
`;
}

function leaderboard(i: number): string {
  return `--- Top entries of leaderboard ${i}, highest score first, with 1-based ranks.
--- @key board               the leaderboard (a sorted set)
--- @arg count integer       how many entries (>= 1)
--- @return [member: string, score: number, rank: integer][]
--- @error INVALID_ARGUMENT  count is not an integer between 1 and 2^53-1
--- @readonly
${TO_INTEGER}
local count = to_integer(ARGV[1], 1)
if count == nil then
  return redis.error_reply('INVALID_ARGUMENT board ${i}: count must be a positive integer')
end
local flat = redis.call('ZREVRANGE', KEYS[1], 0, count - 1, 'WITHSCORES')
local entries = {}
for index = 1, #flat, 2 do
  local rank = (index + 1) / 2
  entries[rank] = { flat[index], flat[index + 1], rank }
end
return entries
`;
}

function transfer(i: number): string {
  return `--- Moves an amount between two balances of ledger ${i}, atomically.
--- @key from                balance to debit
--- @key to                  balance to credit
--- @key lastMemo            the last transfer's memo (same hash tag as the balances on a cluster)
--- @arg amount integer      units to move (>= 1)
--- @arg memo? string        free text kept with the last transfer
--- @return [from: integer, to: integer]
--- @error INVALID_ARGUMENT  amount is not a positive integer
--- @error INSUFFICIENT_FUNDS  the source balance is lower than amount
local amount = tonumber(ARGV[1])
if amount == nil or amount < 1 or amount % 1 ~= 0 then
  return redis.error_reply('INVALID_ARGUMENT ledger ${i}: amount must be a positive integer')
end
local balance = tonumber(redis.call('GET', KEYS[1]) or '0')
if balance < amount then
  return redis.error_reply('INSUFFICIENT_FUNDS ledger ${i}: balance ' .. balance .. ' < ' .. amount)
end
local from = redis.call('DECRBY', KEYS[1], amount)
local to = redis.call('INCRBY', KEYS[2], amount)
if ARGV[2] ~= nil then
  redis.call('SET', KEYS[3], ARGV[2])
end
return { from, to }
`;
}

function hashFields(i: number): string {
  return `--- Sets fields of record ${i} and returns how many were new, plus the record's field count.
--- @key record              the record (a hash)
--- @arg ttlSeconds integer  TTL for the record (>= 1)
--- @arg ...pairs string     field, value, field, value, ...
--- @return table<string, string>  the record after the update
--- @error INVALID_ARGUMENT  no pairs, or an odd number of values
local ttl = tonumber(ARGV[1])
if ttl == nil or ttl < 1 or #ARGV < 3 or (#ARGV - 1) % 2 ~= 0 then
  return redis.error_reply('INVALID_ARGUMENT record ${i}: give a TTL and field, value pairs')
end
for first = 2, #ARGV, 2 do
  redis.call('HSET', KEYS[1], ARGV[first], ARGV[first + 1])
end
redis.call('EXPIRE', KEYS[1], ttl)
return redis.call('HGETALL', KEYS[1])
`;
}

const SHAPES = [limiter, lock, leaderboard, transfer, hashFields];
const SHAPE_NAMES = ['limiter', 'lock', 'top', 'transfer', 'set_fields'];

/** `area07/limiter_0035.lua`: 20 areas (fewer when the corpus is small). */
export function corpusFile(i: number, size: number): { path: string; text: string } {
  const areas = Math.max(1, Math.min(20, Math.ceil(size / 5)));
  const shape = i % SHAPES.length;
  const area = `area${String(i % areas).padStart(2, '0')}`;
  return { path: `${area}/${SHAPE_NAMES[shape]}_${String(i).padStart(4, '0')}.lua`, text: SHAPES[shape]!(i) };
}

/** Writes a corpus of `size` scripts under `dir` (emptied first). Returns its total size in bytes and lines. */
export async function writeCorpus(dir: string, size: number): Promise<{ bytes: number; lines: number }> {
  await fs.rm(dir, { recursive: true, force: true });
  let bytes = 0;
  let lines = 0;
  for (let i = 0; i < size; i++) {
    const file = corpusFile(i, size);
    const target = path.join(dir, file.path);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, file.text);
    bytes += Buffer.byteLength(file.text);
    lines += file.text.split('\n').length - 1;
  }
  return { bytes, lines };
}
