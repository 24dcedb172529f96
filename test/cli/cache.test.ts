import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { COUNTER_SCRIPT, runCli, tempProject } from './cli-harness';

// The result cache becomes generated code: it must be private and verified, and check must not trust it
// (issue 10, point 8). The projects live in the temp folder, with no node_modules above them, so the cache is
// the user's own folder ($XDG_CACHE_HOME/luagen here).

const INJECTED = 'console.log("INJECTED via cache");';

interface Entry {
  key: string;
  digest: string;
  result: { files: { path: string; content: string }[] };
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

  /** Rewrites the one cache entry so that it would put `INJECTED` into index.ts; `digest` false leaves the old digest. */
  async function poisonEntry(options: { digest: boolean }): Promise<void> {
    const names = (await fs.readdir(cacheDir)).filter((n) => n.endsWith('.json'));
    expect(names).toHaveLength(1);
    const file = path.join(cacheDir, names[0]);
    const entry = JSON.parse(await fs.readFile(file, 'utf8')) as Entry;
    const index = entry.result.files.find((f) => f.path === 'index.ts')!;
    index.content += `${INJECTED}\n`;
    if (options.digest) entry.digest = createHash('sha256').update(JSON.stringify(entry.result)).digest('hex');
    await fs.writeFile(file, JSON.stringify(entry));
  }

  async function indexText(): Promise<string> {
    return fs.readFile(path.join(project, 'generated/index.ts'), 'utf8');
  }

  it('lives in a folder of the user (mode 0700), one entry per input hash', async () => {
    expect((await runCli(project, 'build')).code).toBe(0);
    const stat = await fs.stat(cacheDir);
    expect(stat.mode & 0o777).toBe(0o700);
    expect(stat.uid).toBe(process.getuid!());
    expect((await fs.readdir(cacheDir)).filter((n) => /^[0-9a-f]{64}\.json$/.test(n))).toHaveLength(1);
  });

  it('is not used when other users can write its folder: a planted entry never reaches generated/', async () => {
    await runCli(project, 'build');
    await poisonEntry({ digest: true });
    await fs.chmod(cacheDir, 0o777);
    await fs.rm(path.join(project, 'generated/index.ts'));
    expect((await runCli(project, 'build')).code).toBe(0);
    expect(await indexText()).not.toContain('INJECTED');
  });

  it('ignores an entry whose content does not match its digest', async () => {
    await runCli(project, 'build');
    await poisonEntry({ digest: false });
    await fs.rm(path.join(project, 'generated/index.ts'));
    expect((await runCli(project, 'build')).code).toBe(0);
    expect(await indexText()).not.toContain('INJECTED');
  });

  it('is never trusted by check: generated code that came from a poisoned entry is reported stale', async () => {
    await runCli(project, 'build');
    await poisonEntry({ digest: true });
    await fs.rm(path.join(project, 'generated/index.ts'));
    // An entry with a matching digest in the user's own folder is trusted by build (anyone who can write it can
    // already run code as this user); check regenerates from the sources and catches the difference.
    await runCli(project, 'build');
    expect(await indexText()).toContain('INJECTED');
    const check = await runCli(project, 'check');
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('stale:   generated/index.ts');
    expect(check.stderr).toContain(`-${INJECTED}`);
  });
});
