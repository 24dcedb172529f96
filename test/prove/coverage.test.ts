/** `luagen test --lcov`: which Lua lines ran, from an instrumented copy, as lcov and a summary. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { runCli, tempProject } from '../cli/cli-harness';
import { instrument } from '../../generator/prove/coverage';

const SCRIPT = `--- Returns 1 for a secret word nobody generates, else 0.
--- @key item  any key
--- @arg word string  a word
--- @return integer  1 or 0
if ARGV[1] == 'a secret word luagen never generates' then
  return 1
end
local unused = redis.call('EXISTS', KEYS[1])
return 0
`;

describe('luagen test --lcov', () => {
  const shared = process.env.REDIS_URL;
  beforeAll(() => {
    delete process.env.REDIS_URL; // --lcov reads the log of a server luagen starts; this worker's env only
  });
  afterAll(() => {
    process.env.REDIS_URL = shared;
  });

  test('counts every statement line, writes lcov, and names the lines that never ran', async () => {
    const dir = await tempProject({ 'lua/demo/secret.lua': SCRIPT });
    const run = await runCli(dir, 'test', '--seed', '42', '--runs', '50', '--lcov', 'coverage/lua.lcov');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('coverage: lua/demo/secret.lua: 3/4 lines (75%); not run: 6');
    const lcov = await fs.readFile(path.join(dir, 'coverage/lua.lcov'), 'utf8');
    expect(lcov).toBe(['TN:', 'SF:lua/demo/secret.lua', 'DA:5,50', 'DA:6,0', 'DA:8,50', 'DA:9,50', 'LF:4', 'LH:3', 'end_of_record', ''].join('\n'));
  });

  test('the instrumented copy keeps every statement on its line', () => {
    const copy = instrument(3, SCRIPT)!;
    expect(copy.lines).toEqual([5, 6, 8, 9]);
    const lines = copy.text.split('\n');
    expect(lines).toHaveLength(SCRIPT.split('\n').length);
    expect(lines[5]).toBe("  redis.log(redis.LOG_WARNING,'lgcov:3:6');return 1");
    expect(lines.slice(0, 4)).toEqual(SCRIPT.split('\n').slice(0, 4));
  });
});
