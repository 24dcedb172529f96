/**
 * The Lua around an `@idempotent` script. The runtime passes the request record's key as the last KEYS entry
 * (in the first key's hash slot). The prologue takes it off KEYS, so the script sees the KEYS it declares;
 * when a record exists it returns the recorded reply (or refuses a request id reused with other input) without
 * running the script. Otherwise the script runs as a function, and a reply that is not an error is recorded
 * with the input's fingerprint, in the same atomic run. An error (returned or raised) records nothing.
 * The prologue is one line, so Redis's line numbers are the file's plus one.
 */
export const REQUEST_ID_REUSED = 'LUAGEN_REQUEST_ID_REUSED';

const PROLOGUE = [
  'local luagen_once_key = table.remove(KEYS)',
  'local luagen_once_input = redis.sha1hex(cmsgpack.pack(KEYS, ARGV))',
  "local luagen_once_seen = redis.call('GET', luagen_once_key)",
  'if luagen_once_seen then',
  'local luagen_recorded_input, luagen_recorded_reply = cmsgpack.unpack(luagen_once_seen)',
  `if luagen_recorded_input ~= luagen_once_input then return redis.error_reply('${REQUEST_ID_REUSED} this request id was used with other keys or arguments') end`,
  'return luagen_recorded_reply',
  'end',
  'local luagen_once_reply = (function(...)',
].join(' ');

function epilogue(ttlSeconds: number): string {
  return [
    'end)()',
    "if type(luagen_once_reply) ~= 'table' or luagen_once_reply.err == nil then",
    `  redis.call('SET', luagen_once_key, cmsgpack.pack(luagen_once_input, luagen_once_reply), 'EX', ${ttlSeconds})`,
    'end',
    'return luagen_once_reply',
    '',
  ].join('\n');
}

/** Wraps `text` (LF line ends); a shebang line stays first. Returns the Lua and the lines added above line 2. */
export function wrapIdempotent(text: string, hasShebang: boolean, ttlSeconds: number): string {
  let head = '';
  let body = text;
  if (hasShebang) {
    const newline = text.indexOf('\n');
    head = newline < 0 ? `${text}\n` : text.slice(0, newline + 1);
    body = newline < 0 ? '' : text.slice(newline + 1);
  }
  const separator = body === '' || body.endsWith('\n') ? '' : '\n';
  return `${head}${PROLOGUE}\n${body}${separator}${epilogue(ttlSeconds)}`;
}
