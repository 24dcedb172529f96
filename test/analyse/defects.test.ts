import { promises as fs, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { formatDiagnostics } from '../../generator/diagnostics/format';
import { analyseSource, FIXTURES, REPO_ROOT } from './analyse-source';

/**
 * Golden tests: each `defects/<case>.lua` has a planted bug, and `<case>.expected.txt` holds the exact text
 * diagnostics. `UPDATE_GOLDEN=1 npx jest test/analyse` rewrites the goldens (review the diff!).
 * Cases named `cluster-mode-*` are analysed as if `--cluster` were given.
 */
const DEFECTS = `${FIXTURES}/defects`;

// jest collects `it.each` tables synchronously, before any test runs.
const CASES = readdirSync(path.join(REPO_ROOT, DEFECTS))
  .filter((name) => name.endsWith('.lua'))
  .map((name) => name.replace(/\.lua$/, ''))
  .sort();

describe('defect corpus (golden diagnostics)', () => {
  it('has a fixture for every analysis code', async () => {
    const goldens = await Promise.all(CASES.map((name) => fs.readFile(path.join(REPO_ROOT, DEFECTS, `${name}.expected.txt`), 'utf8').catch(() => '')));
    const codes = new Set(goldens.join('\n').match(/LG2\d\d/g));
    expect([...codes].sort()).toEqual(['LG201', 'LG202', 'LG203', 'LG204', 'LG205', 'LG206', 'LG207', 'LG208', 'LG209', 'LG210', 'LG211', 'LG212', 'LG213', 'LG214', 'LG215', 'LG216']);
  });

  it.each(CASES)('%s', async (name) => {
    const file = `${DEFECTS}/${name}.lua`;
    const source = await fs.readFile(path.join(REPO_ROOT, file), 'utf8');
    const diagnostics = analyseSource(source, file, { cluster: name.startsWith('cluster-mode-') });
    const actual = `${formatDiagnostics(diagnostics, 'text')}\n`;
    const goldenPath = path.join(REPO_ROOT, DEFECTS, `${name}.expected.txt`);
    if (process.env.UPDATE_GOLDEN === '1') await fs.writeFile(goldenPath, actual);
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(actual).toBe(await fs.readFile(goldenPath, 'utf8'));
  });
});
