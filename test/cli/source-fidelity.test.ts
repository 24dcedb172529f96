import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import Redis from 'ioredis';
import { DEFAULT_CONFIG } from '../../generator/config';
import { discoverScripts } from '../../generator/discover/discover';
import { readTemplates } from '../../generator/discover/templates';
import { generate } from '../../generator/generate';
import { MAX_SCRIPT_BYTES } from '../../generator/parse/source-text';
import { REPO_ROOT } from '../support/generate-fixture';
import { runCli, snapshot, tempProject, writeFile } from './cli-harness';

// What Redis receives is exactly what the file says, and its SHA-1 is the one the client sends (issue 10,
// points 11 and 12).

const sha1 = (text: string | Buffer) => createHash('sha1').update(text).digest('hex');

/** The `lua` and `sha1` of a generated script module, as JavaScript reads them. */
function specOf(moduleText: string): { lua: string; sha1: string } {
  const literal = /^ {2}lua: (`(?:\\[\s\S]|[^\\`])*`),$/m.exec(moduleText)?.[1];
  const sha = /^ {2}sha1: '([0-9a-f]{40})',$/m.exec(moduleText)?.[1];
  if (literal === undefined || sha === undefined) throw new Error('no lua/sha1 in the module');
  return { lua: new Function(`return ${literal};`)() as string, sha1: sha };
}

async function scriptModules(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true });
  return entries.filter((f) => f.endsWith('.ts')).map((f) => path.join(dir, f));
}

describe('sha1(lua) == sha1 for every generated script', () => {
  it('holds for the library in generated/ and the golden fixtures', async () => {
    const modules = [
      ...(await scriptModules(path.join(REPO_ROOT, 'generated/scripts'))),
      ...(await scriptModules(path.join(REPO_ROOT, 'test/fixtures/golden/types/expected/scripts'))),
    ];
    expect(modules.length).toBeGreaterThan(20);
    for (const file of modules) {
      const spec = specOf(await fs.readFile(file, 'utf8'));
      expect({ file, sha1: sha1(spec.lua) }).toEqual({ file, sha1: spec.sha1 });
    }
  });

  it('holds for the runtime fixtures', async () => {
    const [scripts, templates] = await Promise.all([discoverScripts(REPO_ROOT, 'test/fixtures/runtime/lua'), readTemplates()]);
    const result = generate({ ...DEFAULT_CONFIG, srcDir: 'test/fixtures/runtime/lua' }, { scripts, templates });
    const modules = result.files.filter((f) => f.path.startsWith('scripts/'));
    expect(modules.length).toBeGreaterThan(5);
    for (const file of modules) {
      const spec = specOf(file.content);
      expect({ file: file.path, sha1: sha1(spec.lua) }).toEqual({ file: file.path, sha1: spec.sha1 });
    }
  });
});

describe('carriage returns', () => {
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(process.env.REDIS_URL!);
  });
  afterAll(async () => {
    await redis.quit();
  });

  // Lone CR line breaks, CR CR LF, a CR inside a long string and an escaped CR LF at the end of a string line.
  const SCRIPT = [
    '--- Returns strings that span odd line breaks.\r',
    '--- @return string[]\r',
    'local a = [[x\ry]]\r\r\n',
    'local b = [[p\r\r\nq\n\rr]]\r',
    "local c = 'e\\\r\nf'\n",
    'return {a, b, c}\r',
  ].join('');
  const FAILING = '--- Fails on a known line.\r--- @return integer\r\rlocal x = 1\r\r\nreturn error("boom at line 6, x = " .. x)\r';

  it('the generated text hashes to its sha1, loads under it, and runs as the file does', async () => {
    const project = await tempProject({ 'lua/app/breaks.lua': SCRIPT, 'lua/app/fails.lua': FAILING });
    const build = await runCli(project, 'build', '--strict');
    expect(build.stderr).toBe('');
    expect(build.code).toBe(0);
    for (const [name, source] of [['breaks', SCRIPT], ['fails', FAILING]]) {
      const spec = specOf(await fs.readFile(path.join(project, `generated/scripts/app/${name}.ts`), 'utf8'));
      expect(spec.lua).not.toMatch(/\r/);
      expect(sha1(spec.lua)).toBe(spec.sha1);
      expect(await redis.script('LOAD', spec.lua)).toBe(spec.sha1);
      // An error names the script's SHA-1, which differs: the file's bytes are not the bytes sent.
      const message = (error: Error) => error.message.replace(/[0-9a-f]{40}/g, '<sha1>');
      const asFile = await redis.eval(source, 0).catch(message);
      const asSent = await redis.evalsha(spec.sha1, 0).catch(message);
      if (name === 'fails') expect(asSent).toMatch(/user_script:6: boom/);
      expect(asSent).toEqual(asFile);
    }
    await fs.rm(project, { recursive: true, force: true });
  });

  it('a CR-only file keeps its header', async () => {
    const project = await tempProject({ 'lua/app/counter.lua': '--- Counts.\r--- @key counter\r--- @return integer\rreturn redis.call("INCR", KEYS[1])\r' });
    const build = await runCli(project, 'build', '--strict');
    expect(build.stderr).toBe('');
    expect(build.code).toBe(0);
    await fs.rm(project, { recursive: true, force: true });
  });
});

describe('bytes luagen will not guess about', () => {
  it('refuses invalid UTF-8 with its position (LG013) and writes nothing', async () => {
    const project = await tempProject({});
    const bytes = Buffer.concat([Buffer.from("--- Returns a byte.\n--- @return string\nlocal s = 'é"), Buffer.from([0xff]), Buffer.from("'\nreturn s\n")]);
    await writeFile(project, 'lua/app/binary.lua', bytes as unknown as string);
    const build = await runCli(project, 'build');
    expect(build.code).toBe(2);
    expect(build.stderr).toMatch(/^lua\/app\/binary\.lua:3:13: error LG013: byte 0xff is not valid UTF-8/m);
    expect(await snapshot(project)).not.toHaveProperty('generated/index.ts');
    await fs.rm(project, { recursive: true, force: true });
  });

  it('a header line holding U+2028 or U+2029 does not end the header', async () => {
    const project = await tempProject({
      'lua/app/counter.lua': '--- Counts\u2028one by one.\n--- @key counter  the\u2029counter\n--- @return integer\nreturn redis.call("INCR", KEYS[1])\n',
    });
    const build = await runCli(project, 'build', '--strict');
    expect(build.stderr).toBe('');
    expect(build.code).toBe(0);
    await fs.rm(project, { recursive: true, force: true });
  });
});

describe('limits', () => {
  it('a 245-character script name builds (temporary file names stay short)', async () => {
    const name = `a${'b'.repeat(244)}`;
    const project = await tempProject({ [`lua/app/${name}.lua`]: '--- Long.\n--- @return integer\nreturn 1\n' });
    const build = await runCli(project, 'build');
    expect(build.stderr).toBe('');
    expect(build.code).toBe(0);
    await fs.rm(project, { recursive: true, force: true });
  });

  it('refuses a script larger than 1 MiB at once (LG014), naming the file', async () => {
    const header = '--- Big.\n--- @return integer\n';
    const body = 'redis.call("SET", "k", "v")\n'.repeat(Math.ceil(20 * 1024 * 1024 / 28));
    const project = await tempProject({ 'lua/app/big.lua': `${header}${body}return 1\n`, 'lua/app/small.lua': `${header}return 1\n` });
    const started = Date.now();
    const build = await runCli(project, 'build');
    expect(build.code).toBe(2);
    expect(build.stderr).toMatch(new RegExp(`^lua/app/big\\.lua:1:1: error LG014: the script is \\d+ bytes; luagen accepts scripts up to ${MAX_SCRIPT_BYTES} bytes`, 'm'));
    // Not a timing assertion on the build (see docs/performance.md): only that nothing parsed 20 MB.
    expect(Date.now() - started).toBeLessThan(15_000);
    await fs.rm(project, { recursive: true, force: true });
  });
});
