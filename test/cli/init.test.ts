import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli, snapshot } from './cli-harness';
import { REPO_ROOT } from '../support/generate-fixture';

/**
 * `luagen init` over folders of unannotated scripts in the shapes real projects use (a job queue with
 * `name-N.lua` files, includes and `rcall`; licence-headed scripts; a hash-tagged key-prefix layout), then
 * `luagen build`: zero errors, and only the findings the scripts really deserve.
 */
const CORPUS = path.join(REPO_ROOT, 'test/fixtures/adopt');

async function copyCorpus(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'luagen-init-'));
  await fs.cp(CORPUS, dir, { recursive: true });
  return dir;
}

describe('luagen init', () => {
  let project: string;
  beforeEach(async () => {
    project = await copyCorpus();
  });
  afterEach(() => fs.rm(project, { recursive: true, force: true }));

  it('--dry-run prints the headers as a diff and changes no file', async () => {
    const before = await snapshot(project);
    const run = await runCli(project, 'init', '--src', 'jobqueue', '--dry-run');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('+--- @key id');
    expect(run.stdout).toContain('luagen init: would add 4 headers (2 included files left as modules)');
    expect(await snapshot(project)).toEqual(before);
  });

  it.each([
    ['jobqueue', 4, ['jobqueue/getCounts-1.lua LG202', 'jobqueue/getCounts-1.lua LG210']],
    ['licensed', 2, []],
    ['tagged', 1, []],
  ])('%s: init then build gives no error and only the real findings', async (folder, headers, findings) => {
    const init = await runCli(project, 'init', '--src', folder);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain(`added ${headers} header${headers === 1 ? '' : 's'}`);
    const build = await runCli(project, 'build', '--src', folder, '--out', `generated-${folder}`, '--format', 'json');
    expect(build.code).toBe(0);
    const diagnostics = JSON.parse(build.stdout) as { file: string; code: string; severity: string }[];
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(diagnostics.map((d) => `${d.file} ${d.code}`)).toEqual(findings);
  });

  it('is idempotent: a second run adds nothing and changes no byte', async () => {
    await runCli(project, 'init', '--src', 'jobqueue');
    const after = await snapshot(project);
    const again = await runCli(project, 'init', '--src', 'jobqueue');
    expect(again.stdout).toBe('luagen init: added 0 headers (2 included files left as modules)');
    expect(await snapshot(project)).toEqual(after);
  });

  it('names slots from comments, counts keys from the file name, and keeps the comments', async () => {
    await runCli(project, 'init', '--src', 'jobqueue');
    const text = await fs.readFile(path.join(project, 'jobqueue/addJob-4.lua'), 'utf8');
    const original = await fs.readFile(path.join(CORPUS, 'jobqueue/addJob-4.lua'), 'utf8');
    expect(text.split('\n').filter((l) => l.startsWith('--- @'))).toEqual([
      '--- @key id',
      '--- @key wait',
      '--- @key events',
      '--- @key jobs',
      '--- @arg jobName string   job name',
      '--- @arg jsonData string   json data',
      '--- @arg maxEvents string   max events',
      '--- @return string',
      '--- @include "includes/emitEvent"',
    ]);
    expect(text.split('\n').filter((l) => !l.startsWith('--- @'))).toEqual(original.split('\n').filter((l) => !l.startsWith('--- @')));
    const active = await fs.readFile(path.join(project, 'jobqueue/moveToActive-3.lua'), 'utf8');
    expect(active).toContain('--- @return string?');
    const counts = await fs.readFile(path.join(project, 'jobqueue/getCounts-1.lua'), 'utf8');
    expect(counts).toContain('--- @arg ...moreArgs string');
    expect(counts).toContain('--- @readonly');
  });

  it('declares a KEYS slot used as a name prefix with @prefix, and an error code it raises', async () => {
    await runCli(project, 'init', '--src', 'tagged');
    await runCli(project, 'init', '--src', 'licensed');
    await expect(fs.readFile(path.join(project, 'tagged/enqueue.lua'), 'utf8')).resolves.toContain('--- @prefix taskHashPrefix');
    await expect(fs.readFile(path.join(project, 'licensed/release.lua'), 'utf8')).resolves.toContain('--- @error NOT_OWNER');
  });
});

test('a key count in the file name (addJob-4.lua) is not part of the function name', async () => {
  const project = await copyCorpus();
  try {
    await runCli(project, 'init', '--src', 'jobqueue');
    await runCli(project, 'build', '--src', 'jobqueue');
    const index = await fs.readFile(path.join(project, 'generated/index.ts'), 'utf8');
    expect(index).toMatch(/\baddJob\b/);
    expect(index).toMatch(/\bmoveToActive\b/);
    expect(index).not.toMatch(/addJob4|moveToActive3/);
  } finally {
    await fs.rm(project, { recursive: true, force: true });
  }
});
