import { REPO_ROOT } from '../support/generate-fixture';
import { runCli } from './cli-harness';

// The committed generated/ and the library's catalog (docs/library/) must be exactly what
// `luagen build --docs docs/library` writes from the committed lua/.
test('generated/ and docs/library/ are up to date with lua/ (luagen check --docs docs/library)', async () => {
  const check = await runCli(REPO_ROOT, 'check', '--strict', '--docs', 'docs/library');
  expect(check.stderr).toBe('');
  expect(check.code).toBe(0);
}, 30_000);
