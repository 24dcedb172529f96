#!lua
--- Reads a session and records the access: last access becomes now and the idle timeout starts over.
--- Null when the session is missing or expired. Times come from the Redis server clock.
--- Key layout (all session scripts): `<p>sessions:{<user>}` indexes a user's sessions (a sorted set of
--- session key names scored by expiry time in ms) and `<p>session:{<user>}:<id>` holds one session (a hash:
--- data, created, accessed, ttl_ms). `<p>` is whatever precedes (a namespace, an ioredis keyPrefix: the
--- script sees it) and is the same for both keys; `<user>` has no braces; `<id>` is not empty. All keys of
--- one user share the `{<user>}` hash tag, hence one cluster slot. Every session script refuses keys outside
--- this layout (KEY_LAYOUT) before it writes, so an index only ever lists session keys of its own user and
--- prefix.
--- @key session             the session hash, e.g. session:{user42}:3f2a
--- @key index               the user's session index, e.g. sessions:{user42}
--- @return [data: json, createdMs: integer, accessedMs: integer]?  accessedMs: now, the time of this access
--- @error KEY_LAYOUT        the keys do not follow the session layout
--- @error NOT_INTEGER       the session hash holds a created or ttl_ms field that is not an integer
--- @include "../shared/integer"
--- @include "../shared/session_layout"

if not is_session_key(KEYS[1], session_key_start(KEYS[2])) then
  return redis.error_reply('KEY_LAYOUT the keys must be <p>session:{<user>}:<id> and <p>sessions:{<user>}, e.g. session:{user42}:3f2a and sessions:{user42}')
end
local stored = redis.call('HMGET', KEYS[1], 'data', 'created', 'ttl_ms')
if not stored[1] then
  return nil
end
local ttl_ms = to_integer(stored[3], 1)
if ttl_ms == nil or ttl_ms > 1000000000000 or to_integer(stored[2], 0) == nil then
  return redis.error_reply('NOT_INTEGER the session hash holds a created or ttl_ms field that is not an integer')
end
-- ZCARD: an index of another type fails here, before anything is written.
redis.call('ZCARD', KEYS[2])

local time = redis.call('TIME')
local now_ms = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
redis.call('HSET', KEYS[1], 'accessed', now_ms)
redis.call('PEXPIRE', KEYS[1], ttl_ms)
redis.call('ZADD', KEYS[2], now_ms + ttl_ms, KEYS[1])
if redis.call('PTTL', KEYS[2]) < ttl_ms then
  redis.call('PEXPIRE', KEYS[2], ttl_ms)
end
return { stored[1], tonumber(stored[2]), now_ms }
