import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../support/generate-fixture';
import { COUNTER_SCRIPT, tempProject } from './cli-harness';

const exec = promisify(execFile);

// Printing goes through code-block-writer alone: a build or check must not load the TypeScript compiler
// (about a quarter of a second before any work, issue 13 point 4), nor what only other commands need: zod (the
// config file is checked with plain predicates) and chokidar (watch). Run in a fresh process, where
// require.cache lists exactly what the command loaded.
const PROBE = `
const { main } = require(${JSON.stringify(path.join(REPO_ROOT, 'cli.ts'))});
const [cwd, ...argv] = process.argv.slice(1);
main(argv, { cwd, out: () => {}, err: (t) => process.stderr.write(t + '\\n') }).then((code) => {
  const loaded = Object.keys(require.cache).filter((f) => /node_modules[\\\\/](typescript|ts-morph|@ts-morph|zod|chokidar)[\\\\/]/.test(f));
  process.stdout.write(JSON.stringify({ code, loaded }));
});
`;

async function modulesLoadedBy(cwd: string, ...argv: string[]): Promise<{ code: number; loaded: string[] }> {
  const { stdout } = await exec(process.execPath, ['--import', 'tsx', '-e', PROBE, cwd, ...argv], {
    cwd: REPO_ROOT,
    env: { ...process.env, LUAGEN_CACHE_DIR: path.join(cwd, '.cache') },
  });
  return JSON.parse(stdout) as { code: number; loaded: string[] };
}

describe('what a build loads', () => {
  let project: string;
  beforeAll(async () => {
    project = await tempProject({ 'lua/app/counter.lua': COUNTER_SCRIPT });
  });
  afterAll(() => fs.rm(project, { recursive: true, force: true }));

  it.each([['build'], ['check']])('luagen %s does not load TypeScript, ts-morph, zod or chokidar', async (command) => {
    expect(await modulesLoadedBy(project, command)).toEqual({ code: 0, loaded: [] });
  }, 60_000);
});
