import { arg } from '../../templates/runtime/arguments';
import { argument } from '../../templates/runtime/generated-code';

/**
 * Script modules declare each ARGV slot with `run.argument(...)` (cheaper for an application's type check than an
 * object literal per slot): the spec it returns must be the very object the literal was, with no extra keys, since
 * the interpreted encoder and the zod schema read `optional` and `variadic` from it.
 */
describe('run.argument', () => {
  it('builds { name, codec } for a plain slot, with no flag keys', () => {
    const spec = argument('limit', arg.integer);
    expect(spec).toStrictEqual({ name: 'limit', codec: arg.integer });
    expect(Object.keys(spec)).toEqual(['name', 'codec']);
  });

  it('adds optional: true and variadic: true for each flag given', () => {
    expect(argument('memo', arg.string, 'optional')).toStrictEqual({ name: 'memo', codec: arg.string, optional: true });
    expect(argument('pairs', arg.string, 'variadic')).toStrictEqual({ name: 'pairs', codec: arg.string, variadic: true });
    expect(argument('rest', arg.json, 'optional', 'variadic')).toStrictEqual({ name: 'rest', codec: arg.json, optional: true, variadic: true });
  });
});
