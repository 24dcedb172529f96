import { analyseSource, FIXTURES, luaFixtures } from './analyse-source';

/**
 * Calls through a local alias (`local rcall = redis.call`) are analysed exactly as direct calls: rewriting
 * every aliased call to `redis.call(...)` / `redis.pcall(...)` must not change a finding (code and line; the
 * column moves with the longer name).
 */
const ALIAS = /^local\s+(\w+)\s*=\s*redis\.(p?call)\s*$/gm;

function withoutAliases(source: string): { rewritten: string; aliases: number } {
  let rewritten = source;
  let aliases = 0;
  for (const [, name, method] of source.matchAll(ALIAS)) {
    aliases++;
    rewritten = rewritten.replace(new RegExp(`(?<![\\w.:])${name}\\(`, 'g'), `redis.${method}(`);
  }
  return { rewritten, aliases };
}

const findings = (source: string, file: string) =>
  analyseSource(source, file).map((d) => `${d.line} ${d.code} ${d.severity}`);

describe('aliases of redis.call / redis.pcall', () => {
  it.each(['defects', 'queue-style'])('give the same findings as direct calls (%s corpus)', async (folder) => {
    const fixtures = (await luaFixtures(`${FIXTURES}/${folder}`)).filter((f) => withoutAliases(f.source).aliases > 0);
    expect(fixtures.length).toBeGreaterThan(0);
    for (const { file, source } of fixtures) {
      const { rewritten } = withoutAliases(source);
      expect(rewritten).not.toBe(source);
      expect({ file, findings: findings(source, file) }).toEqual({ file, findings: findings(rewritten, file) });
    }
  });

  it('ignores a local that is not always a Redis method', () => {
    const source = [
      '--- @key k',
      '--- @return integer',
      'local call = redis.call',
      "if #KEYS > 5 then call = function() return 0 end end",
      "return call('NOSUCHCOMMAND', KEYS[1])",
    ].join('\n');
    expect(findings(source, 'lua/x.lua')).toEqual([]);
  });

  it('keeps pcall aliases apart from call aliases', () => {
    const source = ['--- @key k', '--- @return integer', 'local safe = redis.pcall', "return safe('INCRBY', KEYS[1])"].join('\n');
    expect(findings(source, 'lua/x.lua')).toEqual(['4 LG208 error']);
  });
});
