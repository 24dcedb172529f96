#!lua
--- Adds a positive amount to a counter unless the result would pass an optional maximum; the
--- counter's TTL is kept. A missing key counts as 0. Single key: cluster-safe as is.
--- @key counter             the counter (a string holding an integer)
--- @arg by integer          amount to add (>= 1)
--- @arg max? integer        largest value allowed (inclusive); omitted: no maximum
--- @return [applied: boolean, value: integer]  whether it was added, and the counter's value afterwards
--- @error INVALID_ARGUMENT  by or max is not an integer in range
--- @error NOT_INTEGER       the key holds something other than an integer
--- @error OUT_OF_RANGE      the result would pass 2^53-1, the exact integer range of a double
--- @include "../shared/integer"

local by = to_integer(ARGV[1], 1)
if by == nil then
  return redis.error_reply('INVALID_ARGUMENT by must be an integer between 1 and 2^53-1')
end
local max = MAX_SAFE
if ARGV[2] ~= nil then
  max = to_integer(ARGV[2], -MAX_SAFE)
  if max == nil then
    return redis.error_reply('INVALID_ARGUMENT max must be an integer between -(2^53-1) and 2^53-1')
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
if value > max then
  if ARGV[2] == nil then
    return redis.error_reply('OUT_OF_RANGE the result would pass 2^53-1')
  end
  return { 0, current }
end
redis.call('INCRBY', KEYS[1], by)
return { 1, value }
