import type { Severity } from './diagnostic';

/** Every diagnostic luagen can report. Codes are stable: never renumber, only add. */
export const DIAGNOSTIC_CODES = {
  // Parsing: the Lua source and the header.
  LG001: { severity: 'error', title: 'Lua syntax error' },
  LG002: { severity: 'error', title: 'missing header' },
  LG003: { severity: 'error', title: 'unknown tag' },
  LG004: { severity: 'error', title: 'malformed type' },
  LG005: { severity: 'error', title: 'duplicate name' },
  LG006: { severity: 'error', title: 'malformed tag' },
  LG007: { severity: 'error', title: 'parameter order' },
  LG008: { severity: 'error', title: 'missing or repeated @return' },
  LG009: { severity: 'error', title: 'invalid error code' },
  LG010: { severity: 'error', title: 'invalid shebang' },
  LG011: { severity: 'error', title: 'invalid parameter name' },
  LG012: { severity: 'error', title: '@idempotent on a script that cannot carry it' },
  LG013: { severity: 'error', title: 'invalid UTF-8' },
  LG014: { severity: 'error', title: 'script too large' },
  LG017: { severity: 'error', title: '@prefix names no key or string argument' },
  // Includes: shared Lua inlined into scripts.
  LG020: { severity: 'error', title: 'include not found or outside the source folder' },
  LG021: { severity: 'error', title: 'include cycle' },
  // Naming: how scripts map to functions.
  LG101: { severity: 'error', title: 'script name collision' },
  // LG102 (collision with an ioredis method) is retired: commands are named luagen_<id> and cannot collide.
  // A retired code is never reused.
  LG103: { severity: 'error', title: 'namespace collides with a script' },
  LG104: { severity: 'error', title: 'invalid script path' },
  LG105: { severity: 'error', title: 'collision with a name the generated client exports' },
  LG106: { severity: 'error', title: 'name JavaScript treats specially' },
  // Analysis: the script body, checked against its header and Redis's rules.
  LG201: { severity: 'error', title: 'KEYS/ARGV index beyond the header' },
  LG202: { severity: 'warning', title: 'declared key or argument never used' },
  LG203: { severity: 'warning', title: 'computed KEYS/ARGV index without a variadic declaration' },
  LG204: { severity: 'error', title: 'assignment to a global' },
  LG205: { severity: 'error', title: 'unknown global' },
  LG206: { severity: 'error', title: 'unknown Redis command' },
  LG207: { severity: 'error', title: 'command not allowed in scripts' },
  LG208: { severity: 'error', title: 'wrong number of command arguments' },
  LG209: { severity: 'error', title: 'command argument Redis refuses' },
  LG210: { severity: 'warning', title: 'key not passed in KEYS' },
  LG211: { severity: 'error', title: 'write command in a read-only script' },
  LG212: { severity: 'warning', title: 'nil inside a returned array' },
  LG213: { severity: 'warning', title: 'fractional number in a reply' },
  LG214: { severity: 'warning', title: 'unused or invalid luagen-ignore' },
  LG215: { severity: 'warning', title: 'Redis reply compared with nil' },
  LG216: { severity: 'warning', title: 'KEYS or SCAN inside a script' },
  LG217: { severity: 'error', title: 'command the server profile lacks' },
  LG218: { severity: 'error', title: 'script feature the server profile lacks' },
} as const satisfies Record<string, { severity: Severity; title: string }>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
