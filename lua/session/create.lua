#!lua
--- Creates a session that expires ttlMs after its last access (get and update slide the expiry), and
--- adds it to its user's index; refuses an id that exists. Times come from the Redis server clock.
--- Key layout (all session scripts): `<p>sessions:{<user>}` indexes a user's sessions (a sorted set of
--- session key names scored by expiry time in ms) and `<p>session:{<user>}:<id>` holds one session (a hash:
--- data, created, accessed, ttl_ms). `<p>` is whatever precedes (a namespace, an ioredis keyPrefix: the
--- script sees it) and is the same for both keys; `<user>` has no braces; `<id>` is not empty. All keys of
--- one user share the `{<user>}` hash tag, hence one cluster slot. Every session script refuses keys outside
--- this layout (KEY_LAYOUT) before it writes, so an index only ever lists session keys of its own user and
--- prefix.
--- @key session             the session hash, e.g. session:{user42}:3f2a
--- @key index               the user's session index, e.g. sessions:{user42}
--- @arg ttlMs integer      idle timeout in ms (>= 1)
--- @arg data json           the session's data, stored as given
--- @return ok
--- @error INVALID_ARGUMENT  ttlMs is not an integer in range, or data is not valid JSON
--- @error KEY_LAYOUT        the keys do not follow the session layout
--- @error SESSION_EXISTS    a session with this key exists
--- @include "../shared/integer"
--- @include "../shared/session_layout"

local ttl_ms = to_integer(ARGV[1], 1)
if ttl_ms == nil or ttl_ms > 1000000000000 then
  return redis.error_reply('INVALID_ARGUMENT ttlMs must be an integer between 1 and 10^12')
end
local data = ARGV[2]
if data == nil or not pcall(cjson.decode, data) then
  return redis.error_reply('INVALID_ARGUMENT data must be valid JSON')
end
if not is_session_key(KEYS[1], session_key_start(KEYS[2])) then
  return redis.error_reply('KEY_LAYOUT the keys must be <p>session:{<user>}:<id> and <p>sessions:{<user>}, e.g. session:{user42}:3f2a and sessions:{user42}')
end
if redis.call('EXISTS', KEYS[1]) == 1 then
  return redis.error_reply('SESSION_EXISTS the session exists')
end
-- ZCARD: an index of another type fails here, before anything is written.
redis.call('ZCARD', KEYS[2])

local time = redis.call('TIME')
local now_ms = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
redis.call('HSET', KEYS[1], 'data', data, 'created', now_ms, 'accessed', now_ms, 'ttl_ms', ttl_ms)
redis.call('PEXPIRE', KEYS[1], ttl_ms)
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now_ms)
redis.call('ZADD', KEYS[2], now_ms + ttl_ms, KEYS[1])
if redis.call('PTTL', KEYS[2]) < ttl_ms then
  redis.call('PEXPIRE', KEYS[2], ttl_ms)
end
return redis.status_reply('OK')
