--- Fixed-window rate limiter used by the benchmark: counts a request in the current window of
--- windowMs and says whether it is within limit. The window starts at the first request (PEXPIRE).
--- @key counter             the window's counter (a string holding an integer, with a TTL)
--- @arg limit integer       requests admitted per window (>= 0)
--- @arg windowMs integer    window length in ms (>= 1)
--- @return [allowed: boolean, count: integer, remaining: integer, resetMs: integer]
local limit = tonumber(ARGV[1])
local window_ms = tonumber(ARGV[2])
local count = redis.call('INCR', KEYS[1])
if count == 1 then
  redis.call('PEXPIRE', KEYS[1], window_ms)
end
local reset_ms = redis.call('PTTL', KEYS[1])
if reset_ms < 0 then
  -- A counter that lost its TTL: start its window now.
  redis.call('PEXPIRE', KEYS[1], window_ms)
  reset_ms = window_ms
end
local remaining = limit - count
if remaining < 0 then
  remaining = 0
end
return { count <= limit and 1 or 0, count, remaining, reset_ms }
