---@meta
-- Written by `luagen editor`; do not edit (it is rewritten on the next run).
-- Definitions of Redis 7.0's Lua sandbox for lua-language-server (LuaLS): the globals an EVAL script sees
-- besides Lua 5.1's string, table, math and base functions. `.luarc.json` points `workspace.library` here.

---@alias redis.LogLevel 0|1|2|3
---@alias redis.ReplFlags 0|1|2|3
---@alias redis.Protocol 2|3

-- luagen's own header types, so that `@return json` or `@return ok` resolve in the editor.
---@alias json any
---@alias buffer string
---@alias ok string

--- The key names the caller passed (EVAL's numkeys arguments); luagen fills them in `@key` order.
---@type string[]
KEYS = {}

--- The arguments after the keys, always strings; luagen fills them in `@arg` order.
---@type string[]
ARGV = {}

--- The Redis API of a script.
---@class redis
redis = {}

--- The server's version, e.g. `"7.0.15"`.
---@type string
redis.REDIS_VERSION = ''

--- The server's version as a number: major * 65536 + minor * 256 + patch (7.0.15 is 458767).
---@type integer
redis.REDIS_VERSION_NUM = 0

---@type redis.LogLevel
redis.LOG_DEBUG = 0
---@type redis.LogLevel
redis.LOG_VERBOSE = 1
---@type redis.LogLevel
redis.LOG_NOTICE = 2
---@type redis.LogLevel
redis.LOG_WARNING = 3

--- Replicate the script's writes to nowhere.
---@type redis.ReplFlags
redis.REPL_NONE = 0
--- Replicate the script's writes to the AOF only.
---@type redis.ReplFlags
redis.REPL_AOF = 1
--- Replicate the script's writes to the replicas only.
---@type redis.ReplFlags
redis.REPL_REPLICA = 2
--- The old name of `REPL_REPLICA`.
---@type redis.ReplFlags
redis.REPL_SLAVE = 2
--- Replicate the script's writes to the AOF and the replicas (the default).
---@type redis.ReplFlags
redis.REPL_ALL = 3

--- Runs a Redis command and returns its reply converted to Lua: integer -> number, bulk string -> string,
--- array -> table, status -> `{ok = "..."}`, nil bulk or nil array -> false. An error reply raises a Lua
--- error that ends the script (use `redis.pcall` to handle it). Arguments must be strings or numbers.
---@param command string
---@param ... string|number
---@return any reply
function redis.call(command, ...) end

--- Like `redis.call`, but an error reply is returned as a table `{err = "..."}` instead of raised.
---@param command string
---@param ... string|number
---@return any reply
function redis.pcall(command, ...) end

--- An error reply, `{err = message}`. The message's first word is its error code (`"NOT_FOUND no such
--- item"`); a message of one word gets `ERR ` in front of it.
---@param message string
---@return { err: string }
function redis.error_reply(message) end

--- A status reply, `{ok = status}`.
---@param status string
---@return { ok: string }
function redis.status_reply(status) end

--- The SHA1 of `text`, in lower-case hex.
---@param text string
---@return string
---@nodiscard
function redis.sha1hex(text) end

--- Writes `message` to the Redis server's log at `level` (`redis.LOG_DEBUG` ... `redis.LOG_WARNING`).
---@param level redis.LogLevel
---@param message string
function redis.log(level, message) end

--- The protocol of the replies `redis.call` and `redis.pcall` return to the script from here on (2 by default).
---@param protocol redis.Protocol
function redis.setresp(protocol) end

--- Where the script's writes are replicated from here on: `redis.REPL_NONE`, `REPL_AOF`, `REPL_REPLICA` or
--- `REPL_ALL`, or a sum of `REPL_AOF` and `REPL_REPLICA`.
---@param flags redis.ReplFlags
function redis.set_repl(flags) end

--- Deprecated since Redis 7.0, where effects replication is the only mode: does nothing, returns true.
---@deprecated
---@return boolean
function redis.replicate_commands() end

--- Whether the current user may run `command` with these arguments under its ACL rules.
---@param command string
---@param ... string|number
---@return boolean
function redis.acl_check_cmd(command, ...) end

--- Stops at this line in the Lua debugger (`redis-cli --ldb`); does nothing otherwise.
---@return boolean
function redis.breakpoint() end

--- Prints its arguments in the Lua debugger console (`redis-cli --ldb`); does nothing otherwise.
---@param ... any
function redis.debug(...) end

--- JSON (lua-cjson 2.1.0 as Redis ships it). Floats are encoded with 14 significant digits and an empty
--- table encodes as `{}`.
---@class cjson
---@field _NAME string
---@field _VERSION string
cjson = {}

--- JSON `null`, as `cjson.decode` returns it and `cjson.encode` writes it (a light userdata, not nil).
---@type lightuserdata
cjson.null = nil

--- Encodes a Lua value (nil, boolean, number, string, or a table used as an array or an object) as JSON.
---@param value any
---@return string
---@nodiscard
function cjson.encode(value) end

--- Decodes JSON into Lua values; JSON null becomes `cjson.null`.
---@param text string
---@return any
---@nodiscard
function cjson.decode(text) end

--- A new, separately configured cjson instance.
---@return cjson
function cjson.new() end

--- Whether the encode buffer is kept between calls; returns the setting.
---@param keep? boolean
---@return boolean
function cjson.encode_keep_buffer(keep) end

--- The deepest nesting `cjson.encode` accepts; returns the setting.
---@param depth? integer
---@return integer
function cjson.encode_max_depth(depth) end

--- The deepest nesting `cjson.decode` accepts; returns the setting.
---@param depth? integer
---@return integer
function cjson.decode_max_depth(depth) end

--- Significant digits `cjson.encode` writes for numbers (1 to 14); returns the setting.
---@param digits? integer
---@return integer
function cjson.encode_number_precision(digits) end

--- How sparse arrays are encoded; returns the three settings.
---@param convert? boolean
---@param ratio? integer
---@param safe? integer
---@return boolean convert, integer ratio, integer safe
function cjson.encode_sparse_array(convert, ratio, safe) end

--- Whether `cjson.encode` accepts inf and nan (`"null"` writes them as null); returns the setting.
---@param setting? boolean|"null"
---@return boolean|"null"
function cjson.encode_invalid_numbers(setting) end

--- Whether `cjson.decode` accepts inf, nan and hexadecimal numbers; returns the setting.
---@param setting? boolean
---@return boolean
function cjson.decode_invalid_numbers(setting) end

--- MessagePack (lua-cmsgpack 0.4.0).
---@class cmsgpack
---@field _NAME string
---@field _VERSION string
---@field _COPYRIGHT string
---@field _DESCRIPTION string
cmsgpack = {}

--- Encodes each argument as one MessagePack value, concatenated.
---@param ... any
---@return string
---@nodiscard
function cmsgpack.pack(...) end

--- Decodes every MessagePack value in `data`.
---@param data string
---@return any ...
---@nodiscard
function cmsgpack.unpack(data) end

--- Decodes one value starting at byte `offset` (0-based, default 0); returns the next offset (-1 at the
--- end) and the value.
---@param data string
---@param offset? integer
---@return integer next, any value
function cmsgpack.unpack_one(data, offset) end

--- Decodes at most `limit` values starting at byte `offset`; returns the next offset and the values.
---@param data string
---@param limit integer
---@param offset? integer
---@return integer next, any ...
function cmsgpack.unpack_limit(data, limit, offset) end

--- Bit operations on 32-bit integers (LuaBitOp).
---@class redis.bit
bit = {}

--- `x` wrapped to a signed 32-bit integer.
---@param x number
---@return integer
---@nodiscard
function bit.tobit(x) end

--- `x` as `n` hex digits (default 8; a negative `n` gives upper case).
---@param x number
---@param n? integer
---@return string
---@nodiscard
function bit.tohex(x, n) end

---@param x number
---@return integer
---@nodiscard
function bit.bnot(x) end

---@param x number
---@param ... number
---@return integer
---@nodiscard
function bit.band(x, ...) end

---@param x number
---@param ... number
---@return integer
---@nodiscard
function bit.bor(x, ...) end

---@param x number
---@param ... number
---@return integer
---@nodiscard
function bit.bxor(x, ...) end

---@param x number
---@param n integer
---@return integer
---@nodiscard
function bit.lshift(x, n) end

--- Logical right shift (zeros shift in).
---@param x number
---@param n integer
---@return integer
---@nodiscard
function bit.rshift(x, n) end

--- Arithmetic right shift (the sign bit shifts in).
---@param x number
---@param n integer
---@return integer
---@nodiscard
function bit.arshift(x, n) end

---@param x number
---@param n integer
---@return integer
---@nodiscard
function bit.rol(x, n) end

---@param x number
---@param n integer
---@return integer
---@nodiscard
function bit.ror(x, n) end

--- `x` with its four bytes in reverse order.
---@param x number
---@return integer
---@nodiscard
function bit.bswap(x) end

--- Binary packing of C structs (Roberto Ierusalimschy's struct library).
---@class redis.struct
struct = {}

--- Packs the values as `format` says (e.g. `">I2 i4"`): a binary string.
---@param format string
---@param ... any
---@return string
---@nodiscard
function struct.pack(format, ...) end

--- Unpacks `data` from byte `offset` (1-based, default 1) as `format` says: the values, then the position
--- after the last byte read.
---@param format string
---@param data string
---@param offset? integer
---@return any ...
---@nodiscard
function struct.unpack(format, data, offset) end

--- The size in bytes of data packed with `format` (which must not hold variable-length items).
---@param format string
---@return integer
---@nodiscard
function struct.size(format) end
