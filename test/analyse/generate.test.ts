import { DEFAULT_CONFIG, type LuagenConfig } from '../../generator/config';
import { readTemplates } from '../../generator/discover/templates';
import { generate } from '../../generator/generate';

/** How analysis findings gate generation: errors stop it, warnings do not unless the config says so. */
const HEADER = '--- Increments a counter.\n--- @key counter   the counter\n--- @return integer\n';
const WARNING_ONLY = `${HEADER}redis.call('INCR', 'stats:calls')\nreturn redis.call('INCR', KEYS[1])\n`;
const WITH_ERROR = `${HEADER}local value = redis.call('INCR', KEYS[1])\nprint(value)\nreturn value\n`;

async function run(text: string, config: Partial<LuagenConfig> = {}) {
  const templates = await readTemplates();
  return generate({ ...DEFAULT_CONFIG, ...config }, { scripts: [{ path: 'lua/stats/count.lua', text }], templates });
}

describe('analysis in generate()', () => {
  it('an analysis error stops generation', async () => {
    const result = await run(WITH_ERROR);
    expect(result.diagnostics.map((d) => `${d.severity} ${d.code} ${d.line}:${d.column}`)).toEqual(['error LG205 5:1']);
    expect(result.files).toEqual([]);
  });

  it('a warning does not stop generation', async () => {
    const result = await run(WARNING_ONLY);
    expect(result.diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(['warning LG210']);
    expect(result.files.some((f) => f.path.endsWith('count.ts'))).toBe(true);
  });

  it.each([
    ['--strict', { warningsAsErrors: true }],
    ['--cluster', { cluster: true }],
  ] as const)('%s turns the cluster warning into an error', async (_flag, config) => {
    const result = await run(WARNING_ONLY, config);
    expect(result.diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(['error LG210']);
    expect(result.files).toEqual([]);
  });
});
