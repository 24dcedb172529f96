--- Replaces a session's data and records the access (the idle timeout starts over); false when the
--- session is missing or expired, which is never re-created. Times come from the Redis server clock.
--- Key layout (all session scripts): session:{<user>}:<id> holds one session (a hash: data, created,
--- accessed, ttl_ms) and sessions:{<user>} indexes a user's sessions (a sorted set of session key names
--- scored by expiry time in ms). All keys of one user share the {<user>} hash tag, hence one cluster slot.
--- @key session             the session hash, e.g. session:{user42}:3f2a
--- @key index               the user's session index, e.g. sessions:{user42}
--- @arg data json           the new data, stored as given
--- @return boolean          whether the session existed and was updated
--- @error INVALID_ARGUMENT  data is not valid JSON
local data = ARGV[1]
if data == nil or not pcall(cjson.decode, data) then
  return redis.error_reply('INVALID_ARGUMENT data must be valid JSON')
end
local ttl_ms = tonumber(redis.call('HGET', KEYS[1], 'ttl_ms'))
if ttl_ms == nil then
  return false
end

local time = redis.call('TIME')
local now_ms = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
redis.call('HSET', KEYS[1], 'data', data, 'accessed', now_ms)
redis.call('PEXPIRE', KEYS[1], ttl_ms)
redis.call('ZADD', KEYS[2], now_ms + ttl_ms, KEYS[1])
if redis.call('PTTL', KEYS[2]) < ttl_ms then
  redis.call('PEXPIRE', KEYS[2], ttl_ms)
end
return true
