import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { COUNTER_SCRIPT, READ_SCRIPT, runCli, tempProject } from './cli-harness';

/** Every file below `dir`, by POSIX path, as text. */
async function tree(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const walk = async (current: string) => {
    for (const entry of await fs.readdir(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) await walk(full);
      else files[path.relative(dir, full).split(path.sep).join('/')] = await fs.readFile(full, 'utf8');
    }
  };
  await walk(dir);
  return files;
}

/** Builds with `--src <spelling>` into its own folder and returns what was written. */
async function buildWith(cwd: string, spelling: string, out: string): Promise<Record<string, string>> {
  const run = await runCli(cwd, 'build', '--src', spelling, '--out', out);
  expect({ spelling, code: run.code, stderr: run.stderr }).toEqual({ spelling, code: 0, stderr: '' });
  return tree(path.join(cwd, out));
}

describe('--src: any spelling of one folder gives byte-identical output', () => {
  let root: string;
  let app: string;

  beforeAll(async () => {
    // A monorepo: the app builds its own lua/ and the scripts of a sibling package.
    root = await tempProject({
      'app/lua/app/counter.lua': COUNTER_SCRIPT,
      'app/lua/read_value.lua': READ_SCRIPT,
      'shared/lua/jobs/count.lua': COUNTER_SCRIPT,
      'shared/lua/peek.lua': READ_SCRIPT,
    });
    app = path.join(root, 'app');
    await fs.symlink(path.join(app, 'lua'), path.join(root, 'lua-link'));
  });

  afterAll(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  it('a folder inside the working directory: relative, ./, trailing slash, absolute, via ..', async () => {
    const spellings = ['lua', './lua', 'lua/', './lua//', path.join(app, 'lua'), `${path.join(app, 'lua')}/`, '../app/lua', path.join(root, 'lua-link')];
    const outputs = [];
    for (const [i, spelling] of spellings.entries()) outputs.push(await buildWith(app, spelling, `out/inside-${i}`));
    const [first, ...rest] = outputs;
    expect(Object.keys(first ?? {})).toEqual(expect.arrayContaining(['index.ts', 'scripts/app/counter.ts', 'scripts/readValue.ts']));
    expect(first?.['index.ts']).toContain('// Source: lua/ (2 scripts)');
    expect(first?.['scripts/app/counter.ts']).toContain("id: 'app.counter'");
    for (const output of rest) expect(output).toEqual(first);
  });

  it('a sibling package outside the working directory: relative, absolute, trailing slash, roundabout', async () => {
    const shared = path.join(root, 'shared', 'lua');
    const spellings = ['../shared/lua', '../shared/lua/', shared, `${shared}/`, '../app/../shared/./lua', './../shared/lua'];
    const outputs = [];
    for (const [i, spelling] of spellings.entries()) outputs.push(await buildWith(app, spelling, `out/outside-${i}`));
    const [first, ...rest] = outputs;
    expect(Object.keys(first ?? {})).toEqual(expect.arrayContaining(['index.ts', 'scripts/jobs/count.ts', 'scripts/peek.ts']));
    expect(first?.['index.ts']).toContain('// Source: ../shared/lua/ (2 scripts)');
    expect(first?.['scripts/jobs/count.ts']).toContain("sourcePath: '../shared/lua/jobs/count.lua'");
    for (const output of rest) expect(output).toEqual(first);
  });

  it('the working directory itself as --src: ., ./, its absolute path', async () => {
    const outputs = [];
    for (const [i, spelling] of ['.', './', path.join(app, 'lua', 'app'), `${path.join(app, 'lua', 'app')}/`].entries()) {
      const cwd = path.join(app, 'lua', 'app');
      const run = await runCli(cwd, 'build', '--src', spelling, '--out', `../../out/self-${i}`);
      expect({ spelling, code: run.code, stderr: run.stderr }).toEqual({ spelling, code: 0, stderr: '' });
      outputs.push(await tree(path.join(app, 'out', `self-${i}`)));
    }
    const [first, ...rest] = outputs;
    expect(first?.['scripts/counter.ts']).toContain("id: 'counter'");
    for (const output of rest) expect(output).toEqual(first);
  });

  it('a folder that does not exist is named as written', async () => {
    const run = await runCli(app, 'build', '--src', './nope/');
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("the script folder './nope/' does not exist");
  });
});
