#!lua flags=allow-oom
--- Reads a string key and sets its TTL in the same step (GETEX ... PX); a missing key stays missing.
--- Single key: cluster-safe as is.
--- @key key                the string key
--- @arg ttlMs integer     new TTL in ms (>= 1)
--- @return string?         the value, or null when the key is missing
--- @error INVALID_ARGUMENT  ttlMs is not an integer in range
local MAX_SAFE = 9007199254740991

-- The library's integer format, for arguments and stored values alike: 0, or digits without a leading
-- zero after an optional '-', at most 2^53-1 in magnitude (what INCRBY accepts and writes, exact in Lua).
local function to_integer(text, min)
  if type(text) ~= 'string' or #text > 17 or not (text == '0' or string.find(text, '^%-?[1-9]%d*$')) then
    return nil
  end
  local value = tonumber(text)
  if value < min or value > MAX_SAFE then
    return nil
  end
  return value
end

local ttl_ms = to_integer(ARGV[1], 1)
if ttl_ms == nil then
  return redis.error_reply('INVALID_ARGUMENT ttlMs must be an integer between 1 and 2^53-1')
end
return redis.call('GETEX', KEYS[1], 'PX', ttl_ms)
