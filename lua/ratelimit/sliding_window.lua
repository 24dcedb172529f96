#!lua
--- Sliding-window rate limiter: admits a request only if fewer than limit requests were admitted in the
--- last windowMs, by the Redis server's clock (TIME, in microseconds; client clocks are never used).
--- Each admitted request is a sorted-set member scored by its time, named time plus a per-key sequence
--- (INCR on the seq key), so requests in the same microsecond never collapse into one. Refused requests
--- are not recorded. Key layout: log and seq must share a hash tag, e.g. rl:{api:42} and rl:{api:42}:seq.
--- @key log                 sorted set of admitted requests (member: time-seq, score: time in us)
--- @key seq                 companion counter that makes members unique
--- @arg limit integer       requests admitted per sliding window (>= 0; 0 refuses everything)
--- @arg windowMs integer   window length in ms (>= 1)
--- @return [allowed: boolean, count: integer, remaining: integer, retryMs: integer]  count: admitted in the window, this one included; retryMs: ms until the next slot frees (0 when allowed)
--- @error INVALID_ARGUMENT  limit or windowMs is not an integer in range
--- @error NOT_INTEGER       the seq key holds something other than a count
--- @include "../shared/integer"

local limit = to_integer(ARGV[1], 0)
if limit == nil then
  return redis.error_reply('INVALID_ARGUMENT limit must be an integer between 0 and 2^53-1')
end
local window_ms = to_integer(ARGV[2], 1)
if window_ms == nil or window_ms > 1000000000000 then
  return redis.error_reply('INVALID_ARGUMENT windowMs must be an integer between 1 and 10^12')
end

-- Read and check everything before the first write (the pruning below is one).
if to_integer(redis.call('GET', KEYS[2]) or '0', 0) == nil then
  return redis.error_reply('NOT_INTEGER the seq key holds something other than a count')
end
local time = redis.call('TIME')
local now_us = tonumber(time[1]) * 1000000 + tonumber(time[2])
local window_us = window_ms * 1000

-- Forget requests that left the window: the window is (now - window, now].
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now_us - window_us)
local count = redis.call('ZCARD', KEYS[1])
if count >= limit then
  local retry_ms = 0
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  if oldest[2] then
    retry_ms = math.max(math.ceil((tonumber(oldest[2]) + window_us - now_us) / 1000), 0)
  end
  return { 0, count, 0, retry_ms }
end

local seq = redis.call('INCR', KEYS[2])
-- %d, not tostring: Lua prints numbers above 10^14 in exponent form.
redis.call('ZADD', KEYS[1], now_us, string.format('%d-%d', now_us, seq))
redis.call('PEXPIRE', KEYS[1], window_ms)
redis.call('PEXPIRE', KEYS[2], window_ms)
return { 1, count + 1, limit - count - 1, 0 }
