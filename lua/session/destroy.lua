#!lua flags=allow-oom
--- Deletes a session and removes it from its user's index. Runs under OOM too: it only frees memory.
--- Key layout (all session scripts): `<p>sessions:{<user>}` indexes a user's sessions (a sorted set of
--- session key names scored by expiry time in ms) and `<p>session:{<user>}:<id>` holds one session (a hash:
--- data, created, accessed, ttl_ms). `<p>` is whatever precedes (a namespace, an ioredis keyPrefix: the
--- script sees it) and is the same for both keys; `<user>` has no braces; `<id>` is not empty. All keys of
--- one user share the `{<user>}` hash tag, hence one cluster slot. Every session script refuses keys outside
--- this layout (KEY_LAYOUT) before it writes, so an index only ever lists session keys of its own user and
--- prefix.
--- @key session             the session hash, e.g. session:{user42}:3f2a
--- @key index               the user's session index, e.g. sessions:{user42}
--- @return boolean          whether the session existed
--- @error KEY_LAYOUT        the keys do not follow the session layout
--- @include "../shared/session_layout"

if not is_session_key(KEYS[1], session_key_start(KEYS[2])) then
  return redis.error_reply('KEY_LAYOUT the keys must be <p>session:{<user>}:<id> and <p>sessions:{<user>}, e.g. session:{user42}:3f2a and sessions:{user42}')
end
-- ZREM first: an index of another type fails here, before anything is written.
redis.call('ZREM', KEYS[2], KEYS[1])
return redis.call('DEL', KEYS[1]) == 1
