/**
 * `luagen test` end to end through the CLI, on a real Redis: the planted violations are each caught with a
 * minimal shrunk case, correct scripts and the whole library give no finding, `@test-allow` switches a check off.
 * Each run uses its own database of the shared server (luagen test flushes and compares its whole database).
 */
import Redis from 'ioredis';
import { runCli, tempProject } from '../cli/cli-harness';
import { REPO_ROOT } from '../support/generate-fixture';
import { sharedRedisUrl } from '../runtime/clients';

/** Databases 11-13 of the shared server belong to this file. */
function databaseUrl(db: number): string {
  const url = new URL(sharedRedisUrl());
  url.pathname = `/${db}`;
  return url.toString();
}

interface JsonScript {
  id: string;
  runs: number;
  finding: null | { check: string; message: string; location: string; input: Record<string, unknown>; keys: Record<string, { type: string }>; reproduction: string };
}

async function luagenTest(cwd: string, db: number, ...args: string[]): Promise<{ code: number; scripts: JsonScript[]; stderr: string }> {
  const run = await runCli(cwd, 'test', '--format', 'json', '--redis-url', databaseUrl(db), ...args);
  const parsed = run.stdout ? (JSON.parse(run.stdout) as { scripts: JsonScript[] }) : { scripts: [] };
  return { code: run.code, scripts: parsed.scripts, stderr: run.stderr };
}

const byId = (scripts: JsonScript[]) => Object.fromEntries(scripts.map((s) => [s.id, s]));

