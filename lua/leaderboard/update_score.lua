#!lua
--- Sets a player's score, or adds to it, and returns the score and 1-based rank (highest score first).
--- Scores are doubles returned as Redis formats them, so 1500.5 stays 1500.5. Single key: cluster-safe.
--- @key board               the leaderboard (a sorted set)
--- @arg player string       the player (non-empty)
--- @arg score number        the new score, or the amount to add (finite)
--- @arg mode? 'set' | 'increment'  set (the default) replaces the score, increment adds to it
--- @return [score: number, rank: integer]  the player's score and rank afterwards
--- @error INVALID_ARGUMENT  player is empty, score is not a finite number, or mode is unknown
--- @error OUT_OF_RANGE      the incremented score would not be a finite number

local function is_finite(value)
  return value == value and value ~= math.huge and value ~= -math.huge
end

-- A decimal number as JavaScript's String(n) writes it (1500.5, -2, 1e+21, 5e-324): no spaces, no hex.
local function to_finite(text)
  if type(text) ~= 'string' then
    return nil
  end
  if not (string.find(text, '^%-?%d*%.?%d*$') or string.find(text, '^%-?%d*%.?%d*[eE][-+]?%d+$')) then
    return nil
  end
  local value = tonumber(text)
  if value == nil or not is_finite(value) then
    return nil
  end
  return value
end

local player = ARGV[1]
if player == nil or player == '' then
  return redis.error_reply('INVALID_ARGUMENT player must be a non-empty string')
end
local score = to_finite(ARGV[2])
if score == nil then
  return redis.error_reply('INVALID_ARGUMENT score must be a finite number')
end
local mode = ARGV[3] or 'set'
if mode ~= 'set' and mode ~= 'increment' then
  return redis.error_reply("INVALID_ARGUMENT mode must be 'set' or 'increment'")
end

local stored
if mode == 'increment' then
  local current = tonumber(redis.call('ZSCORE', KEYS[1], player) or '0')
  if not is_finite(current + score) then
    return redis.error_reply('OUT_OF_RANGE the new score would not be a finite number')
  end
  stored = redis.call('ZINCRBY', KEYS[1], score, player)
else
  redis.call('ZADD', KEYS[1], score, player)
  stored = redis.call('ZSCORE', KEYS[1], player)
end
return { stored, redis.call('ZREVRANK', KEYS[1], player) + 1 }
