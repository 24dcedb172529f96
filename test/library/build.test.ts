import { hasFlag } from '@ioredis/commands';
import { DEFAULT_CONFIG } from '../../generator/config';
import { discoverScripts } from '../../generator/discover/discover';
import { readTemplates } from '../../generator/discover/templates';
import { generate } from '../../generator/generate';
import { REPO_ROOT } from '../support/generate-fixture';

/** The library the issue asks for, one entry per script. */
const LIBRARY = [
  'atomic.cappedPush',
  'atomic.transfer',
  'basic.compareAndSet',
  'basic.getAndExpire',
  'basic.increment',
  'counter.boundedIncrement',
  'hash.setFields',
  'leaderboard.playerStats',
  'leaderboard.top',
  'leaderboard.updateScore',
  'lock.acquire',
  'lock.extend',
  'lock.release',
  'ratelimit.fixedWindow',
  'ratelimit.slidingWindow',
  'session.create',
  'session.destroy',
  'session.destroyAll',
  'session.get',
  'session.update',
];

describe('the script library under lua/', () => {
  it.each([false, true])('builds with zero diagnostics (cluster mode: %s)', async (cluster) => {
    const [scripts, templates] = await Promise.all([discoverScripts(REPO_ROOT, 'lua'), readTemplates()]);
    const result = generate({ ...DEFAULT_CONFIG, cluster, warningsAsErrors: true }, { scripts, templates });
    expect(result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`)).toEqual([]);
    expect(result.scripts.map((s) => s.id).sort()).toEqual(LIBRARY);
  });

  it('declares every error code it raises, and raises every code it declares', async () => {
    const scripts = await discoverScripts(REPO_ROOT, 'lua');
    for (const script of scripts) {
      const declared = [...script.text.matchAll(/^--- @error (\w+)/gm)].map((m) => m[1]).sort();
      const raised = [...new Set([...script.text.matchAll(/error_reply\((?:string\.format\()?['"](\w+) /g)].map((m) => m[1]))].sort();
      expect({ file: script.path, codes: raised }).toEqual({ file: script.path, codes: declared });
    }
  });

  it('refuses to run under OOM exactly when it may add data: #!lua, or allow-oom for delete and TTL scripts', async () => {
    const scripts = await discoverScripts(REPO_ROOT, 'lua');
    for (const script of scripts) {
      const commands = [...new Set([...script.text.matchAll(/redis\.call\('(\w+)'/g)].map((m) => m[1].toLowerCase()))].sort();
      const grows = commands.filter((command) => hasFlag(command, 'denyoom'));
      const writes = commands.some((command) => hasFlag(command, 'write'));
      const firstLine = script.text.split('\n', 1)[0];
      const expected = grows.length > 0 ? '#!lua' : writes ? '#!lua flags=allow-oom' : firstLine;
      expect({ file: script.path, grows, firstLine }).toEqual({ file: script.path, grows, firstLine: expected });
    }
  });

  it('defines every shared helper once, in lua/shared/, and includes it where it is used', async () => {
    const files = await discoverScripts(REPO_ROOT, 'lua');
    const definedIn = new Map<string, string[]>();
    for (const file of files) {
      for (const match of file.text.matchAll(/^local function (\w+)\(/gm)) definedIn.set(match[1], [...(definedIn.get(match[1]) ?? []), file.path]);
    }
    for (const helper of ['to_integer', 'hash_tag', 'session_key_start', 'is_session_key']) {
      expect({ helper, files: definedIn.get(helper) }).toEqual({ helper, files: [expect.stringMatching(/^lua\/shared\//)] });
    }
    const users = files.filter((f) => /\bto_integer\(/.test(f.text) && !f.path.startsWith('lua/shared/'));
    expect(users.length).toBeGreaterThan(10);
    for (const user of users) expect({ file: user.path, includes: user.text.includes('--- @include "../shared/integer"') }).toEqual({ file: user.path, includes: true });
  });
});

