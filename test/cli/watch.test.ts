import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { watchCommand } from '../../generator/cli/watch';
import { REPO_ROOT } from '../support/generate-fixture';
import { COUNTER_SCRIPT, tempProject, writeFile } from './cli-harness';

async function waitFor(condition: () => Promise<boolean>, what: string): Promise<void> {
  for (let attempt = 0; attempt < 400; attempt++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

test('watch builds, rebuilds when a script is added, and keeps generated/ on an error', async () => {
  const project = await tempProject({ 'lua/app/counter.lua': COUNTER_SCRIPT });
  const out: string[] = [];
  const io = { cwd: project, out: (t: string) => out.push(t), err: (t: string) => out.push(t) };
  const controller = new AbortController();
  const options = { src: 'lua', out: 'generated', format: 'text' as const, cluster: false, strict: false, esm: false };
  const done = watchCommand(options, io, controller.signal, 20);
  const exists = (file: string) => fs.stat(path.join(project, file)).then(() => true, () => false);
  try {
    await waitFor(() => exists('generated/scripts/app/counter.ts'), 'the first build');
    await writeFile(project, 'lua/app/reset.lua', COUNTER_SCRIPT);
    await waitFor(() => exists('generated/scripts/app/reset.ts'), 'the rebuild');
    await writeFile(project, 'lua/app/reset.lua', 'local x = (\n');
    await waitFor(async () => out.some((line) => line.includes('LG001')), 'the syntax error');
    expect(await exists('generated/scripts/app/reset.ts')).toBe(true);
  } finally {
    controller.abort();
    await expect(done).resolves.toBe(0);
    await fs.rm(project, { recursive: true, force: true });
  }
}, 60_000);

test('watch --docs keeps the catalog in step with the scripts', async () => {
  const project = await tempProject({ 'lua/app/counter.lua': COUNTER_SCRIPT });
  const io = { cwd: project, out: () => undefined, err: () => undefined };
  const controller = new AbortController();
  const options = { src: 'lua', out: 'generated', format: 'text' as const, cluster: false, strict: false, esm: false, docs: 'docs/scripts' };
  const done = watchCommand(options, io, controller.signal, 20);
  const page = () => fs.readFile(path.join(project, 'docs/scripts/app.md'), 'utf8').catch(() => '');
  try {
    await waitFor(async () => (await page()).includes('## app.counter'), 'the first catalog');
    await writeFile(project, 'lua/app/reset.lua', COUNTER_SCRIPT);
    await waitFor(async () => (await page()).includes('## app.reset'), 'the catalog after a new script');
  } finally {
    controller.abort();
    await expect(done).resolves.toBe(0);
    await fs.rm(project, { recursive: true, force: true });
  }
}, 60_000);

const exec = promisify(execFile);
// Each step below waits up to 20 s for the watcher (a loaded CI machine is slow); the default 30 s is too short.
jest.setTimeout(90_000);
const VIM = (process.env.PATH ?? '').split(path.delimiter).map((dir) => path.join(dir, 'vim')).find((file) => existsSync(file));

/**
 * `luagen watch` as a real process, driven by the ways editors and tools save: an atomic save (write a temp
 * file, rename it over the script) as JetBrains' safe-write and `sed -i` do, vim's rename-and-rewrite, plain
 * appends, renames, deletes and new folders. Each step waits for the generated client to follow.
 */
test('watch exits 3 when the script folder does not exist', async () => {
  const project = await tempProject({});
  const out: string[] = [];
  const io = { cwd: project, out: (t: string) => out.push(t), err: (t: string) => out.push(t) };
  const options = { src: 'lua', out: 'generated', format: 'text' as const, cluster: false, strict: false, esm: false };
  try {
    await expect(watchCommand(options, io, new AbortController().signal)).resolves.toBe(3);
    expect(out.join('\n')).toContain("the script folder 'lua' does not exist");
  } finally {
    await fs.rm(project, { recursive: true, force: true });
  }
});

describe('luagen watch, as editors save', () => {
  let project: string;
  let child: ChildProcess;
  let output = '';

  const generated = (file: string) => fs.readFile(path.join(project, 'generated', file), 'utf8').catch(() => undefined);

  async function until(what: string, condition: () => Promise<boolean>): Promise<void> {
    // Generous: on a loaded machine starting tsx and the first build take many seconds.
    const deadline = Date.now() + (output.includes('luagen watch: watching') ? 20_000 : 60_000);
    while (Date.now() < deadline) {
      if (await condition()) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`luagen watch did not follow ${what}; it printed:\n${output}`);
  }
  const untilGenerated = (what: string, file: string, text: string) =>
    until(what, async () => (await generated(file))?.includes(text) ?? false);
  const untilGone = (what: string, file: string) => until(what, async () => (await generated(file)) === undefined);

  beforeAll(async () => {
    project = await tempProject({ 'lua/app/counter.lua': COUNTER_SCRIPT, 'lua/app/reset.lua': COUNTER_SCRIPT });
    const tsx = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
    child = spawn(tsx, [path.join(REPO_ROOT, 'cli.ts'), 'watch'], { cwd: project, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    await until('its start', async () => output.includes('luagen watch: watching lua/'));
    await untilGenerated('the first build', 'scripts/app/counter.ts', 'how much to add');
  }, 90_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    }
    await fs.rm(project, { recursive: true, force: true });
  });

  /** Replaces the counter's description the way a JetBrains safe-write does: temp file, old aside, rename, delete. */
  async function safeWrite(file: string, content: string): Promise<void> {
    const target = path.join(project, file);
    await fs.writeFile(`${target}___jb_tmp___`, content);
    await fs.rename(target, `${target}___jb_old___`);
    await fs.rename(`${target}___jb_tmp___`, target);
    await fs.rm(`${target}___jb_old___`);
  }

  it('follows atomic saves (temp file renamed over the script), again and again', async () => {
    for (const round of [1, 2, 3]) {
      const temp = path.join(project, 'lua/app/.counter.lua.tmp');
      await fs.writeFile(temp, COUNTER_SCRIPT.replace('how much to add', `atomic save ${round}`));
      await fs.rename(temp, path.join(project, 'lua/app/counter.lua'));
      await untilGenerated(`atomic save ${round}`, 'scripts/app/counter.ts', `atomic save ${round}`);
    }
  });

  it('follows JetBrains-style safe-writes', async () => {
    for (const round of [1, 2]) {
      await safeWrite('lua/app/counter.lua', COUNTER_SCRIPT.replace('how much to add', `safe write ${round}`));
      await untilGenerated(`safe-write ${round}`, 'scripts/app/counter.ts', `safe write ${round}`);
    }
  });

  it('follows sed -i, then a plain append to the same file', async () => {
    const counter = path.join(project, 'lua/app/counter.lua');
    await exec('sed', ['-i', 's/safe write 2/edited by sed/', counter]);
    await untilGenerated('sed -i', 'scripts/app/counter.ts', 'edited by sed');
    await fs.appendFile(counter, '-- appended after the saves\n');
    await untilGenerated('an append', 'scripts/app/counter.ts', 'appended after the saves');
  });

  // vim with backupcopy=no renames the script aside, writes a new file and deletes the old one.
  (VIM ? it : it.skip)(`follows vim's saves${VIM ? '' : ' (skipped: vim is not on PATH)'}`, async () => {
    const counter = path.join(project, 'lua/app/counter.lua');
    const inode = async () => (await fs.stat(counter)).ino;
    for (const round of [1, 2]) {
      const before = await inode();
      const substitute = `%s/edited by \\(sed\\|vim \\d\\)/edited by vim ${round}/`;
      // backupskip= : vim skips the rename for files under /tmp by default, where this project lives.
      const vim = ['-u', 'NONE', '-i', 'NONE', '-N', '-E', '-s', '-c', 'set backupcopy=no writebackup backupskip=', '-c', substitute, '-c', 'wq', counter];
      await exec(VIM!, vim);
      expect(await inode()).not.toBe(before); // a new file took the script's name
      await untilGenerated(`vim save ${round}`, 'scripts/app/counter.ts', `edited by vim ${round}`);
    }
  });

  it('follows a rename and a delete', async () => {
    await fs.rename(path.join(project, 'lua/app/reset.lua'), path.join(project, 'lua/app/restart.lua'));
    await untilGenerated('a rename', 'scripts/app/restart.ts', 'appRestart');
    await untilGone('a rename', 'scripts/app/reset.ts');
    await fs.rm(path.join(project, 'lua/app/restart.lua'));
    await untilGone('a delete', 'scripts/app/restart.ts');
    await until('a delete', async () => !(await generated('index.ts'))?.includes('appRestart'));
  });

  it('builds once for a burst of changes', async () => {
    const builds = () => output.split('\n').filter((line) => line.startsWith('luagen build:')).length;
    const before = builds();
    const counter = path.join(project, 'lua/app/counter.lua');
    // Synchronous writes: the ten saves land within a millisecond or two, whatever the machine's load.
    for (let i = 0; i < 10; i++) appendFileSync(counter, `-- burst ${i}\n`);
    await untilGenerated('a burst of appends', 'scripts/app/counter.ts', 'burst 9');
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Debounced (100 ms): ten appends within a few milliseconds are one build (two if one started in between).
    expect(builds() - before).toBeGreaterThanOrEqual(1);
    expect(builds() - before).toBeLessThanOrEqual(2);
  });

  it('follows new folders, nested ones and a folder renamed', async () => {
    await writeFile(project, 'lua/billing/invoices/open.lua', COUNTER_SCRIPT);
    await untilGenerated('a new nested folder', 'scripts/billing/invoices/open.ts', 'billingInvoicesOpen');
    await safeWrite('lua/billing/invoices/open.lua', COUNTER_SCRIPT.replace('how much to add', 'saved in a new folder'));
    await untilGenerated('a save in the new folder', 'scripts/billing/invoices/open.ts', 'saved in a new folder');
    await fs.rename(path.join(project, 'lua/billing'), path.join(project, 'lua/payments'));
    await untilGenerated('a renamed folder', 'scripts/payments/invoices/open.ts', 'paymentsInvoicesOpen');
    await untilGone('a renamed folder', 'scripts/billing/invoices/open.ts');
    await fs.appendFile(path.join(project, 'lua/payments/invoices/open.lua'), '-- still watched after the move\n');
    await untilGenerated('an append in the renamed folder', 'scripts/payments/invoices/open.ts', 'still watched after the move');
  });
});
