#!lua
--- Sets many fields of a hash at once and returns how many were new and the hash's field count.
--- Works for any number of fields: HSET is called with at most 1000 pairs at a time (a single unpack of
--- tens of thousands of values overflows Lua's stack). Single key: cluster-safe as is.
--- @key hash                the hash
--- @arg ...pairs string     field, value, field, value, ... (at least one pair)
--- @return [added: integer, fields: integer]  fields that did not exist before, and the field count afterwards
--- @error INVALID_ARGUMENT  no pairs, or an odd number of values
local CHUNK_VALUES = 2000

if #ARGV == 0 or #ARGV % 2 ~= 0 then
  return redis.error_reply('INVALID_ARGUMENT pairs must be field, value, ... with at least one pair')
end

-- HLEN first: a key of another type fails here, before anything is written.
redis.call('HLEN', KEYS[1])
local added = 0
for first = 1, #ARGV, CHUNK_VALUES do
  added = added + redis.call('HSET', KEYS[1], unpack(ARGV, first, math.min(first + CHUNK_VALUES - 1, #ARGV)))
end
return { added, redis.call('HLEN', KEYS[1]) }
