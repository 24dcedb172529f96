--- {{description}}
--- @key key          the key this script works on
--- @arg amount integer  how much to add
--- @return integer
local value = redis.call('INCRBY', KEYS[1], ARGV[1])
return value
