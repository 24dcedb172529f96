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

-- The session layout: the index <prefix>sessions:{<user>} lists session keys <prefix>session:{<user>}:<id>.
-- Returns the start every session key of this index has, or nil when the index key is not in the layout
-- (or a '{' left open in <prefix> would give its sessions another hash tag than the index).
local function session_key_start(index)
  local prefix, user = string.match(index, '^(.-)sessions:{([^{}]+)}$')
  if prefix == nil then
    return nil
  end
  local start = prefix .. 'session:{' .. user .. '}:'
  if hash_tag(start) ~= hash_tag(index) then
    return nil
  end
  return start
end

-- Whether key is a session key of the index whose session keys begin with start (a non-empty id follows).
local function is_session_key(key, start)
  return start ~= nil and #key > #start and string.sub(key, 1, #start) == start
end

if not is_session_key(KEYS[1], session_key_start(KEYS[2])) then
  return redis.error_reply('KEY_LAYOUT the keys must be <p>session:{<user>}:<id> and <p>sessions:{<user>}, e.g. session:{user42}:3f2a and sessions:{user42}')
end
-- ZREM first: an index of another type fails here, before anything is written.
redis.call('ZREM', KEYS[2], KEYS[1])
return redis.call('DEL', KEYS[1]) == 1
