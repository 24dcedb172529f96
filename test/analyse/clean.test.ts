import { DEFAULT_CONFIG } from '../../generator/config';
import { discoverScripts } from '../../generator/discover/discover';
import { readTemplates } from '../../generator/discover/templates';
import { formatDiagnostics } from '../../generator/diagnostics/format';
import { generate } from '../../generator/generate';
import { analyseSource, FIXTURES, luaFixtures, REPO_ROOT } from './analyse-source';

/**
 * Correct, idiomatic scripts must produce no diagnostic at all: a false alarm costs trust. `queue-style/` holds
 * scripts in the shapes job queues use (aliases of redis.call, licence and doc blocks above the header, loops
 * over a range of KEYS).
 */
describe('clean corpus', () => {
  it('every clean script is free of diagnostics, in normal and in cluster mode', async () => {
    const fixtures = [...(await luaFixtures(`${FIXTURES}/clean`)), ...(await luaFixtures(`${FIXTURES}/queue-style`))];
    expect(fixtures.length).toBeGreaterThan(10);
    for (const cluster of [false, true]) {
      const found = fixtures.flatMap((f) => analyseSource(f.source, f.file, { cluster }));
      expect(formatDiagnostics(found, 'text')).toBe('');
    }
  });

  it('the lua/ library builds with zero diagnostics', async () => {
    const [scripts, templates] = await Promise.all([discoverScripts(REPO_ROOT, 'lua'), readTemplates()]);
    expect(scripts.length).toBeGreaterThan(0);
    const result = generate(DEFAULT_CONFIG, { scripts, templates });
    expect(formatDiagnostics(result.diagnostics, 'text')).toBe('');
  });
});
