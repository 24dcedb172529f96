import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../cli';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process with `cwd` as its working directory, capturing what it prints. */
export async function runCli(cwd: string, ...argv: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { cwd, out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** A fresh temporary project holding the given files (POSIX relative paths). */
export async function tempProject(files: Record<string, string>): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'luagen-cli-'));
  await Promise.all(Object.entries(files).map(([file, content]) => writeFile(dir, file, content)));
  return dir;
}

export async function writeFile(dir: string, file: string, content: string): Promise<void> {
  const target = path.join(dir, file);
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.writeFile(target, content);
}

/** Path → sha1 and mtime of every file below `dir`, to prove a failed run touched nothing. */
export async function snapshot(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  const walk = async (current: string) => {
    for (const entry of await fs.readdir(current, { withFileTypes: true }).catch(() => [])) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) await walk(full);
      else {
        const [content, stat] = await Promise.all([fs.readFile(full), fs.stat(full)]);
        result[path.relative(dir, full)] = `${createHash('sha1').update(content).digest('hex')} ${stat.mtimeMs}`;
      }
    }
  };
  await walk(dir);
  return result;
}

export const COUNTER_SCRIPT = `--- Adds to a counter.
--- @key counter   the counter
--- @arg by integer  how much to add
--- @return integer
return redis.call('INCRBY', KEYS[1], ARGV[1])
`;

export const READ_SCRIPT = `--- Reads a value.
--- @key name
--- @readonly
--- @return string?
return redis.call('GET', KEYS[1])
`;
