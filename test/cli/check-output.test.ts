import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { unifiedDiff } from '../../generator/write/diff';
import { COUNTER_SCRIPT, READ_SCRIPT, runCli, tempProject, writeFile } from './cli-harness';

describe('the check diff', () => {
  it('prints the - lines of a change before its + lines, as unified diffs do', () => {
    const diff = unifiedDiff('x.ts', 'a\nold one\nold two\nz\n', 'a\nnew one\nz\n');
    expect(diff.split('\n')).toEqual([
      '--- x.ts (on disk)',
      '+++ x.ts (generated)',
      '@@ -1,5 +1,4 @@',
      ' a',
      '-old one',
      '-old two',
      '+new one',
      ' z',
      ' ',
    ]);
  });

  it('orders a hand-edited generated file the same way in `luagen check`', async () => {
    const project = await tempProject({ 'lua/app/counter.lua': COUNTER_SCRIPT });
    try {
      await runCli(project, 'build');
      const file = path.join(project, 'generated/scripts/app/counter.ts');
      await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('how much to add', 'edited by hand'));
      const { stderr } = await runCli(project, 'check');
      const removed = stderr.indexOf('-  /** edited by hand */');
      const added = stderr.indexOf('+  /** how much to add */');
      expect(removed).toBeGreaterThan(-1);
      expect(added).toBeGreaterThan(removed);
    } finally {
      await fs.rm(project, { recursive: true, force: true });
    }
  });
});

describe('check --format github', () => {
  it('annotates every missing, stale and left-over generated file', async () => {
    const project = await tempProject({ 'lua/app/counter.lua': COUNTER_SCRIPT, 'lua/app/read_value.lua': READ_SCRIPT });
    try {
      await runCli(project, 'build');
      const counter = path.join(project, 'generated/scripts/app/counter.ts');
      const lines = (await fs.readFile(counter, 'utf8')).split('\n');
      const edited = lines.findIndex((line) => line.includes('how much to add'));
      await fs.writeFile(counter, lines.map((line, i) => (i === edited ? line.replace('how much to add', 'by hand') : line)).join('\n'));
      await writeFile(project, 'lua/app/reset.lua', COUNTER_SCRIPT);
      await fs.rm(path.join(project, 'lua/app/read_value.lua'));
      const check = await runCli(project, 'check', '--format', 'github');
      expect(check.code).toBe(1);
      const annotations = check.stderr.split('\n').filter((line) => line.startsWith('::'));
      expect(annotations).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^::error file=generated\/scripts\/app\/reset\.ts,line=1,col=1,title=luagen check::generated\/scripts\/app\/reset\.ts is missing/),
          `::error file=generated/scripts/app/counter.ts,line=${edited + 1},col=1,title=luagen check::generated/scripts/app/counter.ts is stale: luagen build would change it%0Arun luagen build and commit generated/`,
          expect.stringMatching(/^::error file=generated\/index\.ts,line=\d+,col=1,title=luagen check::generated\/index\.ts is stale/),
          expect.stringMatching(/^::error file=generated\/scripts\/app\/readValue\.ts,line=1,col=1,title=luagen check::.* is left over/),
          // The manifest lists the files, so it changes with them.
          expect.stringMatching(/^::error file=generated\/\.luagen-manifest\.json,line=\d+,col=1,title=luagen check::.* is stale/),
        ]),
      );
      expect(annotations).toHaveLength(5);
      const text = await runCli(project, 'check');
      expect(text.stderr).not.toContain('::error');
    } finally {
      await fs.rm(project, { recursive: true, force: true });
    }
  });
});
