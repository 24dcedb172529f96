import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
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

/** Builds with every `--src` spelling (each into its own folder), checks the outputs are byte-identical, returns one. */
async function sameOutputFrom(cwd: string, spellings: readonly string[], out: string): Promise<Record<string, string>> {
  const outputs = [];
  for (const [i, spelling] of spellings.entries()) {
    const run = await runCli(cwd, 'build', '--src', spelling, '--out', `${out}-${i}`);
    expect({ spelling, code: run.code, stderr: run.stderr }).toEqual({ spelling, code: 0, stderr: '' });
    outputs.push(await tree(path.join(cwd, `${out}-${i}`)));
  }
  const [first, ...rest] = outputs;
  for (const output of rest) expect(output).toEqual(first);
  return first ?? {};
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

  it('a folder inside the working directory: relative, ./, trailing slash, absolute, via .., via a symlink', async () => {
    const spellings = ['lua', './lua', 'lua/', './lua//', path.join(app, 'lua'), `${path.join(app, 'lua')}/`, '../app/lua', path.join(root, 'lua-link')];
    const output = await sameOutputFrom(app, spellings, 'out/inside');
    expect(Object.keys(output)).toEqual(expect.arrayContaining(['index.ts', 'scripts/app/counter.ts', 'scripts/readValue.ts']));
    expect(output['index.ts']).toContain('// Source: lua/ (2 scripts)');
    expect(output['scripts/app/counter.ts']).toContain("id: 'app.counter'");
  });

  it('a sibling package outside the working directory: relative, absolute, trailing slash, roundabout', async () => {
    const shared = path.join(root, 'shared', 'lua');
    const spellings = ['../shared/lua', '../shared/lua/', shared, `${shared}/`, '../app/../shared/./lua', './../shared/lua'];
    const output = await sameOutputFrom(app, spellings, 'out/outside');
    expect(Object.keys(output)).toEqual(expect.arrayContaining(['index.ts', 'scripts/jobs/count.ts', 'scripts/peek.ts']));
    expect(output['index.ts']).toContain('// Source: ../shared/lua/ (2 scripts)');
    expect(output['scripts/jobs/count.ts']).toContain("sourcePath: '../shared/lua/jobs/count.lua'");
  });

  it('the working directory itself as --src: ., ./, its absolute path', async () => {
    const self = path.join(app, 'lua', 'app');
    const output = await sameOutputFrom(self, ['.', './', self, `${self}/`], '../../out/self');
    expect(output['scripts/counter.ts']).toContain("id: 'counter'");
  });

  it('a folder whose path holds comment ends, replacement patterns and a line break still gives valid TypeScript', async () => {
    const odd = path.join(root, 'odd */ $& $1\nname', 'lua');
    await fs.mkdir(path.join(odd, 'jobs'), { recursive: true });
    await fs.writeFile(path.join(odd, 'jobs', 'count.lua'), COUNTER_SCRIPT);
    const output = await sameOutputFrom(app, [odd, path.relative(app, odd)], 'out/odd');
    expect(output['scripts/jobs/count.ts']).toContain(`sourcePath: '../odd */ $& $1\\nname/lua/jobs/count.lua'`);
    for (const [file, text] of Object.entries(output).filter(([name]) => name.endsWith('.ts') && !name.endsWith('.d.ts'))) {
      const { diagnostics } = ts.transpileModule(text, { reportDiagnostics: true, fileName: file });
      expect({ file, errors: (diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')) }).toEqual({ file, errors: [] });
    }
  });

  it('a folder that does not exist is named as written', async () => {
    const run = await runCli(app, 'build', '--src', './nope/');
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("the script folder './nope/' does not exist");
  });
});
