#!lua
--- Acquires a lease lock for owner for ttlMs; the same owner acquiring again extends it to ttlMs.
--- Each fresh acquisition takes a new fencing token from the fence counter (strictly increasing per
--- lock, never reused): pass it to the protected resource so it can refuse a writer whose lease expired.
--- Guarantees hold on one Redis instance (or one cluster master): a failover can lose the lock, and a
--- holder that outlives its TTL without extending loses it. Key layout: lock and fence must share a hash
--- tag, e.g. lock:{orders} and lock:{orders}:fence; never expire or delete the fence key.
--- @key lock                the lock (a string holding the owner token, with a TTL)
--- @key fence               the fencing-token counter (persistent)
--- @arg owner string        owner token, unique per holder (non-empty)
--- @arg ttlMs integer      lease length in ms (>= 1)
--- @return [acquired: boolean, ttlMs: integer, token: integer?]  ttlMs: the lock's remaining TTL (the holder's when refused); token: this owner's fencing token (null when refused)
--- @error INVALID_ARGUMENT  owner is empty or ttlMs is not an integer in range
--- @error NOT_INTEGER       the fence key holds something other than an integer
--- @error OUT_OF_RANGE      the fence key reached 2^53-1: no further token can be issued exactly
--- @include "../shared/integer"

local owner = ARGV[1]
if owner == nil or owner == '' then
  return redis.error_reply('INVALID_ARGUMENT owner must be a non-empty string')
end
local ttl_ms = to_integer(ARGV[2], 1)
if ttl_ms == nil then
  return redis.error_reply('INVALID_ARGUMENT ttlMs must be an integer between 1 and 2^53-1')
end

local holder = redis.call('GET', KEYS[1])
local token = to_integer(redis.call('GET', KEYS[2]) or '0', 0)
if token == nil then
  return redis.error_reply('NOT_INTEGER the fence key does not hold an integer')
end
if holder == owner then
  redis.call('PEXPIRE', KEYS[1], ttl_ms)
  return { 1, ttl_ms, token }
end
if holder then
  return { 0, redis.call('PTTL', KEYS[1]) }
end
if token >= MAX_SAFE then
  return redis.error_reply('OUT_OF_RANGE the fence key reached 2^53-1')
end
token = redis.call('INCR', KEYS[2])
redis.call('SET', KEYS[1], owner, 'PX', ttl_ms)
return { 1, ttl_ms, token }
