import { execFile, spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../support/generate-fixture';
import { COUNTER_SCRIPT, runCli, tempProject } from './cli-harness';

const exec = promisify(execFile);

describe('luagen new', () => {
  it('starts a script from the template that builds cleanly, and never overwrites', async () => {
    const project = await tempProject({});
    await fs.mkdir(path.join(project, 'lua'));
    const created = await runCli(project, 'new', 'ratelimit/token_bucket');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('created lua/ratelimit/token_bucket.lua');
    const again = await runCli(project, 'new', 'ratelimit/token_bucket');
    expect(again.code).toBe(3);
    expect(again.stderr).toContain('already exists');
    const build = await runCli(project, 'build', '--strict');
    expect(build.code).toBe(0);
    await expect(fs.readFile(path.join(project, 'generated/scripts/ratelimit/tokenBucket.ts'), 'utf8')).resolves.toContain('ratelimitTokenBucket');
    await fs.rm(project, { recursive: true, force: true });
  });

  it('rejects a path that cannot become a name', async () => {
    const project = await tempProject({});
    expect((await runCli(project, 'new', '../escape')).code).toBe(3);
    await fs.rm(project, { recursive: true, force: true });
  });

  it('refuses a name build would refuse (then, to_string), and accepts ioredis method names and reserved words', async () => {
    const project = await tempProject({});
    const then = await runCli(project, 'new', 'jobs/then');
    expect(then.code).toBe(3);
    expect(then.stderr).toContain("LG106: a script named 'then' makes the object holding it a thenable");
    expect((await runCli(project, 'new', 'to_string')).stderr).toContain('LG106');
    for (const name of ['get', 'status', 'class', 'Object']) expect((await runCli(project, 'new', name)).code).toBe(0);
    await expect(fs.readdir(path.join(project, 'lua'))).resolves.toEqual(['Object.lua', 'class.lua', 'get.lua', 'status.lua']);
    await fs.rm(project, { recursive: true, force: true });
  });
});

describe('the luagen process', () => {
  it('sets the exit code and prints --help', async () => {
    const project = await tempProject({ 'lua/app/counter.lua': COUNTER_SCRIPT.replace("ARGV[1])", 'ARGV[1]') });
    const cli = path.join(REPO_ROOT, 'cli.ts');
    const tsx = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
    const run = exec(tsx, [cli, 'build'], { cwd: project });
    await expect(run).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('lua/app/counter.lua:6:1: error LG001') });
    const help = await exec(tsx, [cli, '--help'], { cwd: project });
    expect(help.stdout).toContain('Exit codes:');
    await fs.rm(project, { recursive: true, force: true });
  }, 30_000);
});

describe('the installed bin', () => {
  // npm ci builds dist/ (prepare); `npx luagen` then runs dist/cli.js directly, so it must be executable.
  it('is built, executable, and runs', async () => {
    const bin = path.join(REPO_ROOT, 'dist', 'cli.js');
    const mode = (await fs.stat(bin)).mode;
    expect(mode & 0o111).not.toBe(0);
    const help = await exec(bin, ['--help']);
    expect(help.stdout).toContain('Usage: luagen');
  });

  it('exits quietly when its output pipe is closed early (luagen --help | head -0)', async () => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });
});

