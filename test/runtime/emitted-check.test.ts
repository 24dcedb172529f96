import * as path from 'node:path';
import fc from 'fast-check';
import { generateWithZodPackage, ZOD_MAJORS } from './zod-majors';

/**
 * The straight-line check luagen emits into each script module (generator/emit/encode-text.ts) must accept exactly
 * what the script's zod schema accepts, for every argument type, under every zod major the peer range allows; and
 * for every input it must encode (or refuse, with the same message) exactly as the runtime's interpreted encoder.
 */
interface Spec {
  readonly id: string;
  encode(input: unknown): { keys: unknown[]; args: unknown[] };
}
interface EncodeInput {
  inputSchema(spec: Spec): { safeParse(input: unknown): { success: boolean } };
  encoderFor(spec: Spec): (input: unknown, out: unknown[]) => number;
}

const surrogateText = fc.string({ unit: fc.constantFrom('a', 'é', '\uD800', '\uDC00', '\uD83D\uDE00', '\uDE00\uD83D') });
const bytes = fc.oneof(fc.uint8Array({ maxLength: 4 }), fc.uint8Array({ maxLength: 4 }).map((b) => Buffer.from(b)));
/** Values of no particular type, with the edge cases of each rule. */
const anything = fc.oneof(
  fc.constantFrom(undefined, null, NaN, Infinity, -Infinity, 2 ** 53, -(2 ** 53), 2 ** 53 - 1, 1e300, -0, 0.5, '', '1', 'a', 'b', true, false),
  fc.integer(),
  fc.double(),
  surrogateText,
  bytes,
  fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 3 }),
  fc.anything({ maxDepth: 2 }),
);
/** Mostly values of the declared type (so valid inputs are common), sometimes anything. */
const typed = (valid: fc.Arbitrary<unknown>) => fc.oneof({ weight: 12, arbitrary: valid }, { weight: 1, arbitrary: anything });
/** Strings, now and then with a lone surrogate. */
const text = fc.oneof({ weight: 6, arbitrary: fc.string() }, { weight: 1, arbitrary: surrogateText });
const VALUES = {
  key: typed(fc.oneof(text, bytes)),
  integer: typed(fc.oneof(fc.maxSafeInteger(), fc.integer())),
  number: typed(fc.double()),
  string: typed(text),
  boolean: typed(fc.boolean()),
  json: typed(fc.jsonValue({ maxDepth: 2 })),
  buffer: typed(bytes),
  literal: typed(fc.constantFrom('a', 'b', 'c', 'A')),
  requestId: typed(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ minLength: 250, maxLength: 260 }))),
};
const list = (value: fc.Arbitrary<unknown>) => fc.oneof({ weight: 12, arbitrary: fc.array(value, { maxLength: 3 }) }, { weight: 1, arbitrary: anything });

/** [script export, input arbitrary]; optional fields are sometimes absent. */
const SCRIPTS: readonly [string, fc.Arbitrary<Record<string, unknown>>][] = [
  [
    'argsEveryType',
    fc.record(
      {
        first: VALUES.key, rest: list(VALUES.key), count: VALUES.integer, ratio: VALUES.number, label: VALUES.string, flag: VALUES.boolean,
        doc: VALUES.json, bytes: VALUES.buffer, mode: VALUES.literal, note: fc.option(VALUES.string, { nil: undefined }), limit: fc.option(VALUES.integer, { nil: undefined }),
      },
      { requiredKeys: ['first', 'rest', 'count', 'ratio', 'label', 'flag', 'doc', 'bytes', 'mode'] },
    ),
  ],
  ['argsManyNumbers', fc.record({ target: VALUES.key, scale: VALUES.number, values: list(VALUES.integer) })],
  ['argsEcho', fc.record({ target: VALUES.key, count: VALUES.integer, ratio: VALUES.number, label: VALUES.string, items: list(VALUES.string) })],
  ['argsKeys', fc.record({ all: list(VALUES.key) })],
  ['paymentsCharge', fc.record({ balance: VALUES.key, amount: VALUES.integer, requestId: VALUES.requestId })],
];

type Outcome = { ok: unknown[] } | { refused: string };

function outcome(run: () => unknown[]): Outcome {
  try {
    return { ok: run() };
  } catch (error) {
    if (!(error instanceof Error) || error.name !== 'ScriptArgumentError') throw error;
    return { refused: error.message };
  }
}

describe.each(ZOD_MAJORS.map(([name, pkg]) => [name, pkg] as const))('with %s', (_name, pkg) => {
  const specs = new Map<string, { spec: Spec; runtime: EncodeInput }>();

  beforeAll(async () => {
    for (const [name, src] of [['emitted-check', 'test/fixtures/validation/lua'], ['emitted-check-idempotent', 'test/fixtures/golden/idempotent/lua']]) {
      const outDir = await generateWithZodPackage(name, src, pkg);
      /* eslint-disable @typescript-eslint/no-require-imports */
      const client = require(path.join(outDir, 'index')) as Record<string, Spec>;
      const runtime = require(path.join(outDir, 'runtime', 'encode-input')) as EncodeInput;
      /* eslint-enable @typescript-eslint/no-require-imports */
      for (const [exportName, spec] of Object.entries(client)) if (typeof spec === 'object' && spec && 'encodeInto' in spec) specs.set(exportName, { spec, runtime });
    }
  }, 60_000);

  test.each(SCRIPTS.map(([name, input]) => [name, input] as const))('%s: the emitted check accepts exactly what zod accepts', (name, input) => {
    const { spec, runtime } = specs.get(name)!;
    const schema = runtime.inputSchema(spec);
    const interpreted = runtime.encoderFor(spec);
    let accepted = 0;
    fc.assert(
      fc.property(input, (value) => {
        const emitted = outcome(() => {
          const { keys, args } = spec.encode(value);
          return [...keys, ...args];
        });
        const gap = value.note === undefined && value.limit !== undefined;
        const schemaAccepts = schema.safeParse(value).success;
        if ('ok' in emitted) accepted++;
        // ARGV has no gaps: an optional argument after one left out is refused after validation.
        const expected = schemaAccepts ? (gap ? 'positional' : 'ok') : 'refused';
        const got = 'ok' in emitted ? 'ok' : emitted.refused.includes('ARGV is positional') ? 'positional' : 'refused';
        expect([got, value]).toEqual([expected, value]);
        // The same bytes (or the same message) as the runtime's interpreted encoder.
        expect(emitted).toEqual(outcome(() => {
          const out: unknown[] = [];
          interpreted(value, out);
          return out;
        }));
      }),
      { numRuns: 1500, seed: 13 },
    );
    // The arbitraries reach both verdicts often.
    expect(accepted).toBeGreaterThan(100);
    expect(accepted).toBeLessThan(1400);
  });
});
