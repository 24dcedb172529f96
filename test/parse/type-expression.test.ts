import { typeToString } from '../../generator/model/lua-type';
import { parseTypePrefix } from '../../generator/parse/type-expression';

describe('parseTypePrefix accepts every declarable type', () => {
  it.each([
    ['integer', 'integer', ''],
    ['number  a float as a string', 'number', 'a float as a string'],
    ["'set' | 'increment'  how to combine", "'set' | 'increment'", 'how to combine'],
    ['string?', 'string?', ''],
    ['integer[]', 'integer[]', ''],
    ['[allowed: boolean, count: integer]', '[allowed: boolean, count: integer]', ''],
    ['[member: string, score: number][] top entries', '[member: string, score: number][]', 'top entries'],
    ['table<string, integer>', 'table<string, integer>', ''],
    ['table<string, [a: json, b: buffer?]>?', 'table<string, [a: json, b: buffer?]>?', ''],
    ["('a' | 'b')[]", "('a' | 'b')[]", ''],
    ["integer units, don't go negative", 'integer', "units, don't go negative"],
    ['ok (status reply)', 'ok', '(status reply)'],
  ])('%s', (text, type, rest) => {
    const result = parseTypePrefix(text);
    if (!result.ok) throw new Error(result.message);
    expect(typeToString(result.type)).toBe(type);
    expect(text.slice(result.length)).toBe(rest);
  });
});

describe('parseTypePrefix rejects malformed types with the offending offset', () => {
  it.each([
    ['intger', 0, "unknown type 'intger'", "did you mean 'integer'?"],
    ['', 0, 'expected a type, found end of line', 'types are'],
    ['[a: integer', 11, "expected ']', found end of line", ''],
    ['[a: integer, a: string]', 13, "field 'a' is repeated", ''],
    ['table<integer, string>', 6, 'table keys must be string', ''],
    ["'a' | integer", 6, 'only string literals can form a union', ''],
    ['string??', 7, "'?' is repeated", ''],
    ["'open", 0, 'unterminated string literal', ''],
    ['[: integer]', 1, 'expected a field name', ''],
  ])('%s', (text, offset, message, help) => {
    const result = parseTypePrefix(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.offset).toBe(offset);
    expect(result.message).toContain(message);
    expect(result.help).toContain(help);
  });
});
