import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { COUNTER_SCRIPT, READ_SCRIPT, runCli, tempProject, writeFile } from './cli-harness';

/** A script with a warning (LG202: a declared key the body never reads), to see whether `strict` applies. */
const WARNING_SCRIPT = '--- Ignores its key.\n--- @key unused\n--- @return integer\nreturn 1\n';

describe('the config file', () => {
  let project: string;

  beforeEach(async () => {
    project = await tempProject({ 'scripts/app/counter.lua': COUNTER_SCRIPT, 'scripts/app/read_value.lua': READ_SCRIPT });
  });

  afterEach(async () => {
    await fs.rm(project, { recursive: true, force: true });
  });

  const exists = (file: string) => fs.stat(path.join(project, file)).then(() => true, () => false);

  it('luagen.config.json sets src and out for build, and check reads the same file', async () => {
    await writeFile(project, 'luagen.config.json', JSON.stringify({ src: 'scripts', out: 'client', esm: true }));
    const build = await runCli(project, 'build');
    expect(build.code).toBe(0);
    const index = await fs.readFile(path.join(project, 'client/index.ts'), 'utf8');
    expect(index).toContain('// Source: scripts/ (2 scripts)');
    expect(index).toContain("from './runtime/index.js'");
    const check = await runCli(project, 'check');
    expect(check.stdout).toContain('client/ is up to date');
    expect(check.code).toBe(0);
  });

  it('a "luagen" key in package.json works the same', async () => {
    await writeFile(project, 'package.json', JSON.stringify({ name: 'app', luagen: { src: 'scripts', out: 'client' } }));
    expect((await runCli(project, 'build')).code).toBe(0);
    expect(await exists('client/index.ts')).toBe(true);
    expect((await runCli(project, 'check')).code).toBe(0);
  });

  it('flags override the file, in both directions', async () => {
    await writeFile(project, 'luagen.config.json', JSON.stringify({ src: 'scripts', out: 'client', strict: true }));
    await writeFile(project, 'scripts/app/marker.lua', WARNING_SCRIPT);
    const strict = await runCli(project, 'build');
    expect(strict.code).toBe(2);
    expect(strict.stderr).toContain('error LG202');
    const relaxed = await runCli(project, 'build', '--no-strict', '--out', 'elsewhere');
    expect(relaxed.code).toBe(0);
    expect(relaxed.stderr).toContain('warning LG202');
    expect(await exists('elsewhere/index.ts')).toBe(true);
    expect(await exists('client/index.ts')).toBe(false);
  });

  it('"client": "node-redis" builds the node-redis client; check holds it to that; --client overrides the file', async () => {
    await writeFile(project, 'luagen.config.json', JSON.stringify({ src: 'scripts', out: 'client', client: 'node-redis' }));
    expect((await runCli(project, 'build')).code).toBe(0);
    const index = await fs.readFile(path.join(project, 'client/index.ts'), 'utf8');
    expect(index).toContain('export function bindScripts(redis: RedisClient)');
    expect(await fs.readFile(path.join(project, 'client/runtime/client.js'), 'utf8')).toContain('require("@redis/client")');
    expect(await exists('client/runtime/at-most-once.js')).toBe(false);
    expect((await runCli(project, 'check')).code).toBe(0);
    // The same scripts built for ioredis are another client: check says the folder is stale.
    expect((await runCli(project, 'check', '--client', 'ioredis')).code).toBe(1);
    expect((await runCli(project, 'build', '--client', 'ioredis')).code).toBe(0);
    expect(await fs.readFile(path.join(project, 'client/index.ts'), 'utf8')).toContain('bindScripts(redis: Redis | Cluster)');
    expect(await exists('client/runtime/client.js')).toBe(false);
  });

  it('an unknown client is refused, in the file and as a flag, naming the choices', async () => {
    await writeFile(project, 'luagen.config.json', JSON.stringify({ src: 'scripts', client: 'redis' }));
    const fromFile = await runCli(project, 'build');
    expect(fromFile.code).toBe(3);
    expect(fromFile.stderr).toContain(`luagen.config.json: 'client' must be one of "ioredis", "node-redis", got "redis"`);
    await writeFile(project, 'luagen.config.json', JSON.stringify({ src: 'scripts' }));
    const fromFlag = await runCli(project, 'build', '--client', 'redis');
    expect(fromFlag.code).toBe(3);
    expect(fromFlag.stderr).toMatch(/--client <client>' argument 'redis' is invalid\. Allowed choices are ioredis, node-redis/);
    expect(await exists('generated')).toBe(false);
  });

  it('paths in a --config file elsewhere are relative to that file', async () => {
    await writeFile(project, 'config/luagen.json', JSON.stringify({ src: '../scripts', out: '../client' }));
    expect((await runCli(project, 'build', '--config', 'config/luagen.json')).code).toBe(0);
    expect(await exists('client/index.ts')).toBe(true);
  });

  it('an unknown key is an error naming the file and the key, with a suggestion; nothing is written', async () => {
    await writeFile(project, 'luagen.config.json', JSON.stringify({ src: 'scripts', outDir: 'client' }));
    const build = await runCli(project, 'build');
    expect(build.code).toBe(3);
    expect(build.stderr).toContain("luagen.config.json: unknown key 'outDir' (did you mean 'out'?)");
    expect(await exists('generated')).toBe(false);
    expect(await exists('client')).toBe(false);
  });

  it('bad values are errors naming the file, the key, what it expects and what it got, all at once', async () => {
    await writeFile(project, 'package.json', JSON.stringify({ luagen: { src: 'scripts', target: 'fcall', strict: 'yes' } }));
    const check = await runCli(project, 'check');
    expect(check.code).toBe(3);
    expect(check.stderr).toContain(`package.json ("luagen"): 'target' must be one of "eval", "functions", got "fcall"`);
    expect(check.stderr).toContain(`package.json ("luagen"): 'strict' must be true or false, got "yes"`);
  });

  it('malformed JSON, a config that is not an object, two config files, and a missing --config file are errors', async () => {
    await writeFile(project, 'luagen.config.json', '{ "src": "scripts", }');
    expect((await runCli(project, 'build')).stderr).toMatch(/^luagen: luagen\.config\.json: not valid JSON/);
    await writeFile(project, 'luagen.config.json', '["scripts"]');
    expect((await runCli(project, 'build')).stderr).toContain('luagen.config.json: the luagen config must be a JSON object, got ["scripts"]');
    await writeFile(project, 'luagen.config.json', '{}');
    await writeFile(project, 'package.json', JSON.stringify({ luagen: {} }));
    const both = await runCli(project, 'build');
    expect(both.code).toBe(3);
    expect(both.stderr).toContain('luagen.config.json and package.json ("luagen") both configure luagen');
    const missing = await runCli(project, 'build', '--config', 'nope.json');
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('nope.json: no such config file');
  });

  it('a package.json without a "luagen" key is not a config', async () => {
    await fs.rename(path.join(project, 'scripts'), path.join(project, 'lua'));
    await writeFile(project, 'package.json', JSON.stringify({ name: 'app' }));
    expect((await runCli(project, 'build')).code).toBe(0);
    expect(await exists('generated/index.ts')).toBe(true);
  });

  it('new puts the script under the configured src', async () => {
    await writeFile(project, 'luagen.config.json', JSON.stringify({ src: 'scripts' }));
    expect((await runCli(project, 'new', 'app/reset')).code).toBe(0);
    expect(await exists('scripts/app/reset.lua')).toBe(true);
  });
});

test('a flag value is checked as the config key is', async () => {
  const project = await tempProject({ 'lua/app/counter.lua': COUNTER_SCRIPT });
  const build = await runCli(project, 'build', '--target', 'functions', '--library', 'my-lib');
  expect(build.code).toBe(3);
  expect(build.stderr).toContain('--library must be a Functions library name: a letter, then up to 39 letters, digits or _, got "my-lib"');
  await fs.rm(project, { recursive: true, force: true });
});

describe('the server profile', () => {
  it('--target functions is refused for redis-6.2, naming where the profile came from', async () => {
    const project = await tempProject({ 'lua/app/counter.lua': COUNTER_SCRIPT, 'luagen.config.json': '{ "server": "redis-6.2" }' });
    const fromFile = await runCli(project, 'build', '--target', 'functions');
    expect(fromFile.code).toBe(3);
    expect(fromFile.stderr).toContain('--target functions needs Redis 7.0 or later, and "server" in luagen.config.json is redis-6.2');
    const fromFlag = await runCli(project, 'build', '--target', 'functions', '--server', 'redis-6.2', '--config', 'luagen.config.json');
    expect(fromFlag.stderr).toContain('and --server is redis-6.2');
    expect((await runCli(project, 'build', '--target', 'functions', '--server', 'redis-7.0')).code).toBe(0);
    expect((await runCli(project, 'build', '--server', 'redis-5.0')).code).toBe(3);
    await fs.rm(project, { recursive: true, force: true });
  });

  it('"server" in the config file decides which commands a script may use', async () => {
    const hexpire = "--- Expires a field.\n--- @key h\n--- @return integer[]\nreturn redis.call('HEXPIRE', KEYS[1], 10, 'FIELDS', 1, 'f')\n";
    const project = await tempProject({ 'lua/app/expire.lua': hexpire });
    const defaults = await runCli(project, 'build');
    expect(defaults.code).toBe(2);
    expect(defaults.stderr).toContain('error LG217: HEXPIRE needs Redis 7.4.0; the server profile is redis-7.0');
    await writeFile(project, 'luagen.config.json', '{ "server": "redis-7.4" }');
    expect((await runCli(project, 'build')).code).toBe(0);
    expect((await runCli(project, 'check')).code).toBe(0);
    await fs.rm(project, { recursive: true, force: true });
  });
});
