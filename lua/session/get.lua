--- Reads a session and records the access: last access becomes now and the idle timeout starts over.
--- Null when the session is missing or expired. Times come from the Redis server clock.
--- Key layout (all session scripts): session:{<user>}:<id> holds one session (a hash: data, created,
--- accessed, ttl_ms) and sessions:{<user>} indexes a user's sessions (a sorted set of session key names
--- scored by expiry time in ms). All keys of one user share the {<user>} hash tag, hence one cluster slot.
--- @key session             the session hash, e.g. session:{user42}:3f2a
--- @key index               the user's session index, e.g. sessions:{user42}
--- @return [data: json, createdMs: integer, accessedMs: integer]?  accessedMs: now, the time of this access
local stored = redis.call('HMGET', KEYS[1], 'data', 'created', 'ttl_ms')
local ttl_ms = tonumber(stored[3])
if not stored[1] or ttl_ms == nil then
  return nil
end

local time = redis.call('TIME')
local now_ms = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
redis.call('HSET', KEYS[1], 'accessed', now_ms)
redis.call('PEXPIRE', KEYS[1], ttl_ms)
redis.call('ZADD', KEYS[2], now_ms + ttl_ms, KEYS[1])
if redis.call('PTTL', KEYS[2]) < ttl_ms then
  redis.call('PEXPIRE', KEYS[2], ttl_ms)
end
return { stored[1], tonumber(stored[2]), now_ms }
