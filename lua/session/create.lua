--- Creates a session that expires ttlMs after its last access (get and update slide the expiry), and
--- adds it to its user's index; refuses an id that exists. Times come from the Redis server clock.
--- Key layout (all session scripts): session:{<user>}:<id> holds one session (a hash: data, created,
--- accessed, ttl_ms) and sessions:{<user>} indexes a user's sessions (a sorted set of session key names
--- scored by expiry time in ms). All keys of one user share the {<user>} hash tag, hence one cluster slot.
--- Create checks that both keys carry the same hash tag: destroy_all relies on it to delete the
--- sessions the index lists, which are not in its KEYS.
--- @key session             the session hash, e.g. session:{user42}:3f2a
--- @key index               the user's session index, e.g. sessions:{user42}
--- @arg ttlMs integer      idle timeout in ms (>= 1)
--- @arg data json           the session's data, stored as given
--- @return ok
--- @error INVALID_ARGUMENT  ttlMs is not an integer in range, or data is not valid JSON
--- @error KEY_LAYOUT        the two keys do not carry the same, non-empty {hash tag}
--- @error SESSION_EXISTS    a session with this key exists
local MAX_SAFE = 9007199254740991

local function to_integer(text, min)
  if type(text) ~= 'string' or not string.find(text, '^%-?%d+$') then
    return nil
  end
  local value = tonumber(text)
  if value < min or value > MAX_SAFE then
    return nil
  end
  return value
end

local function hash_tag(key)
  local open = string.find(key, '{', 1, true)
  if open then
    local close = string.find(key, '}', open + 1, true)
    if close and close > open + 1 then
      return string.sub(key, open + 1, close - 1)
    end
  end
  return nil
end

local ttl_ms = to_integer(ARGV[1], 1)
if ttl_ms == nil or ttl_ms > 1000000000000 then
  return redis.error_reply('INVALID_ARGUMENT ttlMs must be an integer between 1 and 10^12')
end
local data = ARGV[2]
if data == nil or not pcall(cjson.decode, data) then
  return redis.error_reply('INVALID_ARGUMENT data must be valid JSON')
end
local tag = hash_tag(KEYS[1])
if tag == nil or tag ~= hash_tag(KEYS[2]) then
  return redis.error_reply('KEY_LAYOUT session and index keys must share a {hash tag}, e.g. session:{user42}:id and sessions:{user42}')
end
if redis.call('EXISTS', KEYS[1]) == 1 then
  return redis.error_reply('SESSION_EXISTS the session exists')
end

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
