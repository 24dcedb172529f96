import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { COUNTER_SCRIPT, runCli, tempProject } from './cli-harness';

// The result cache feeds generated/: it must be private and verified, and check must not trust it (issue 10,
// point 8). It names each generated file by the SHA-256 of its content and takes the text from the output
// folder only when every file there matches (issue 13: a third of the bytes to write on a cold build). The
// projects live in the temp folder, with no node_modules above them, so the cache is the user's own folder
// ($XDG_CACHE_HOME/luagen here).

/** A warning planted in a cache entry: seen in build's output only when the entry was reused. */
const PLANTED = 'PLANTED in the cache entry';

interface Entry {
  key: string;
  digest: string;
  result: { files: { path: string; sha256: string }[]; diagnostics: object[] };
}

describe('the result cache', () => {
  let project: string;
  let cacheHome: string;
  let cacheDir: string;
  const saved = { xdg: process.env.XDG_CACHE_HOME, dir: process.env.LUAGEN_CACHE_DIR };

  beforeEach(async () => {
    project = await tempProject({ 'lua/app/counter.lua': COUNTER_SCRIPT });
    cacheHome = await fs.mkdtemp(path.join(os.tmpdir(), 'luagen-cache-home-'));
    cacheDir = path.join(cacheHome, 'luagen');
    process.env.XDG_CACHE_HOME = cacheHome;
    delete process.env.LUAGEN_CACHE_DIR;
  });

  afterEach(async () => {
    process.env.XDG_CACHE_HOME = saved.xdg;
    if (saved.dir === undefined) delete process.env.LUAGEN_CACHE_DIR;
    else process.env.LUAGEN_CACHE_DIR = saved.dir;
    if (saved.xdg === undefined) delete process.env.XDG_CACHE_HOME;
    await fs.rm(project, { recursive: true, force: true });
    await fs.rm(cacheHome, { recursive: true, force: true });
  });

  async function entryFile(): Promise<string> {
    const names = (await fs.readdir(cacheDir)).filter((n) => n.endsWith('.json'));
    expect(names).toHaveLength(1);
    return path.join(cacheDir, names[0]);
  }

  /** Adds a warning to the one cache entry; `digest` false leaves the old digest. */
  async function plantWarning(options: { digest: boolean }): Promise<void> {
    const file = await entryFile();
    const entry = JSON.parse(await fs.readFile(file, 'utf8')) as Entry;
    entry.result.diagnostics.push({ file: 'lua/app/counter.lua', line: 1, column: 1, code: 'LG001', severity: 'warning', message: PLANTED });
    if (options.digest) entry.digest = createHash('sha256').update(JSON.stringify(entry.result)).digest('hex');
    await fs.writeFile(file, JSON.stringify(entry));
  }

  const indexFile = () => path.join(project, 'generated/index.ts');

  it('lives in a folder of the user (mode 0700), one entry per input hash', async () => {
    expect((await runCli(project, 'build')).code).toBe(0);
    const stat = await fs.stat(cacheDir);
    expect(stat.mode & 0o777).toBe(0o700);
    expect(stat.uid).toBe(process.getuid!());
    expect((await fs.readdir(cacheDir)).filter((n) => /^[0-9a-f]{64}\.json$/.test(n))).toHaveLength(1);
  });

  it('names each generated file by the digest of its content, without its text', async () => {
    expect((await runCli(project, 'build')).code).toBe(0);
    const text = await fs.readFile(await entryFile(), 'utf8');
    const entry = JSON.parse(text) as Entry;
    const index = entry.result.files.find((f) => f.path === 'index.ts');
    expect(Object.keys(index ?? {}).sort()).toEqual(['path', 'sha256']);
    expect(index?.sha256).toBe(createHash('sha256').update(await fs.readFile(indexFile())).digest('hex'));
    const indexLines = (await fs.readFile(indexFile(), 'utf8')).split('\n').filter((line) => line.includes('import '));
    expect(indexLines.length).toBeGreaterThan(0);
    for (const line of indexLines) expect(text).not.toContain(JSON.stringify(line).slice(1, -1));
  });

  it('is reused by a no-op build: what the entry holds is what build reports', async () => {
    await runCli(project, 'build');
    await plantWarning({ digest: true });
    const again = await runCli(project, 'build');
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(PLANTED);
  });

  it('is not used when other users can write its folder', async () => {
    await runCli(project, 'build');
    await plantWarning({ digest: true });
    await fs.chmod(cacheDir, 0o777);
    const again = await runCli(project, 'build');
    expect(again.code).toBe(0);
    expect(again.stderr).not.toContain(PLANTED);
  });

  it('ignores an entry whose content does not match its digest', async () => {
    await runCli(project, 'build');
    await plantWarning({ digest: false });
    const again = await runCli(project, 'build');
    expect(again.code).toBe(0);
    expect(again.stderr).not.toContain(PLANTED);
  });

  it('is not reused when a generated file was edited or removed: the result is generated afresh', async () => {
    await runCli(project, 'build');
    const original = await fs.readFile(indexFile(), 'utf8');
    await plantWarning({ digest: true });
    await fs.appendFile(indexFile(), 'console.log("edited by hand");\n');
    const edited = await runCli(project, 'build');
    expect(edited.code).toBe(0);
    expect(edited.stderr).not.toContain(PLANTED);
    expect(await fs.readFile(indexFile(), 'utf8')).toBe(original);
    await fs.rm(indexFile());
    expect((await runCli(project, 'build')).code).toBe(0);
    expect(await fs.readFile(indexFile(), 'utf8')).toBe(original);
  });

  it('is never read by check', async () => {
    await runCli(project, 'build');
    await plantWarning({ digest: true });
    const check = await runCli(project, 'check');
    expect(check.code).toBe(0);
    expect(check.stderr).not.toContain(PLANTED);
  });
});
