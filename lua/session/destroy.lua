--- Deletes a session and removes it from its user's index.
--- Key layout (all session scripts): session:{<user>}:<id> holds one session (a hash: data, created,
--- accessed, ttl_ms) and sessions:{<user>} indexes a user's sessions (a sorted set of session key names
--- scored by expiry time in ms). All keys of one user share the {<user>} hash tag, hence one cluster slot.
--- @key session             the session hash, e.g. session:{user42}:3f2a
--- @key index               the user's session index, e.g. sessions:{user42}
--- @return boolean          whether the session existed
local existed = redis.call('DEL', KEYS[1]) == 1
redis.call('ZREM', KEYS[2], KEYS[1])
return existed
