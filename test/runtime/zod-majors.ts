import { promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { generateFixture, REPO_ROOT } from '../support/generate-fixture';

/** Every zod major the peer range allows: [label, the installed package, its version prefix]. */
export const ZOD_MAJORS = [
  ['zod 4', 'zod', '4.'],
  ['zod 3', 'zod3', '3.'],
] as const;

/**
 * Generates a fixture client whose `node_modules/zod` is the given package (as in an application that installed
 * that zod), loads it, and returns it with the zod version it resolves.
 */
export async function generateWithZod<T>(name: string, srcDir: string, pkg: string): Promise<{ client: T; zodVersion: string }> {
  const outDir = await generateWithZodPackage(name, srcDir, pkg);
  const zodPackage = require.resolve('zod/package.json', { paths: [path.join(outDir, 'runtime')] });
  const zodVersion = (JSON.parse(readFileSync(zodPackage, 'utf8')) as { version: string }).version;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return { client: require(path.join(outDir, 'index.ts')) as T, zodVersion };
}

/** Generates into `test/.generated/<name>-<pkg>` with `node_modules/zod` linked to the package; returns the folder. */
export async function generateWithZodPackage(name: string, srcDir: string, pkg: string): Promise<string> {
  const { outDir } = await generateFixture(`${name}-${pkg}`, srcDir);
  const link = path.join(outDir, 'node_modules', 'zod');
  await fs.mkdir(path.dirname(link), { recursive: true });
  await fs.rm(link, { recursive: true, force: true });
  await fs.symlink(path.join(REPO_ROOT, 'node_modules', pkg), link, 'dir');
  return outDir;
}
