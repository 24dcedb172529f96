import { promises as fs } from 'node:fs';
import { runCli, tempProject, writeFile } from './cli-harness';

const SCRIPT = `--- Bumps a counter through a shared helper.
--- @key counter  the counter
--- @return integer
--- @include "shared/bump"
return bump(KEYS[1])
`;
const HELPER = `local function bump(key)
  return redis.call('INCRBY', key, 1)
end
`;

describe('includes through the CLI', () => {
  let project: string;
  beforeEach(async () => {
    project = await tempProject({ 'lua/app/bump.lua': SCRIPT, 'lua/app/shared/bump.lua': HELPER });
  });
  afterEach(() => fs.rm(project, { recursive: true, force: true }));

  it('an included file is a module: it gets no function and needs no header', async () => {
    const build = await runCli(project, 'build');
    expect(build.stderr).toBe('');
    expect(build.stdout).toMatch(/^luagen build: 1 script, 1 include, 0 warnings, 0 errors/);
    await expect(fs.readFile(`${project}/generated/scripts/app/bump.ts`, 'utf8')).resolves.toContain("redis.call('INCRBY', key, 1)");
    await expect(fs.stat(`${project}/generated/scripts/app/shared`)).rejects.toThrow();
  });

  it('check sees a change to an include as a stale script, and build picks it up', async () => {
    await runCli(project, 'build');
    await writeFile(project, 'lua/app/shared/bump.lua', HELPER.replace('key, 1', 'key, 2'));
    const check = await runCli(project, 'check');
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('stale:   generated/scripts/app/bump.ts');
    expect((await runCli(project, 'build')).code).toBe(0);
    expect((await runCli(project, 'check')).code).toBe(0);
  });

  it('an error inside an include is reported at the include, and nothing is written', async () => {
    await writeFile(project, 'lua/app/shared/bump.lua', HELPER.replace("'INCRBY'", "'INCRBYY'"));
    const build = await runCli(project, 'build');
    expect(build.code).toBe(2);
    expect(build.stderr).toContain("lua/app/shared/bump.lua:2:21: error LG206: 'INCRBYY' is not a Redis command");
    await expect(fs.stat(`${project}/generated`)).rejects.toThrow();
  });

  it('refuses an include that is a symbolic link out of the source folder', async () => {
    const outside = await tempProject({ 'secret.lua': HELPER });
    try {
      await fs.rm(`${project}/lua/app/shared/bump.lua`);
      await fs.symlink(`${outside}/secret.lua`, `${project}/lua/app/shared/bump.lua`);
      const build = await runCli(project, 'build');
      expect(build.code).toBe(2);
      expect(build.stderr).toContain('error LG020: @include "shared/bump": lua/app/shared/bump.lua does not exist');
    } finally {
      await fs.rm(outside, { recursive: true, force: true });
    }
  });

  it('resolves includes when the source folder lies outside the working directory (--src ../shared/lua)', async () => {
    const app = `${project}/app`;
    await fs.mkdir(app);
    const build = await runCli(app, 'build', '--src', '../lua');
    expect(build.stderr).toBe('');
    expect(build.stdout).toMatch(/^luagen build: 1 script, 1 include, 0 warnings, 0 errors/);
    await expect(fs.readFile(`${app}/generated/scripts/app/bump.ts`, 'utf8')).resolves.toContain("redis.call('INCRBY', key, 1)");
  });
});

