import { DEFAULT_CONFIG } from '../../generator/config';
import { readTemplates } from '../../generator/discover/templates';
import { generate } from '../../generator/generate';
import { expandIncludes, originOf, resolveInclude } from '../../generator/parse/includes';

const SCRIPT = (body: string) => `--- @key k\n--- @return integer\nlocal rcall = redis.call\n${body}\nreturn helper(KEYS[1])\n`;

async function run(files: Record<string, string>) {
  const scripts = Object.entries(files).map(([path, text]) => ({ path, text }));
  return generate(DEFAULT_CONFIG, { scripts, templates: await readTemplates() });
}
const found = (result: Awaited<ReturnType<typeof run>>) => result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`);

describe('resolveInclude', () => {
  it.each([
    ['lua/a/s.lua', 'lib/x', 'lua/a/lib/x.lua'],
    ['lua/a/s.lua', 'lib/x.lua', 'lua/a/lib/x.lua'],
    ['lua/a/lib/x.lua', 'y', 'lua/a/lib/y.lua'],
    ['lua/a/s.lua', '../b/z', 'lua/b/z.lua'],
    ['lua/a/s.lua', '../../etc/passwd', undefined],
    ['lua/a/s.lua', '/etc/passwd', undefined],
    ['lua/a/s.lua', 'C:\\x', undefined],
    ['lua/a/s.lua', '', undefined],
  ])('%s includes %s -> %s', (from, target, expected) => {
    expect(resolveInclude(from, target, 'lua')).toBe(expected);
  });

  it.each([
    ['../shared/lua/a/s.lua', 'lib/x', '../shared/lua', '../shared/lua/a/lib/x.lua'],
    ['../shared/lua/a/s.lua', '../../outside', '../shared/lua', undefined],
    ['a/s.lua', 'lib/x', '.', 'a/lib/x.lua'],
    ['a/s.lua', '../../x', '.', undefined],
  ])('%s includes %s with the source folder %s -> %s', (from, target, srcDir, expected) => {
    expect(resolveInclude(from, target, srcDir)).toBe(expected);
  });
});

describe('expandIncludes', () => {
  const files = new Map([
    ['lua/s.lua', 'a\n--- @include "x"\n--- @include "y"\nb'],
    ['lua/x.lua', '--- @include "y"\nx1'],
    ['lua/y.lua', 'y1\ny2'],
  ]);
  it('inlines depth first, each file once, and maps every line back', () => {
    const expanded = expandIncludes('lua/s.lua', files, 'lua');
    expect(expanded.text).toBe('a\n--- @include "x"\n--- @include "y"\ny1\ny2\nx1\n--- @include "y"\nb');
    expect(expanded.included).toEqual(['lua/x.lua', 'lua/y.lua']);
    const lines = expanded.text.split('\n').map((_, i) => originOf(expanded.segments, i + 1));
    expect(lines.map((o) => `${o.file}:${o.line}`)).toEqual([
      'lua/s.lua:1', 'lua/s.lua:2', 'lua/x.lua:1', 'lua/y.lua:1', 'lua/y.lua:2', 'lua/x.lua:2', 'lua/s.lua:3', 'lua/s.lua:4',
    ]);
  });

  it('leaves a script without includes byte for byte (CR included)', () => {
    const text = 'a\r\nb\rc';
    expect(expandIncludes('lua/s.lua', new Map([['lua/s.lua', text]]), 'lua').text).toBe(text);
  });
});

describe('includes in generate()', () => {
  const HELPER = "local function helper(key)\n  return rcall('INCR', 'literal:key')\nend\n";

  it('reports a finding inside an include once, at the include, however many scripts reach it', async () => {
    const result = await run({
      'lua/one.lua': SCRIPT('--- @include "lib/helper"'),
      'lua/two.lua': SCRIPT('--- @include "lib/helper"'),
      'lua/lib/helper.lua': HELPER,
    });
    expect(found(result)).toEqual(['lua/lib/helper.lua:2:24 LG210']);
    expect(result.includes).toEqual(['lua/lib/helper.lua']);
    expect(result.scripts.map((s) => s.id)).toEqual(['one', 'two']);
  });

  it('a luagen-ignore comment in the include silences the finding there', async () => {
    const result = await run({
      'lua/one.lua': SCRIPT('--- @include "lib/helper"'),
      'lua/lib/helper.lua': HELPER.replace("'literal:key')", "'literal:key') -- luagen-ignore LG210"),
    });
    expect(found(result)).toEqual([]);
  });

  it('a Lua syntax error inside an include is reported at the include', async () => {
    const result = await run({ 'lua/one.lua': SCRIPT('--- @include "lib/helper"'), 'lua/lib/helper.lua': 'local function helper(key)\n  return (\nend\n' });
    expect(found(result)).toEqual(['lua/lib/helper.lua:3:1 LG001']);
  });

  it('functions and locals defined in an include are defined for the script (no LG205)', async () => {
    const result = await run({ 'lua/one.lua': SCRIPT('--- @include "lib/helper"'), 'lua/lib/helper.lua': "local function helper(key)\n  return rcall('INCR', key)\nend\n" });
    expect(found(result)).toEqual([]);
  });
});
