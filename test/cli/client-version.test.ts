/**
 * `luagen build --client node-redis` notes when the generated code would load node-redis 5 (it can misroute
 * replies after a broken connection, docs/clients.md), and stays quiet for node-redis 6, for ioredis builds,
 * and when no node-redis is installed. The version is read the way an import from generated/ finds it.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { installedVersion } from '../../generator/cli/client-version';
import { COUNTER_SCRIPT, runCli, tempProject } from './cli-harness';

const projects: string[] = [];
afterAll(() => Promise.all(projects.map((dir) => fs.rm(dir, { recursive: true, force: true }))));

async function project(files: Record<string, string>): Promise<string> {
  const dir = await tempProject({ 'lua/app/counter.lua': COUNTER_SCRIPT, ...files });
  projects.push(dir);
  return dir;
}

const redisClient = (version: string): Record<string, string> => ({
  'node_modules/@redis/client/package.json': JSON.stringify({ name: '@redis/client', version }),
});

describe('the node-redis 5 note of luagen build', () => {
  it.each([
    ['5.12.1', true],
    ['5.0.0', true],
    ['6.3.1', false],
  ])('@redis/client %s installed: noted %s', async (version, noted) => {
    const dir = await project(redisClient(version));
    const run = await runCli(dir, 'build', '--client', 'node-redis');
    expect(run.code).toBe(0);
    expect(run.stderr.includes(`@redis/client ${version}`)).toBe(noted);
    expect(run.stderr.includes('node-redis 5 and broken connections')).toBe(noted);
  });

  it('says nothing for an ioredis build, or when no node-redis is installed', async () => {
    const withFive = await project(redisClient('5.12.1'));
    expect((await runCli(withFive, 'build')).stderr).toBe('');
    const without = await project({});
    const run = await runCli(without, 'build', '--client', 'node-redis');
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('@redis/client');
  });

  it('finds the package the way an import from the output folder does: the nearest node_modules up the tree', async () => {
    const dir = await project({
      ...redisClient('6.3.1'),
      'app/node_modules/@redis/client/package.json': JSON.stringify({ name: '@redis/client', version: '5.9.0' }),
    });
    expect(installedVersion(path.join(dir, 'app', 'generated'), '@redis/client')).toBe('5.9.0');
    expect(installedVersion(path.join(dir, 'generated'), '@redis/client')).toBe('6.3.1');
    expect(installedVersion(path.join(dir, 'generated'), 'no-such-package')).toBeUndefined();
    const run = await runCli(dir, 'build', '--client', 'node-redis', '--out', 'app/generated');
    expect(run.stderr).toContain('@redis/client 5.9.0');
  });
});
