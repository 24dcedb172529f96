--- Lists the best count players, highest score first, with their scores and 1-based ranks (players
--- with equal scores get consecutive ranks, in reverse member order as ZREVRANGE gives them). Single
--- key: cluster-safe as is.
--- @key board               the leaderboard (a sorted set)
--- @arg count integer       how many players (>= 1)
--- @return [player: string, score: number, rank: integer][]
--- @error INVALID_ARGUMENT  count is not an integer between 1 and 2^53-1
--- @readonly
--- @include "../shared/integer"

local count = to_integer(ARGV[1], 1)
if count == nil then
  return redis.error_reply('INVALID_ARGUMENT count must be an integer between 1 and 2^53-1')
end
local flat = redis.call('ZREVRANGE', KEYS[1], 0, count - 1, 'WITHSCORES')
local entries = {}
for i = 1, #flat, 2 do
  local rank = (i + 1) / 2
  entries[rank] = { flat[i], flat[i + 1], rank }
end
return entries
