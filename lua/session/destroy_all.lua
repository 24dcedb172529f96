--- Deletes every session of one user and the user's index; returns how many sessions existed.
--- Key layout (all session scripts): session:{<user>}:<id> holds one session (a hash: data, created,
--- accessed, ttl_ms) and sessions:{<user>} indexes a user's sessions (a sorted set of session key names
--- scored by expiry time in ms). All keys of one user share the {<user>} hash tag, hence one cluster slot.
--- The session keys come from the index, not from KEYS: this is safe on a cluster because create only
--- indexes a key that carries the index key's hash tag, and this script checks every listed key again
--- (KEY_LAYOUT, before deleting anything), so each key it deletes lives in the index key's slot.
--- @key index               the user's session index, e.g. sessions:{user42}
--- @return integer          sessions deleted (expired ones are not counted)
--- @error KEY_LAYOUT        the index key has no {hash tag}, or lists a key with another tag
local function hash_tag(key)
  local open = string.find(key, '{', 1, true)
  if open then
    local close = string.find(key, '}', open + 1, true)
    if close and close > open + 1 then
      return string.sub(key, open + 1, close - 1)
    end
  end
  return nil
end

local CHUNK = 1000

local tag = hash_tag(KEYS[1])
if tag == nil then
  return redis.error_reply('KEY_LAYOUT the index key must carry a {hash tag}, e.g. sessions:{user42}')
end
local sessions = redis.call('ZRANGE', KEYS[1], 0, -1)
for _, key in ipairs(sessions) do
  if hash_tag(key) ~= tag then
    return redis.error_reply('KEY_LAYOUT the index lists a key outside its hash tag')
  end
end

local deleted = 0
for first = 1, #sessions, CHUNK do
  deleted = deleted + redis.call('DEL', unpack(sessions, first, math.min(first + CHUNK - 1, #sessions)))
end
redis.call('DEL', KEYS[1])
return deleted
