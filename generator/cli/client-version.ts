import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * The version of package `name` as an import from `fromDir` would find it: the first
 * `node_modules/<name>/package.json` up the folder tree (a symlinked pnpm layout reads the same). Undefined
 * when none is installed or its package.json cannot be read.
 */
export function installedVersion(fromDir: string, name: string): string | undefined {
  for (let dir = path.resolve(fromDir); ; dir = path.dirname(dir)) {
    const version = versionIn(path.join(dir, 'node_modules', name, 'package.json'));
    if (version !== undefined) return version;
    if (path.dirname(dir) === dir) return undefined;
  }
}

function versionIn(packageJson: string): string | undefined {
  try {
    const version = (JSON.parse(readFileSync(packageJson, 'utf8')) as { version?: unknown }).version;
    return typeof version === 'string' ? version : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What `luagen build --client node-redis` says when the generated code would load node-redis 5: after a broken
 * connection, node-redis 5 can give a command another command's reply (docs/clients.md), which no generated
 * code can detect. Undefined for node-redis 6 or later, or when none is installed.
 */
export function nodeRedisNotice(outDir: string): string | undefined {
  const version = installedVersion(outDir, '@redis/client');
  if (version === undefined || Number(version.split('.')[0]) !== 5) return undefined;
  return (
    `luagen build: note: the generated code will load @redis/client ${version}. node-redis 5 can give a call ` +
    `another command's reply after a broken connection, and no generated code can tell; node-redis 6 fixes it ` +
    `(npm install redis@6 or @redis/client@6). See docs/clients.md, "node-redis 5 and broken connections".`
  );
}
