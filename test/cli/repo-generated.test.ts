import { REPO_ROOT } from '../support/generate-fixture';
import { runCli } from './cli-harness';

// The committed generated/ must be exactly what `luagen build` writes from the committed lua/.
test('generated/ is up to date with lua/ (luagen check)', async () => {
  const check = await runCli(REPO_ROOT, 'check', '--strict');
  expect(check.stderr).toBe('');
  expect(check.code).toBe(0);
}, 30_000);
