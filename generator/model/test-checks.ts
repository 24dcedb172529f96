/**
 * The checks `luagen test` runs on every script. A header switches one off for its script with
 * `--- @test-allow <check> <reason>` when the script is documented to break it.
 */
export const TEST_CHECKS = {
  'reply-type': 'every reply decodes to the type @return declares',
  'writes-before-error': 'after a declared @error, every key is byte-for-byte as before',
  'keys-outside-keys': 'the script changes no key it was not given in KEYS (or under a @prefix)',
  'readonly-writes': 'a @readonly script changes nothing and never tries to write',
  'undeclared-error-code': 'every error code the script itself returns is declared with @error',
} as const;

export type TestCheck = keyof typeof TEST_CHECKS;

export const TEST_CHECK_NAMES = Object.keys(TEST_CHECKS) as TestCheck[];

const ALLOW_LINE = /^\s*---\s*@test-allow\s+([a-z-]+)/;

/** The checks a script's header switches off (the parser has already refused unknown names). */
export function allowedChecks(luaText: string): Set<TestCheck> {
  const allowed = new Set<TestCheck>();
  for (const line of luaText.split('\n')) {
    const match = ALLOW_LINE.exec(line);
    if (match && match[1] in TEST_CHECKS) allowed.add(match[1] as TestCheck);
  }
  return allowed;
}
