-- Shared by the session scripts: the key layout.

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
