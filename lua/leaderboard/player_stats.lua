--- Reads one player's score, 1-based rank (highest score first) and the number of players; null when
--- the player has no score. Single key: cluster-safe as is.
--- @key board               the leaderboard (a sorted set)
--- @arg player string       the player
--- @return [score: number, rank: integer, total: integer]?
--- @readonly
local score = redis.call('ZSCORE', KEYS[1], ARGV[1] or '')
if not score then
  return nil
end
return { score, redis.call('ZREVRANK', KEYS[1], ARGV[1]) + 1, redis.call('ZCARD', KEYS[1]) }