describe('luagen test', () => {
  test('each planted violation is caught at the default runs and seed 42, shrunk to a minimal case', async () => {
    const { code, scripts } = await luagenTest(REPO_ROOT, 11, '--src', 'test/fixtures/prove/violations', '--seed', '42');
    expect(code).toBe(1);
    const found = byId(scripts);
    expect(Object.keys(found)).toHaveLength(5);

    const wrongType = found['planted.wrongType']!.finding!;
    expect(wrongType.check).toBe('reply-type');
    expect(wrongType.keys).toEqual({ '{t}:counter': { type: 'string', value: '' } });
    expect(wrongType.location).toBe('test/fixtures/prove/violations/planted/wrong_type.lua:4'); // its @return

    const writeBeforeError = found['planted.writeBeforeError']!.finding!;
    expect(writeBeforeError.check).toBe('writes-before-error');
    expect(writeBeforeError.input).toEqual({ counter: '{t}:counter', amount: 101 });
    expect(writeBeforeError.keys).toEqual({ '{t}:counter': { type: 'missing' } });
    expect(writeBeforeError.location).toBe('test/fixtures/prove/violations/planted/write_before_error.lua:6'); // @error OVER_CAP

    const outside = found['planted.keyOutside']!.finding!;
    expect(outside.check).toBe('keys-outside-keys');
    expect(outside.message).toContain('0:taken');
    expect(outside.keys).toEqual({ '{t}:queue': { type: 'list', items: ['0'] } });

    const readonly = found['planted.readonlyWrite']!.finding!;
    expect(readonly.check).toBe('readonly-writes');
    expect(readonly.input).toEqual({ item: '{t}:item', mode: 'touch' });
    expect(readonly.location).toBe('test/fixtures/prove/violations/planted/readonly_write.lua:8');

    const undeclared = found['planted.undeclaredCode']!.finding!;
    expect(undeclared.check).toBe('undeclared-error-code');
    expect(undeclared.message).toContain('RATE_LIMITED');
    expect(undeclared.input).toEqual({ hits: '{t}:hits', limit: 0 });
    expect(undeclared.reproduction).toBe('// {t}:hits does not exist\nawait scripts.planted.undeclaredCode({ hits: "{t}:hits", limit: 0 });');
  });

  test('correct scripts give no finding', async () => {
    const { code, scripts } = await luagenTest(REPO_ROOT, 12, '--src', 'test/fixtures/prove/correct', '--seed', '42');
    expect(scripts.map((s) => [s.id, s.runs, s.finding])).toEqual([
      ['fine.boundedAdd', 100, null],
      ['fine.fieldReader', 100, null],
      ['fine.onceCredit', 100, null],
      ['fine.tagMode', 100, null],
    ]);
    expect(code).toBe(0);
  });

  test('every library script keeps its header at the default number of runs', async () => {
    const { code, scripts } = await luagenTest(REPO_ROOT, 13, '--src', 'lua', '--seed', '20261128');
    expect(scripts.filter((s) => s.finding)).toEqual([]);
    expect(scripts.length).toBeGreaterThanOrEqual(20);
    expect(scripts.every((s) => s.runs === 100)).toBe(true);
    expect(code).toBe(0);
  });

  test('the text format prints the shrunk case ready to paste, with the seed', async () => {
    const run = await runCli(REPO_ROOT, 'test', '--src', 'test/fixtures/prove/violations', '--only', 'planted.writeBeforeError',
      '--seed', '42', '--redis-url', databaseUrl(11));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('FAIL planted.writeBeforeError  test/fixtures/prove/violations/planted/write_before_error.lua:6  writes-before-error');
    expect(run.stdout).toContain('reproduce with luagen test --seed 42:\n       // {t}:counter does not exist\n' +
      '       await scripts.planted.writeBeforeError({ counter: "{t}:counter", amount: 101 });');
    expect(run.stdout).toMatch(/luagen test: 1 script\(s\), \d+ runs in .* \(\d+ runs\/s, seed 42\); 1 finding\(s\)$/);
  });

  test('the github format annotates the finding at its line, and each undeclared error as a notice', async () => {
    const run = await runCli(REPO_ROOT, 'test', '--src', 'test/fixtures/prove/violations', '--only', 'planted.wrongType',
      '--seed', '42', '--format', 'github', '--redis-url', databaseUrl(11));
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('::error file=test/fixtures/prove/violations/planted/wrong_type.lua,line=4,title=luagen test reply-type::' +
      'planted.wrongType: reply should be integer as declared by @return, but Redis replied the string ""%0Aseed 42:%0A' +
      'await redis.set("{t}:counter", "");%0Aawait scripts.planted.wrongType({ counter: "{t}:counter" });');
    expect(lines.slice(1, -1).every((l) => l.startsWith('::notice file=test/fixtures/prove/violations/planted/wrong_type.lua,line='))).toBe(true);
  });

  test('takes the scripts folder from luagen.config.json', async () => {
    const dir = await tempProject({
      'luagen.config.json': JSON.stringify({ src: 'redis/scripts' }),
      'redis/scripts/kv/read.lua': '--- Reads a key.\n--- @key item  a string\n--- @return string?  its value\n--- @readonly\nreturn redis.call(\'GET\', KEYS[1])\n',
    });
    const { code, scripts } = await luagenTest(dir, 11, '--seed', '1', '--runs', '10');
    expect(scripts.map((s) => [s.id, s.runs, s.finding])).toEqual([['kv.read', 10, null]]);
    expect(code).toBe(0);
  });

  test('runs a project built with esm (its runtime is ES modules JavaScript, loaded from memory)', async () => {
    const dir = await tempProject({
      'luagen.config.json': JSON.stringify({ src: 'redis/scripts', esm: true }),
      'redis/scripts/kv/bump.lua': '--- Adds to a counter.\n--- @key counter  a string holding an integer\n--- @arg by integer  how much\n--- @return integer  the new value\nreturn redis.call(\'INCRBY\', KEYS[1], ARGV[1])\n',
    });
    const { code, scripts, stderr } = await luagenTest(dir, 11, '--seed', '1', '--runs', '10');
    expect(stderr).toBe('');
    expect(scripts.map((s) => [s.id, s.runs, s.finding])).toEqual([['kv.bump', 10, null]]);
    expect(code).toBe(0);
  });

  describe('@test-allow', () => {
    const script = (allow: string) => `--- Adds and checks the cap afterwards (the write is documented).
--- @key counter  a string holding an integer
--- @arg amount integer  what to add
--- @return integer  the new value
--- @error OVER_CAP  the counter would pass 100; the addition stays
${allow}
local value = redis.call('INCRBY', KEYS[1], ARGV[1])
if value > 100 then
  return redis.error_reply('OVER_CAP the counter would pass 100')
end
return value
`;

    test('switches the named check off for its script, and only that check', async () => {
      const dir = await tempProject({ 'lua/cap/add.lua': script('--- @test-allow writes-before-error  the addition is kept on purpose (documented above)') });
      const { code, scripts } = await luagenTest(dir, 11, '--seed', '42');
      expect(scripts.map((s) => s.finding)).toEqual([null]);
      expect(code).toBe(0);
      const other = await tempProject({ 'lua/cap/add.lua': script('--- @test-allow keys-outside-keys  not the check at fault') });
      expect((await luagenTest(other, 11, '--seed', '42')).code).toBe(1);
    });

    test('needs a known check and a reason', async () => {
      const unknown = await runCli(await tempProject({ 'lua/cap/add.lua': script('--- @test-allow writes-befor-error  typo') }), 'test', '--redis-url', databaseUrl(11));
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain("LG006: unknown check 'writes-befor-error'");
      expect(unknown.stderr).toContain('did you mean writes-before-error?');
      const bare = await runCli(await tempProject({ 'lua/cap/add.lua': script('--- @test-allow writes-before-error') }), 'test', '--redis-url', databaseUrl(11));
      expect(bare.code).toBe(2);
      expect(bare.stderr).toContain('@test-allow writes-before-error needs a reason');
    });
  });

  test('refuses a database that holds keys, and leaves them alone', async () => {
    const redis = new Redis(databaseUrl(14));
    try {
      await redis.set('someone-else', 'x');
      const run = await runCli(REPO_ROOT, 'test', '--src', 'test/fixtures/prove/correct', '--redis-url', databaseUrl(14));
      expect(run.code).toBe(3);
      expect(run.stderr).toContain('holds 1 key(s)');
      expect(await redis.get('someone-else')).toBe('x');
    } finally {
      await redis.flushdb();
      redis.disconnect();
    }
  });

  test('without a Redis URL it runs on a redis-server it starts itself', async () => {
    const shared = process.env.REDIS_URL;
    delete process.env.REDIS_URL; // this worker's copy of the environment only
    try {
      const run = await runCli(REPO_ROOT, 'test', '--src', 'test/fixtures/prove/correct', '--runs', '5', '--seed', '1');
      expect(run.stdout).toContain('luagen test: 4 script(s), 20 runs');
      expect(run.code).toBe(0);
    } finally {
      process.env.REDIS_URL = shared;
    }
  });
});
