#!lua
--- Sets a string key to a new value only if it currently holds the expected value (optimistic update).
--- A missing key never matches. Without ttlMs the key keeps its TTL (SET KEEPTTL); with it the TTL is
--- replaced. Single key: cluster-safe as is.
--- @key key                 the string key
--- @arg expected string     the value the key must hold now
--- @arg value string        the value to store when it does
--- @arg ttlMs? integer     new TTL in ms (>= 1); omitted: keep the current TTL
--- @return [applied: boolean, current: string?]  whether it was set, and the key's value afterwards (null: missing)
--- @error INVALID_ARGUMENT  expected or value is missing, or ttlMs is not an integer in range
--- @include "../shared/integer"

local expected = ARGV[1]
local value = ARGV[2]
if expected == nil or value == nil then
  return redis.error_reply('INVALID_ARGUMENT expected and value are required')
end
local ttl_ms = nil
if ARGV[3] ~= nil then
  ttl_ms = to_integer(ARGV[3], 1)
  if ttl_ms == nil then
    return redis.error_reply('INVALID_ARGUMENT ttlMs must be an integer between 1 and 2^53-1')
  end
end

local current = redis.call('GET', KEYS[1])
if current ~= expected then
  return { 0, current }
end
if ttl_ms ~= nil then
  redis.call('SET', KEYS[1], value, 'PX', ttl_ms)
else
  redis.call('SET', KEYS[1], value, 'KEEPTTL')
end
return { 1, value }
