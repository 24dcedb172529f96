#!lua flags=allow-oom
--- Deletes every session of one user and the user's index; returns how many sessions existed. Runs
--- under OOM too: it only frees memory.
--- Key layout (all session scripts): `<p>sessions:{<user>}` indexes a user's sessions (a sorted set of
--- session key names scored by expiry time in ms) and `<p>session:{<user>}:<id>` holds one session (a hash:
--- data, created, accessed, ttl_ms). `<p>` is whatever precedes (a namespace, an ioredis keyPrefix: the
--- script sees it) and is the same for both keys; `<user>` has no braces; `<id>` is not empty. All keys of
--- one user share the `{<user>}` hash tag, hence one cluster slot. Every session script refuses keys outside
--- this layout (KEY_LAYOUT) before it writes, so an index only ever lists session keys of its own user and
--- prefix.
--- The session keys come from the index, not from KEYS: the script deletes a listed name only when it
--- is `<p>session:{<user>}:<id>` for this very index key's `<p>` and `<user>`, hence a key in the caller's
--- own namespace and the index's slot. It checks every name before deleting anything: an index that
--- lists any other name (written there by something other than the session scripts) is refused whole.
--- @key index               the user's session index, e.g. sessions:{user42}
--- @return integer          sessions deleted (expired ones are not counted)
--- @error KEY_LAYOUT        the index key is not `<p>sessions:{<user>}`, or it lists a key outside its user's sessions
--- @include "../shared/session_layout"

local CHUNK = 1000

local start = session_key_start(KEYS[1])
if start == nil then
  return redis.error_reply('KEY_LAYOUT the index key must be <p>sessions:{<user>}, e.g. sessions:{user42}')
end
local sessions = redis.call('ZRANGE', KEYS[1], 0, -1)
for _, key in ipairs(sessions) do
  if not is_session_key(key, start) then
    return redis.error_reply('KEY_LAYOUT the index lists a key that is not one of its sessions: ' .. key)
  end
end

local deleted = 0
for first = 1, #sessions, CHUNK do
  deleted = deleted + redis.call('DEL', unpack(sessions, first, math.min(first + CHUNK - 1, #sessions)))
end
redis.call('DEL', KEYS[1])
return deleted
