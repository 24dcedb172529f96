import { execFile } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { runCli, snapshot, tempProject } from '../cli/cli-harness';
import { REPO_ROOT } from '../support/generate-fixture';

const exec = promisify(execFile);
const DEFINITIONS = path.join(REPO_ROOT, 'templates', 'luals', 'redis.lua');

describe('luagen editor', () => {
  let project: string;
  beforeEach(async () => {
    project = await tempProject({ 'lua/app/counter.lua': '--- @key k\n--- @return integer\nreturn redis.call("INCR", KEYS[1])\n' });
  });
  afterEach(() => fs.rm(project, { recursive: true, force: true }));
  const read = (file: string) => fs.readFile(path.join(project, file), 'utf8');

  it('writes the definitions and a .luarc.json that loads them, then finds them up to date', async () => {
    const first = await runCli(project, 'editor');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('luagen editor: wrote .luals/redis.lua');
    expect(first.stdout).toContain('luagen editor: wrote .luarc.json');
    expect(await read('.luals/redis.lua')).toBe(await fs.readFile(DEFINITIONS, 'utf8'));
    expect(JSON.parse(await read('.luarc.json'))).toEqual({
      runtime: { version: 'Lua 5.1', builtin: { debug: 'disable', io: 'disable', os: 'disable', package: 'disable' } },
      workspace: { library: ['.luals'] },
      diagnostics: { disable: ['luadoc-miss-symbol', 'undefined-doc-name'] },
    });
    const before = await snapshot(project);
    const again = await runCli(project, 'editor');
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('luagen editor: up to date: .luals/redis.lua\nluagen editor: up to date: .luarc.json');
    expect(await snapshot(project)).toEqual(before);
    // The definitions sit in a dot-folder: luagen build does not take them for a script.
    expect((await runCli(project, 'build')).stdout).toContain('1 script,');
  });

  it("keeps this repository's own .luarc.json (for lua/) to the same settings, loading templates/luals", async () => {
    await runCli(project, 'editor');
    const written = JSON.parse(await read('.luarc.json')) as { workspace: { library: string[] } };
    written.workspace.library = ['templates/luals'];
    expect(JSON.parse(await fs.readFile(path.join(REPO_ROOT, '.luarc.json'), 'utf8'))).toEqual(written);
  });

  it('merges into an existing .luarc.json, flat or nested keys, keeping the rest', async () => {
    const mine = { 'runtime.version': 'Lua 5.4', diagnostics: { globals: ['shared'], disable: ['lowercase-global'] }, format: { enable: false } };
    await fs.writeFile(path.join(project, '.luarc.json'), JSON.stringify(mine));
    const run = await runCli(project, 'editor');
    expect(run.stdout).toContain('luagen editor: updated .luarc.json\n  runtime.version: "Lua 5.4" -> "Lua 5.1"');
    const merged = JSON.parse(await read('.luarc.json')) as Record<string, unknown>;
    expect(merged).toEqual({
      'runtime.version': 'Lua 5.1',
      diagnostics: { globals: ['shared'], disable: ['lowercase-global', 'luadoc-miss-symbol', 'undefined-doc-name'] },
      format: { enable: false },
      runtime: { builtin: { debug: 'disable', io: 'disable', os: 'disable', package: 'disable' } },
      workspace: { library: ['.luals'] },
    });
    expect((await runCli(project, 'editor')).stdout).toContain('up to date: .luarc.json');
  });

  it('--dry-run prints what would change and writes nothing', async () => {
    const before = await snapshot(project);
    const run = await runCli(project, 'editor', '--dry-run');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('luagen editor: would write .luals/redis.lua');
    expect(run.stdout).toContain('luagen editor: would write .luarc.json\n  runtime.version: (unset) -> "Lua 5.1"');
    expect(await snapshot(project)).toEqual(before);
  });

  it('leaves a .luarc.json it cannot read as it is, and refuses a missing script folder', async () => {
    await fs.writeFile(path.join(project, '.luarc.json'), '{ // my settings\n}\n');
    const run = await runCli(project, 'editor');
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('luagen editor: cannot read .luarc.json as JSON');
    expect(await read('.luarc.json')).toBe('{ // my settings\n}\n');
    expect(existsSync(path.join(project, '.luals'))).toBe(false);
    const missing = await runCli(project, 'editor', '--src', 'scripts');
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain("the script folder 'scripts' does not exist");
  });

  it('names a script whose header LuaLS would attach to the function after it', async () => {
    await fs.writeFile(path.join(project, 'lua/app/helper.lua'), '--- @key k\n--- @return integer\nlocal function one() return 1 end\nreturn one()\n');
    const run = await runCli(project, 'editor', '--dry-run');
    expect(run.stdout).toContain("note: lua/app/helper.lua:3: lua-language-server reads the header's @return as this function's");
    expect(run.stdout).not.toContain('counter.lua');
  });
});

/** The lua/ library with the definitions, as a user's editor would see it; checked by LuaLS when installed. */
const LUALS = (process.env.PATH ?? '').split(path.delimiter).map((dir) => path.join(dir, 'lua-language-server')).find((file) => existsSync(file));

describe('lua-language-server on the library scripts', () => {
  if (!LUALS) {
    // Not on the npm registry nor in Debian's archive: see docs/editor.md.
    it.skip('shows no diagnostics (skipped: lua-language-server is not on PATH)', () => undefined);
    return;
  }
  it('shows no diagnostics with the definitions and .luarc.json luagen editor writes', async () => {
    const project = await tempProject({});
    const logs = await fs.mkdtemp(path.join(os.tmpdir(), 'luagen-luals-'));
    try {
      await fs.cp(path.join(REPO_ROOT, 'lua'), path.join(project, 'lua'), { recursive: true });
      expect((await runCli(project, 'editor')).code).toBe(0);
      const { stdout } = await exec(LUALS, [`--check=${project}`, '--checklevel=Information', `--logpath=${logs}`], { cwd: project });
      expect(stdout).toContain('no problems found');
    } finally {
      await fs.rm(project, { recursive: true, force: true });
      await fs.rm(logs, { recursive: true, force: true });
    }
  }, 120_000);
});
