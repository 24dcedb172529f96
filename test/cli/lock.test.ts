import { execFile, spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../support/generate-fixture';
import { COUNTER_SCRIPT, runCli, tempProject, writeFile } from './cli-harness';

// One build at a time writes an output folder, and what an interrupted build leaves is found and cleaned
// (issue 10, point 13).

const exec = promisify(execFile);
const TSX = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
const CLI = path.join(REPO_ROOT, 'cli.ts');

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

function lockText(pid: number): string {
  return JSON.stringify({ pid, host: os.hostname() });
}

describe('the output folder lock', () => {
  let project: string;

  beforeEach(async () => {
    project = await tempProject({ 'lua/app/counter.lua': COUNTER_SCRIPT });
  });

  afterEach(async () => {
    await fs.rm(project, { recursive: true, force: true });
  });

  it('check reports what a killed build leaves (its lock and temporary files); build cleans it up', async () => {
    await runCli(project, 'build');
    await writeFile(project, 'generated/.luagen.lock', lockText(await deadPid()));
    await writeFile(project, 'generated/scripts/app/.luagen-tmp-99999-3', 'half');
    await writeFile(project, 'generated/index.ts.luagen-tmp-4242', 'half');
    const check = await runCli(project, 'check');
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/^interrupted: generated\/\.luagen\.lock \(a build, pid \d+, was killed while writing/m);
    expect(check.stderr).toContain('leftover: generated/scripts/app/.luagen-tmp-99999-3');
    expect(check.stderr).toContain('leftover: generated/index.ts.luagen-tmp-4242');
    expect((await runCli(project, 'build')).code).toBe(0);
    const files = await fs.readdir(path.join(project, 'generated'), { recursive: true });
    expect(files.filter((f) => /luagen-tmp|\.luagen\.lock/.test(f))).toEqual([]);
    expect((await runCli(project, 'check')).code).toBe(0);
  });

  it('a build waits while a live process holds the lock', async () => {
    await runCli(project, 'build');
    const holder = spawn('sleep', ['30']);
    await writeFile(project, 'generated/.luagen.lock', lockText(holder.pid!));
    await writeFile(project, 'lua/app/other.lua', COUNTER_SCRIPT);
    let finished = false;
    const build = runCli(project, 'build').then((run) => {
      finished = true;
      return run;
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(finished).toBe(false);
    await expect(fs.stat(path.join(project, 'generated/scripts/app/other.ts'))).rejects.toThrow();
    holder.kill('SIGKILL');
    expect((await build).code).toBe(0);
    await expect(fs.stat(path.join(project, 'generated/scripts/app/other.ts'))).resolves.toBeTruthy();
    expect((await runCli(project, 'check')).code).toBe(0);
  });

  it('two builds of different inputs at once leave exactly one of the two outputs', async () => {
    // Many scripts, so that the two builds' writes overlap; each variant differs in every file.
    for (const variant of ['a', 'b']) {
      for (let i = 0; i < 120; i++) {
        await writeFile(project, `${variant}/app/s${i}.lua`, COUNTER_SCRIPT.replace('Adds to a counter.', `Variant ${variant}.`));
      }
    }
    for (let round = 0; round < 3; round++) {
      const runs = ['a', 'b'].map((src) => exec(TSX, [CLI, 'build', '--src', src], { cwd: project }));
      await Promise.all(runs);
      const checks = await Promise.all(['a', 'b'].map((src) => runCli(project, 'check', '--src', src)));
      expect(checks.map((c) => c.code).sort()).toEqual([0, 1]);
      await fs.rm(path.join(project, 'generated'), { recursive: true });
    }
  }, 120_000);
});
