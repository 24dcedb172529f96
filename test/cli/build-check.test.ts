import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { COUNTER_SCRIPT, READ_SCRIPT, runCli, snapshot, tempProject, writeFile } from './cli-harness';

describe('luagen build and check', () => {
  let project: string;

  beforeEach(async () => {
    project = await tempProject({ 'lua/app/counter.lua': COUNTER_SCRIPT, 'lua/app/read_value.lua': READ_SCRIPT });
  });

  afterEach(async () => {
    await fs.rm(project, { recursive: true, force: true });
  });

  it('builds, then check finds generated/ up to date', async () => {
    const build = await runCli(project, 'build');
    expect(build.code).toBe(0);
    expect(build.stdout).toMatch(/^luagen build: 2 scripts, 0 warnings, 0 errors, \d+ files \(\d+ written, 0 removed\) in \d+ ms$/);
    await expect(fs.readFile(path.join(project, 'generated/scripts/app/readValue.ts'), 'utf8')).resolves.toContain('// Source: lua/app/read_value.lua');
    const check = await runCli(project, 'check');
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('generated/ is up to date');
  });

  it('a no-op rebuild writes nothing', async () => {
    await runCli(project, 'build');
    const before = await snapshot(path.join(project, 'generated'));
    const again = await runCli(project, 'build');
    expect(again.stdout).toContain('(0 written, 0 removed)');
    expect(await snapshot(path.join(project, 'generated'))).toEqual(before);
  });

  it('check names a new script as missing and fails; build then adds it', async () => {
    await runCli(project, 'build');
    await writeFile(project, 'lua/app/reset.lua', COUNTER_SCRIPT);
    const check = await runCli(project, 'check');
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('missing: generated/scripts/app/reset.ts');
    expect(check.stderr).toContain('stale:   generated/index.ts');
    expect(check.stderr).toMatch(/^\+.*appReset/m);
    expect((await runCli(project, 'build')).code).toBe(0);
    expect((await runCli(project, 'check')).code).toBe(0);
  });

  it('check shows a diff for a hand-edited generated file', async () => {
    await runCli(project, 'build');
    const file = path.join(project, 'generated/scripts/app/counter.ts');
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('how much to add', 'edited by hand'));
    const check = await runCli(project, 'check');
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('stale:   generated/scripts/app/counter.ts');
    expect(check.stderr).toContain('-  /** edited by hand */');
    expect(check.stderr).toContain('+  /** how much to add */');
  });

  it('removes the files of a deleted script, never a file without the banner', async () => {
    await runCli(project, 'build');
    await writeFile(project, 'generated/custom/helpers.ts', 'export const mine = 1;\n');
    await fs.rm(path.join(project, 'lua/app/counter.lua'));
    const check = await runCli(project, 'check');
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('extra:   generated/scripts/app/counter.ts (its script is gone)');
    const build = await runCli(project, 'build');
    expect(build.stdout).toContain('1 removed');
    await expect(fs.stat(path.join(project, 'generated/scripts/app/counter.ts'))).rejects.toThrow();
    await expect(fs.readFile(path.join(project, 'generated/custom/helpers.ts'), 'utf8')).resolves.toBe('export const mine = 1;\n');
  });

  it('a Lua syntax error fails with file:line:col and leaves generated/ byte-for-byte unchanged', async () => {
    await runCli(project, 'build');
    const before = await snapshot(path.join(project, 'generated'));
    await writeFile(project, 'lua/app/counter.lua', COUNTER_SCRIPT.replace("ARGV[1])", 'ARGV[1]'));
    const build = await runCli(project, 'build');
    expect(build.code).toBe(2);
    expect(build.stderr).toMatch(/^lua\/app\/counter\.lua:6:1: error LG001: Lua syntax error: '\)' expected/m);
    expect(build.stdout).toContain('generated/ left unchanged');
    expect(await snapshot(path.join(project, 'generated'))).toEqual(before);
    expect((await runCli(project, 'check')).code).toBe(2);
  });

  it('prints JSON and GitHub annotations on request', async () => {
    await writeFile(project, 'lua/app/bad.lua', '--- @key k\n--- @return intger\nreturn 1\n');
    const json = await runCli(project, 'build', '--format', 'json');
    expect(json.code).toBe(2);
    const diagnostics = JSON.parse(json.stdout) as { file: string; line: number; column: number; code: string }[];
    expect(diagnostics).toContainEqual(
      expect.objectContaining({ file: 'lua/app/bad.lua', line: 2, column: 13, code: 'LG004', docs: 'docs/diagnostics.md#lg004' }),
    );
    const github = await runCli(project, 'check', '--format', 'github');
    expect(github.stderr).toContain('::error file=lua/app/bad.lua,line=2,col=13,title=LG004::malformed type');
    expect(github.stderr).toMatch(/title=LG004::.*\(docs\/diagnostics.md#lg004\)/);
    const text = await runCli(project, 'check');
    expect(text.stderr).toMatch(/^lua\/app\/bad\.lua:2:13: error LG004: .*\n  help: .* \(docs\/diagnostics\.md#lg004\)$/m);
  });

  it('honours --src and --out', async () => {
    await fs.rename(path.join(project, 'lua'), path.join(project, 'scripts'));
    const build = await runCli(project, 'build', '--src', 'scripts', '--out', 'client');
    expect(build.code).toBe(0);
    await expect(fs.readFile(path.join(project, 'client/index.ts'), 'utf8')).resolves.toContain('// Source: scripts/ (2 scripts)');
  });

  it('exits 3 on a missing script folder or bad usage', async () => {
    const missing = await runCli(project, 'build', '--src', 'nowhere');
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain("the script folder 'nowhere' does not exist");
    expect((await runCli(project, 'build', '--format', 'xml')).code).toBe(3);
    expect((await runCli(project, 'frobnicate')).code).toBe(3);
  });
});

describe('source files as editors save them', () => {
  it('accepts CRLF line ends and a byte order mark, and sends Redis LF text without the mark', async () => {
    const project = await tempProject({ 'lua/app/counter.lua': `\uFEFF${COUNTER_SCRIPT.replace(/\n/g, '\r\n')}` });
    expect((await runCli(project, 'build', '--strict')).code).toBe(0);
    const module = await fs.readFile(path.join(project, 'generated/scripts/app/counter.ts'), 'utf8');
    expect(module).toContain("lua: `--- Adds to a counter.\n--- @key counter");
    expect(module).not.toMatch(/\r|\uFEFF/);
    await fs.rm(project, { recursive: true, force: true });
  });
});

describe('a luagen-ignore comment on a header line', () => {
  it('silences the finding on that line and stays out of the generated documentation', async () => {
    const script = '--- Reads nothing from its key.\n--- @key marker  kept for the slot -- luagen-ignore LG202\n--- @return integer\nreturn 1\n';
    const project = await tempProject({ 'lua/app/marker.lua': script });
    const build = await runCli(project, 'build', '--strict');
    expect(build.stderr).toBe('');
    expect(build.code).toBe(0);
    const module = await fs.readFile(path.join(project, 'generated/scripts/app/marker.ts'), 'utf8');
    expect(module).toContain('/** Key: kept for the slot */');
    await fs.rm(project, { recursive: true, force: true });
  });
});
