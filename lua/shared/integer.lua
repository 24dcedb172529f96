-- Shared by the library's scripts: the integer format they accept, for arguments and stored values alike.
local MAX_SAFE = 9007199254740991

-- The library's integer format, for arguments and stored values alike: 0, or digits without a leading
-- zero after an optional '-', at most 2^53-1 in magnitude (what INCRBY accepts and writes, exact in Lua).
local function to_integer(text, min)
  if type(text) ~= 'string' or #text > 17 or not (text == '0' or string.find(text, '^%-?[1-9]%d*$')) then
    return nil
  end
  local value = tonumber(text)
  if value < min or value > MAX_SAFE then
    return nil
  end
  return value
end
