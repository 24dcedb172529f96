import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { COUNTER_SCRIPT, READ_SCRIPT, runCli, snapshot, tempProject, writeFile } from './cli-harness';

describe('luagen docs and --docs', () => {
  let project: string;

  beforeEach(async () => {
    project = await tempProject({ 'lua/app/counter.lua': COUNTER_SCRIPT, 'lua/app/read_value.lua': READ_SCRIPT });
  });

  afterEach(async () => {
    await fs.rm(project, { recursive: true, force: true });
  });

  it('writes the catalog to docs/scripts by default, and only the catalog', async () => {
    const docs = await runCli(project, 'docs');
    expect(docs.code).toBe(0);
    expect(docs.stdout).toMatch(/^luagen docs: 2 scripts, 0 warnings, 0 errors, 2 pages in docs\/scripts\/ \(2 written, 0 removed\) in \d+ ms$/);
    expect((await fs.readdir(path.join(project, 'docs/scripts'))).sort()).toEqual(['.luagen-manifest.json', 'README.md', 'app.md']);
    const page = await fs.readFile(path.join(project, 'docs/scripts/app.md'), 'utf8');
    expect(page).toContain('## app.readValue');
    expect(page).toContain('[lua/app/read_value.lua](../../lua/app/read_value.lua)');
    await expect(fs.stat(path.join(project, 'generated'))).rejects.toThrow();
  });

  it('build --docs writes both; check --docs fails on a stale page and names it; hand-written pages are kept', async () => {
    await writeFile(project, 'site/scripts/intro.md', '# Our scripts\n');
    const build = await runCli(project, 'build', '--docs', 'site/scripts');
    expect(build.code).toBe(0);
    expect(build.stdout).toContain('2 catalog pages in site/scripts/ (2 written, 0 removed)');
    expect((await runCli(project, 'check', '--docs', 'site/scripts')).stdout).toContain('generated/ and site/scripts/ are up to date');

    await writeFile(project, 'lua/app/counter.lua', COUNTER_SCRIPT.replace('Adds to a counter.', 'Adds to a counter, atomically.'));
    await runCli(project, 'build');
    const check = await runCli(project, 'check', '--docs', 'site/scripts');
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('stale:   site/scripts/app.md');
    expect(check.stderr).toContain('+Adds to a counter, atomically.');
    expect(check.stdout).toContain('out of date');

    await fs.rm(path.join(project, 'lua/app'), { recursive: true });
    await writeFile(project, 'lua/other/counter.lua', COUNTER_SCRIPT);
    expect((await runCli(project, 'build', '--docs', 'site/scripts')).code).toBe(0);
    expect((await fs.readdir(path.join(project, 'site/scripts'))).sort()).toEqual(['.luagen-manifest.json', 'README.md', 'intro.md', 'other.md']);
    await expect(fs.readFile(path.join(project, 'site/scripts/intro.md'), 'utf8')).resolves.toBe('# Our scripts\n');
  });

  it('leaves the catalog as it was when a script has errors', async () => {
    await runCli(project, 'docs');
    const before = await snapshot(path.join(project, 'docs/scripts'));
    await writeFile(project, 'lua/app/bad.lua', '--- @key k\n--- @return intger\nreturn 1\n');
    const docs = await runCli(project, 'docs');
    expect(docs.code).toBe(2);
    expect(docs.stderr).toContain('LG004');
    expect(await snapshot(path.join(project, 'docs/scripts'))).toEqual(before);
  });

  it('links the sources the same way when the catalog folder is given as an absolute path', async () => {
    expect((await runCli(project, 'docs', '--out', path.join(project, 'site', 'ref'))).code).toBe(0);
    const page = await fs.readFile(path.join(project, 'site/ref/app.md'), 'utf8');
    expect(page).toContain('[lua/app/read_value.lua](../../lua/app/read_value.lua)');
  });

  it('refuses a catalog folder that is the client folder', async () => {
    const build = await runCli(project, 'build', '--docs', 'generated/');
    expect(build.code).toBe(3);
    expect(build.stderr).toContain("is the client's folder");
  });
});
