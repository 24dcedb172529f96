import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { CLIENTS, TARGETS, type Client, type Target } from '../config';
import { closest } from '../parse/suggest';
import { SERVER_PROFILES, type ServerProfileName } from '../profiles/server-profiles';

/**
 * The project's config file: `luagen.config.json`, or a `"luagen"` object in package.json. It states once what
 * the flags would otherwise repeat on every build, check and watch; a flag given on the command line wins.
 */

/**
 * One key of the config file: the values it accepts, and how the error words what it expects. Plain predicates:
 * every build reads them (the flags are checked too), and they are too simple to be worth loading a schema library.
 */
export interface ConfigKey {
  readonly accepts: (value: unknown) => boolean;
  readonly expects: string;
}

const folder: ConfigKey = { accepts: (v) => typeof v === 'string' && v.length > 0, expects: 'a folder path (a non-empty string)' };
const flag: ConfigKey = { accepts: (v) => typeof v === 'boolean', expects: 'true or false' };

function oneOf(values: readonly string[]): ConfigKey {
  return { accepts: (v) => typeof v === 'string' && values.includes(v), expects: `one of ${values.map((v) => JSON.stringify(v)).join(', ')}` };
}

const LIBRARY_NAME = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

/** What a valid config file holds; every key is optional. */
export interface ConfigFile {
  src?: string;
  out?: string;
  target?: Target;
  client?: Client;
  library?: string;
  server?: ServerProfileName;
  cluster?: boolean;
  strict?: boolean;
  esm?: boolean;
}

/**
 * Every key the config file accepts. Add a key here and to `ConfigFile` (the compiler holds the two together),
 * and it is validated, named in errors and suggested for misspellings; options.ts passes it on by name.
 */
export const CONFIG_KEYS: Record<keyof ConfigFile, ConfigKey> = {
  src: folder,
  out: folder,
  target: oneOf(TARGETS),
  client: oneOf(CLIENTS),
  library: {
    accepts: (v) => typeof v === 'string' && LIBRARY_NAME.test(v),
    expects: 'a Functions library name: a letter, then up to 39 letters, digits or _',
  },
  server: oneOf(SERVER_PROFILES),
  cluster: flag,
  strict: flag,
  esm: flag,
};

/** Names users reach for, from other tools or luagen's own internals, and the key they mean. */
const ALIASES: Readonly<Record<string, keyof ConfigFile>> = {
  srcDir: 'src', source: 'src', outDir: 'out', output: 'out', outputDir: 'out', warningsAsErrors: 'strict', module: 'esm',
};

export const CONFIG_FILE_NAME = 'luagen.config.json';

/** A config file that cannot be used; the message names the file and the key. */
export class ConfigFileError extends Error {
  override name = 'ConfigFileError';
}

export interface LoadedConfig {
  /** The file it came from, relative to the working directory (`luagen.config.json`, `package.json`). */
  readonly file: string | undefined;
  /** The folder the config's paths are relative to. */
  readonly dir: string;
  readonly values: ConfigFile;
}

async function readJson(file: string, shown: string): Promise<unknown | undefined> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ConfigFileError(`${shown}: cannot be read: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    throw new ConfigFileError(`${shown}: not valid JSON: ${(error as Error).message}`);
  }
}

function describeValue(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/** Checks the parsed JSON against CONFIG_KEYS; every problem is listed, each naming the file and the key. */
export function validateConfig(raw: unknown, shown: string): ConfigFile {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ConfigFileError(`${shown}: the luagen config must be a JSON object, got ${describeValue(raw)}`);
  }
  const known = Object.keys(CONFIG_KEYS);
  const problems: string[] = [];
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const spec = (CONFIG_KEYS as Record<string, ConfigKey>)[key];
    if (!spec) {
      const suggestion = ALIASES[key] ?? closest(key, known);
      problems.push(`unknown key '${key}'${suggestion ? ` (did you mean '${suggestion}'?)` : ''}; luagen reads ${known.join(', ')}`);
    } else if (!spec.accepts(value)) {
      problems.push(`'${key}' must be ${spec.expects}, got ${describeValue(value)}`);
    } else {
      values[key] = value;
    }
  }
  if (problems.length > 0) throw new ConfigFileError(problems.map((p) => `${shown}: ${p}`).join('\n'));
  return values as ConfigFile;
}

/**
 * Finds and validates the config: `explicit` (from --config) when given, else luagen.config.json in `cwd`, else
 * the "luagen" key of package.json in `cwd`, else none. Both files holding a config is an error.
 */
export async function loadConfigFile(cwd: string, explicit?: string): Promise<LoadedConfig> {
  if (explicit !== undefined) {
    const file = path.resolve(cwd, explicit);
    const raw = await readJson(file, explicit);
    if (raw === undefined) throw new ConfigFileError(`${explicit}: no such config file`);
    const content = path.basename(file) === 'package.json' ? (raw as Record<string, unknown>).luagen : raw;
    return { file: explicit, dir: path.dirname(file), values: validateConfig(content ?? {}, explicit) };
  }
  const [own, pkg] = await Promise.all([
    readJson(path.join(cwd, CONFIG_FILE_NAME), CONFIG_FILE_NAME),
    readJson(path.join(cwd, 'package.json'), 'package.json'),
  ]);
  const fromPackage = pkg !== null && typeof pkg === 'object' && 'luagen' in pkg ? (pkg as { luagen: unknown }).luagen : undefined;
  if (own !== undefined && fromPackage !== undefined) {
    throw new ConfigFileError(`${CONFIG_FILE_NAME} and package.json ("luagen") both configure luagen; keep one of them`);
  }
  if (own !== undefined) return { file: CONFIG_FILE_NAME, dir: cwd, values: validateConfig(own, CONFIG_FILE_NAME) };
  if (fromPackage !== undefined) return { file: 'package.json', dir: cwd, values: validateConfig(fromPackage, 'package.json ("luagen")') };
  return { file: undefined, dir: cwd, values: {} };
}
