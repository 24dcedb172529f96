--- Moves an amount between two balances, atomically.
--- @key from                balance to debit
--- @key to                  balance to credit
--- @arg amount integer      units to move, > 0
--- @return [from: integer, to: integer]
--- @error INSUFFICIENT_FUNDS  the source balance is lower than amount
local amount = tonumber(ARGV[1])
local balance = tonumber(redis.call('GET', KEYS[1]) or '0')
if balance < amount then
  return redis.error_reply('INSUFFICIENT_FUNDS balance ' .. balance .. ' < ' .. amount)
end
local from = redis.call('DECRBY', KEYS[1], amount)
local to = redis.call('INCRBY', KEYS[2], amount)
return {from, to}
