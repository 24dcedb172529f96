import { generateWithZod, ZOD_MAJORS } from './zod-majors';

/**
 * The fast pre-check in the runtime must never accept what the zod schema rejects: for every input, a call's
 * encode succeeds exactly when zod accepts it, under every zod major the peer range allows. The golden `types`
 * fixture declares every argument type.
 */
interface Spec {
  encode(input: unknown): { keys: unknown[]; args: unknown[] };
}
interface Generated {
  shopPrice: Spec;
  shopCartAddItems: Spec;
}

const price = { product: 'p', rate: 0.2, rounded: true, meta: { a: 1 }, blob: Buffer.from([1]), tags: ['x', 'y'] };
const cart = { cart: 'c', indexes: ['i1', Buffer.from('i2')], mode: 'set' };

const accepted: [string, 'shopPrice' | 'shopCartAddItems', unknown][] = [
  ['a full valid input', 'shopPrice', price],
  ['Uint8Array bytes and an empty variadic tail', 'shopPrice', { ...price, blob: new Uint8Array([0, 255]), tags: [] }],
  ['json null and a negative rate', 'shopPrice', { ...price, meta: null, rate: -1.5 }],
  ['an optional argument left out', 'shopCartAddItems', cart],
  ['an optional argument given', 'shopCartAddItems', { ...cart, note: 'n' }],
  ['an optional argument set to undefined', 'shopCartAddItems', { ...cart, note: undefined }],
];

const rejected: [string, 'shopPrice' | 'shopCartAddItems', unknown, string][] = [
  ['NaN', 'shopPrice', { ...price, rate: NaN }, "'rate'"],
  ['Infinity', 'shopPrice', { ...price, rate: Infinity }, "'rate'"],
  ['a numeric string', 'shopPrice', { ...price, rate: '0.2' }, "'rate'"],
  ['a string for a boolean', 'shopPrice', { ...price, rounded: 'yes' }, "'rounded'"],
  ['undefined json', 'shopPrice', { ...price, meta: undefined }, "'meta'"],
  ['a json cycle', 'shopPrice', { ...price, meta: (() => { const o: Record<string, unknown> = {}; o.self = o; return o; })() }, "'meta'"],
  ['a function as json', 'shopPrice', { ...price, meta: () => 1 }, "'meta'"],
  ['a string for a buffer', 'shopPrice', { ...price, blob: 'bytes' }, "'blob'"],
  ['a number in a variadic string tail', 'shopPrice', { ...price, tags: ['x', 1] }, "'tags[1]'"],
  ['a variadic tail that is not an array', 'shopPrice', { ...price, tags: 'x' }, "'tags'"],
  ['an unknown field', 'shopPrice', { ...price, extra: 1 }, "'extra'"],
  ['a missing key', 'shopPrice', { ...price, product: undefined }, "'product'"],
  ['a number key', 'shopPrice', { ...price, product: 42 }, "'product'"],
  ['a literal outside the union', 'shopCartAddItems', { ...cart, mode: 'replace' }, "'mode'"],
  ['a number in variadic keys', 'shopCartAddItems', { ...cart, indexes: ['a', 2] }, "'indexes[1]'"],
  ['null input', 'shopCartAddItems', null, 'invalid'],
  ['an array input', 'shopCartAddItems', [], 'invalid'],
];

describe.each(ZOD_MAJORS.map(([name, pkg, version]) => [name, pkg, version] as const))('with %s', (_name, pkg, version) => {
  let client: Generated;

  beforeAll(async () => {
    const loaded = await generateWithZod<Generated>('validation-types', 'test/fixtures/golden/types/lua', pkg);
    client = loaded.client;
    expect(loaded.zodVersion.startsWith(version)).toBe(true);
  }, 60_000);

  test.each(accepted)('accepts %s', (_, script, input) => {
    expect(() => client[script].encode(input)).not.toThrow();
  });

  test.each(rejected)('rejects %s, naming the parameter', (_, script, input, parameter) => {
    expect(() => client[script].encode(input)).toThrow(expect.objectContaining({ name: 'ScriptArgumentError', message: expect.stringContaining(parameter) }));
  });

  test('words a value rule the same under every zod major', () => {
    expect(() => client.shopPrice.encode({ ...price, rate: Infinity })).toThrow("shop.price: invalid 'rate': expected a finite number, got number Infinity (nothing was sent to Redis)");
    expect(() => client.shopPrice.encode({ ...price, tags: ['x', 'a\uD800'] })).toThrow("invalid 'tags[1]': has a lone UTF-16 surrogate (\\uD800) at index 1, which UTF-8 cannot carry");
  });

  test('encodes every argument type as Redis receives it', () => {
    expect(client.shopPrice.encode(price)).toEqual({
      keys: ['p'],
      args: ['0.2', '1', '{"a":1}', Buffer.from([1]), 'x', 'y'],
    });
    expect(client.shopCartAddItems.encode({ ...cart, note: 'n' })).toEqual({ keys: ['c', 'i1', Buffer.from('i2')], args: ['set', 'n'] });
  });
});
