#!lua flags=allow-oom
--- Reads a string key and sets its TTL in the same step (GETEX ... PX); a missing key stays missing.
--- Single key: cluster-safe as is.
--- @key key                the string key
--- @arg ttlMs integer     new TTL in ms (>= 1)
--- @return string?         the value, or null when the key is missing
--- @error INVALID_ARGUMENT  ttlMs is not an integer in range
--- @include "../shared/integer"

local ttl_ms = to_integer(ARGV[1], 1)
if ttl_ms == nil then
  return redis.error_reply('INVALID_ARGUMENT ttlMs must be an integer between 1 and 2^53-1')
end
return redis.call('GETEX', KEYS[1], 'PX', ttl_ms)
