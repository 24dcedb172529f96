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
  // Naming: how scripts map to functions.
  LG101: { severity: 'error', title: 'script name collision' },
  LG102: { severity: 'error', title: 'collision with an ioredis method' },
  LG103: { severity: 'error', title: 'namespace collides with a script' },
  LG104: { severity: 'error', title: 'invalid script path' },
} as const satisfies Record<string, { severity: Severity; title: string }>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
