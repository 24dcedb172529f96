#!lua
--- Moves a positive integer amount from one balance to another, atomically: the source must exist and
--- hold at least amount, and the target must differ from the source. Nothing is written on any error.
--- A missing target counts as 0. Key layout: from and to must share a hash tag on a cluster, e.g.
--- balance:{bank1}:alice and balance:{bank1}:bob.
--- @key from                balance to debit (a string holding an integer)
--- @key to                  balance to credit (a string holding an integer)
--- @arg amount integer      units to move (>= 1)
--- @return [from: integer, to: integer]  both balances afterwards
--- @error INVALID_ARGUMENT  amount is not an integer between 1 and 2^53-1
--- @error SAME_ACCOUNT      from and to are the same key
--- @error SOURCE_MISSING    the source balance does not exist
--- @error INSUFFICIENT_FUNDS  the source balance is lower than amount
--- @error NOT_INTEGER       a balance holds something other than an integer
--- @error OUT_OF_RANGE      the target would pass 2^53-1, the exact integer range of a double
--- @include "../shared/integer"

local amount = to_integer(ARGV[1], 1)
if amount == nil then
  return redis.error_reply('INVALID_ARGUMENT amount must be an integer between 1 and 2^53-1')
end
if KEYS[1] == KEYS[2] then
  return redis.error_reply('SAME_ACCOUNT cannot transfer from a balance to itself')
end

local stored_from = redis.call('GET', KEYS[1])
if not stored_from then
  return redis.error_reply('SOURCE_MISSING the source balance does not exist')
end
local from = to_integer(stored_from, -MAX_SAFE)
local to = to_integer(redis.call('GET', KEYS[2]) or '0', -MAX_SAFE)
if from == nil or to == nil then
  return redis.error_reply('NOT_INTEGER a balance does not hold an integer')
end
if from < amount then
  return redis.error_reply(string.format('INSUFFICIENT_FUNDS balance %d is lower than %d', from, amount))
end
if to + amount > MAX_SAFE then
  return redis.error_reply('OUT_OF_RANGE the target balance would pass 2^53-1')
end

redis.call('DECRBY', KEYS[1], amount)
redis.call('INCRBY', KEYS[2], amount)
return { from - amount, to + amount }
