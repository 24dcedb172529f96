#!lua
--- Adds an integer to a counter and keeps the key's TTL (INCRBY never touches it, unlike GET + SET).
--- A missing key counts as 0. With ttlMs, a key that has no TTL yet (a new key or a persistent one)
--- gets that TTL; an existing TTL is never reset. Single key: cluster-safe as is.
--- @key counter            the counter (a string holding an integer)
--- @arg by integer         amount to add, may be negative or 0
--- @arg ttlMs? integer    TTL in ms (>= 1) for a key that has none
--- @return [value: integer, ttlMs: integer]  the new value and the key's TTL in ms afterwards (-1: none)
--- @error INVALID_ARGUMENT  by or ttlMs is not an integer in range
--- @error NOT_INTEGER       the key holds something other than an integer
--- @error OUT_OF_RANGE      the result would leave the exact integer range of a double (+-(2^53-1))
--- @include "../shared/integer"

local by = to_integer(ARGV[1], -MAX_SAFE)
if by == nil then
  return redis.error_reply('INVALID_ARGUMENT by must be an integer between -(2^53-1) and 2^53-1')
end
local ttl_ms = nil
if ARGV[2] ~= nil then
  ttl_ms = to_integer(ARGV[2], 1)
  if ttl_ms == nil then
    return redis.error_reply('INVALID_ARGUMENT ttlMs must be an integer between 1 and 2^53-1')
  end
end

local stored = redis.call('GET', KEYS[1])
local current = 0
if stored then
  current = to_integer(stored, -MAX_SAFE)
  if current == nil then
    return redis.error_reply('NOT_INTEGER the counter does not hold an integer')
  end
end
local value = current + by
if value > MAX_SAFE or value < -MAX_SAFE then
  return redis.error_reply('OUT_OF_RANGE the result would exceed 2^53-1 in magnitude')
end

redis.call('INCRBY', KEYS[1], by)
local ttl = redis.call('PTTL', KEYS[1])
if ttl_ms ~= nil and ttl == -1 then
  redis.call('PEXPIRE', KEYS[1], ttl_ms)
  ttl = ttl_ms
end
return { value, ttl }
