
/** Every byte value once, in an order that is not sorted, so that a lossy round trip shows. */
export const ALL_BYTES = Buffer.from(Array.from({ length: 256 }, (_, i) => (i * 7 + 3) % 256));

/** One decoding case: a call of a fixture script and the value the generated client must return. */
export interface DecodeCase {
  readonly name: string;
  readonly script: string;
  readonly input: (key: string) => Record<string, unknown>;
  readonly expected: unknown;
}

const BOOLEAN_SHAPES: [shape: string, expected: boolean][] = [
  ['true', true], ['false', false], ['one', true], ['zero', false], ['nil', false], ['resp3-true', true], ['resp3-false', false],
];

export const DECODE_CASES: readonly DecodeCase[] = [
  { name: 'integer', script: 'integer', input: () => ({ value: -42 }), expected: -42 },
  { name: 'integer, large', script: 'integer', input: () => ({ value: 2 ** 52 + 1 }), expected: 2 ** 52 + 1 },
  { name: 'number from a string', script: 'numberString', input: () => ({ value: -3.25 }), expected: -3.25 },
  { name: 'number from {double=...}', script: 'numberDouble', input: () => ({ value: 0.5 }), expected: 0.5 },
  { name: 'number from {double=...}, integral', script: 'numberDouble', input: () => ({ value: 7 }), expected: 7 },
  { name: 'string', script: 'text', input: () => ({ value: 'héllo wörld ✓' }), expected: 'héllo wörld ✓' },
  { name: 'empty string', script: 'text', input: () => ({ value: '' }), expected: '' },
  ...BOOLEAN_SHAPES.map(([shape, expected]) => ({ name: `boolean from ${shape}`, script: 'boolean', input: () => ({ shape }), expected })),
  { name: 'ok (status reply)', script: 'status', input: () => ({}), expected: 'FINE' },
  { name: 'nil', script: 'nothing', input: () => ({}), expected: null },
  { name: 'json', script: 'document', input: () => ({}), expected: { name: 'luagen', tags: ['a', 'b'], nested: { depth: 2, ok: true } } },
  { name: 'buffer, all 256 byte values', script: 'bytes', input: (key) => ({ target: key, data: ALL_BYTES }), expected: ALL_BYTES },
  { name: 'optional, present', script: 'maybe', input: () => ({ present: true }), expected: 'here' },
  { name: 'optional, nil', script: 'maybe', input: () => ({ present: false }), expected: null },
  { name: 'array', script: 'list', input: () => ({ count: 3 }), expected: [10, 20, 30] },
  { name: 'empty array', script: 'list', input: () => ({ count: 0 }), expected: [] },
  { name: 'tuple, full', script: 'pair', input: () => ({ full: true }), expected: { name: 'n', count: 7, note: 'a note' } },
  { name: 'tuple, trailing nil', script: 'pair', input: () => ({ full: false }), expected: { name: 'n', count: 7, note: null } },
  { name: 'raw, passed through', script: 'passthrough', input: () => ({}), expected: [1, 'two', [3, 'four']] },
  { name: 'table from a flat array', script: 'fields', input: () => ({}), expected: { a: 1, b: 2 } },
  { name: 'table from {map=...} after setresp(3)', script: 'fieldsMap', input: () => ({}), expected: { a: 1, b: 2 } },
  {
    name: 'nested [member, score][]',
    script: 'scores',
    input: (key) => ({ board: key }),
    expected: [{ member: 'bob', score: -2 }, { member: 'alice', score: 1.5 }, { member: 'carol', score: 10 }],
  },
];

/** Runs every case with the scripts of `decode/` bound to one client; the decoded values by case name. */
export async function runDecodeCases(decode: Record<string, (input: Record<string, unknown>) => Promise<unknown>>, keyPrefix: string): Promise<Map<string, unknown>> {
  const results = new Map<string, unknown>();
  for (const [i, c] of DECODE_CASES.entries()) {
    const script = decode[c.script];
    if (!script) throw new Error(`no fixture script decode.${c.script}`);
    results.set(c.name, await script(c.input(`${keyPrefix}case${i}`)));
  }
  return results;
}
