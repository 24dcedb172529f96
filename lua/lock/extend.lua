#!lua flags=allow-oom
--- Sets a held lock's remaining TTL to ttlMs, but only for its owner (a lost lock is not re-taken:
--- call acquire for that). Single key: cluster-safe as is.
--- @key lock                the lock (a string holding the owner token, with a TTL)
--- @arg owner string        owner token given to acquire (non-empty)
--- @arg ttlMs integer      new remaining lease in ms (>= 1)
--- @return [extended: boolean, ttlMs: integer]  ttlMs: the lock's remaining TTL afterwards (-2: no lock)
--- @error INVALID_ARGUMENT  owner is empty or ttlMs is not an integer in range
--- @include "../shared/integer"

local owner = ARGV[1]
if owner == nil or owner == '' then
  return redis.error_reply('INVALID_ARGUMENT owner must be a non-empty string')
end
local ttl_ms = to_integer(ARGV[2], 1)
if ttl_ms == nil then
  return redis.error_reply('INVALID_ARGUMENT ttlMs must be an integer between 1 and 2^53-1')
end
if redis.call('GET', KEYS[1]) ~= owner then
  return { 0, redis.call('PTTL', KEYS[1]) }
end
redis.call('PEXPIRE', KEYS[1], ttl_ms)
return { 1, ttl_ms }
