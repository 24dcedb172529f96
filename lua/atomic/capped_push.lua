#!lua
--- Appends items to a list and trims it to its newest cap items, atomically, so the list never holds
--- more than cap. Items are appended in order (RPUSH, in chunks of 1000); the oldest are removed first.
--- Single key: cluster-safe as is.
--- @key list                the list (oldest item first)
--- @arg cap integer         largest length kept (>= 1)
--- @arg ...items string     items to append (at least one)
--- @return [length: integer, removed: string[]]  the new length, and the items trimmed away, oldest first
--- @error INVALID_ARGUMENT  cap is not an integer in range, or no items were given
--- @include "../shared/integer"

local CHUNK = 1000

local cap = to_integer(ARGV[1], 1)
if cap == nil then
  return redis.error_reply('INVALID_ARGUMENT cap must be an integer between 1 and 2^53-1')
end
if #ARGV < 2 then
  return redis.error_reply('INVALID_ARGUMENT at least one item is required')
end

-- LLEN first: a key of another type fails here, before anything is written.
local length = redis.call('LLEN', KEYS[1])
for first = 2, #ARGV, CHUNK do
  length = redis.call('RPUSH', KEYS[1], unpack(ARGV, first, math.min(first + CHUNK - 1, #ARGV)))
end
if length <= cap then
  return { length, {} }
end
local removed = redis.call('LRANGE', KEYS[1], 0, length - cap - 1)
redis.call('LTRIM', KEYS[1], length - cap, -1)
return { cap, removed }
