#!lua flags=allow-oom
--- Releases a lock, but only for its owner: a holder whose lease expired cannot delete the lock a
--- newer owner acquired since. Single key: cluster-safe as is.
--- @key lock                the lock (a string holding the owner token)
--- @arg owner string        owner token given to acquire (non-empty)
--- @return boolean          true when owner held the lock and it is now free
--- @error INVALID_ARGUMENT  owner is empty
local owner = ARGV[1]
if owner == nil or owner == '' then
  return redis.error_reply('INVALID_ARGUMENT owner must be a non-empty string')
end
if redis.call('GET', KEYS[1]) ~= owner then
  return false
end
redis.call('DEL', KEYS[1])
return true
