#!lua
--- Fixed-window rate limiter: admits at most limit requests per window of windowMs, the window
--- starting at the first admitted request (the counter key's TTL, set by the Redis server). Refused
--- requests are not counted, so count never exceeds limit. Single key: cluster-safe as is.
--- @key counter             the window's counter (a string holding an integer, with a TTL)
--- @arg limit integer       requests admitted per window (>= 0; 0 refuses everything)
--- @arg windowMs integer   window length in ms (>= 1)
--- @return [allowed: boolean, count: integer, remaining: integer, resetMs: integer]  resetMs: ms until the window ends (0: no window open)
--- @error INVALID_ARGUMENT  limit or windowMs is not an integer in range
--- @error NOT_INTEGER       the counter key holds something other than a count
--- @include "../shared/integer"

local limit = to_integer(ARGV[1], 0)
if limit == nil then
  return redis.error_reply('INVALID_ARGUMENT limit must be an integer between 0 and 2^53-1')
end
local window_ms = to_integer(ARGV[2], 1)
if window_ms == nil then
  return redis.error_reply('INVALID_ARGUMENT windowMs must be an integer between 1 and 2^53-1')
end

local count = to_integer(redis.call('GET', KEYS[1]) or '0', 0)
if count == nil then
  return redis.error_reply('NOT_INTEGER the counter key holds something other than a count')
end
local reset_ms = redis.call('PTTL', KEYS[1])
if reset_ms == -1 then
  -- A counter without a TTL (set by hand, or PERSIST) would never reset: its window starts now.
  redis.call('PEXPIRE', KEYS[1], window_ms)
  reset_ms = window_ms
end
if count >= limit then
  return { 0, count, 0, math.max(reset_ms, 0) }
end

count = redis.call('INCR', KEYS[1])
if reset_ms == -2 then
  -- A new window: it starts with this request.
  redis.call('PEXPIRE', KEYS[1], window_ms)
  reset_ms = window_ms
end
return { 1, count, limit - count, reset_ms }
