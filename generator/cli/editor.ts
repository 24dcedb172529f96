import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { discoverScripts } from '../discover/discover';
import { templatesDir } from '../discover/templates';
import { EXIT, type CliIO } from './io';
import { DEFINITIONS_DIR, mergeLuarc } from './luarc';

export interface EditorOptions {
  readonly src: string;
  readonly dryRun: boolean;
}

interface PlannedFile {
  readonly path: string;
  readonly content: string;
  /** What the run does to it, for the summary. */
  readonly action: 'create' | 'update' | 'keep';
  readonly details: readonly string[];
}

/**
 * `luagen editor`: writes lua-language-server definitions of Redis's Lua sandbox to `.luals/redis.lua` and
 * points `.luarc.json` at them (merged into an existing file). Idempotent; `--dry-run` only prints.
 */
export async function editorCommand(options: EditorOptions, io: CliIO): Promise<number> {
  const scripts = await discoverScripts(io.cwd, options.src).catch((error: Error) => error);
  if (scripts instanceof Error) {
    io.err(`luagen editor: ${scripts.message}`);
    return EXIT.usage;
  }
  const luarcPath = path.join(io.cwd, '.luarc.json');
  const existing = await readLuarc(luarcPath);
  if (existing instanceof Error) {
    io.err(`luagen editor: ${existing.message}; .luarc.json left as it is`);
    return EXIT.usage;
  }
  const definitions = await fs.readFile(path.join(templatesDir(), 'luals', 'redis.lua'), 'utf8');
  const merged = mergeLuarc(existing ?? {});
  const planned = [
    await plan(path.join(io.cwd, DEFINITIONS_DIR, 'redis.lua'), definitions, []),
    await plan(luarcPath, `${JSON.stringify(merged.settings, null, 2)}\n`, merged.changes),
  ];
  const verb = options.dryRun ? { create: 'would write', update: 'would update', keep: 'up to date:' } : { create: 'wrote', update: 'updated', keep: 'up to date:' };
  for (const file of planned) {
    io.out(`luagen editor: ${verb[file.action]} ${posix(path.relative(io.cwd, file.path))}`);
    for (const detail of file.details) io.out(`  ${detail}`);
  }
  if (!options.dryRun) {
    for (const file of planned) if (file.action !== 'keep') await writeAtomically(file.path, file.content);
  }
  for (const note of headerNotes(scripts)) io.out(note);
  return EXIT.ok;
}

async function plan(file: string, content: string, details: readonly string[]): Promise<PlannedFile> {
  const current = await fs.readFile(file, 'utf8').catch(() => undefined);
  const action = current === undefined ? 'create' : current === content ? 'keep' : 'update';
  return { path: file, content, action, details: action === 'keep' ? [] : details };
}

/** The parsed `.luarc.json`, undefined when there is none, or why it cannot be merged. */
async function readLuarc(file: string): Promise<Record<string, unknown> | undefined | Error> {
  const text = await fs.readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    return new Error('.luarc.json does not hold a JSON object');
  } catch (error) {
    return new Error(`cannot read .luarc.json as JSON (${(error as Error).message}); remove its comments, or add the settings docs/editor.md lists by hand`);
  }
}

/**
 * LuaLS attaches a comment block to the statement on the very next line: a header followed directly by a
 * `local function` gives that function the header's `@return`. One note per such script.
 */
function headerNotes(scripts: readonly { path: string; text: string }[]): string[] {
  const notes: string[] = [];
  for (const script of scripts) {
    const lines = script.text.split(/\r?\n/);
    let index = lines[0]?.startsWith('#!') ? 1 : 0;
    while (index < lines.length && lines[index]!.trim() === '') index++;
    if (!lines[index]?.startsWith('---')) continue;
    while (index < lines.length && lines[index]!.startsWith('---')) index++;
    if (/^\s*(local\s+)?function\b/.test(lines[index] ?? '')) {
      notes.push(`note: ${script.path}:${index + 1}: lua-language-server reads the header's @return as this function's; leave a blank line after the header`);
    }
  }
  return notes;
}

async function writeAtomically(file: string, content: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const staged = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  await fs.writeFile(staged, content);
  await fs.rename(staged, file);
}

function posix(file: string): string {
  return file.split(path.sep).join('/');
}
