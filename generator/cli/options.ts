import { DEFAULT_CONFIG, type Client, type LuagenConfig, type Target } from '../config';
import type { DiagnosticFormat } from '../diagnostics/format';
import * as path from 'node:path';
import { serverProfile, type ServerProfileName } from '../profiles/server-profiles';
import { CONFIG_KEYS, ConfigFileError, loadConfigFile, type ConfigFile, type ConfigKey } from './config-file';

/** Options shared by build, check and watch: the config file's values with the flags over them. */
export interface CommonOptions {
  readonly src: string;
  readonly out: string;
  readonly format: DiagnosticFormat;
  readonly cluster: boolean;
  readonly strict: boolean;
  readonly esm: boolean;
  /** `--docs <dir>`: also write (build) or verify (check) the script catalog in this folder. */
  readonly docs?: string;
  /** Default `eval`. */
  readonly target?: Target;
  /** Default `ioredis`. */
  readonly client?: Client;
  /** Default `luagen`. */
  readonly library?: string;
  /** Default `redis-7.0`. */
  readonly server?: ServerProfileName;
}

/** The options as commander hands them over: only what was given on the command line is set. */
export type CommandLineOptions = { readonly [K in keyof CommonOptions]?: CommonOptions[K] } & { readonly config?: string };

export const FORMATS: readonly DiagnosticFormat[] = ['text', 'json', 'github'];

/** A folder as given on the command line, in POSIX form without a trailing slash. */
export function posixDir(dir: string): string {
  return dir.replace(/\\/g, '/').replace(/\/+$/, '') || '.';
}

/** Built-in defaults, under the config file and the flags. */
const DEFAULT_OPTIONS: CommonOptions = {
  src: DEFAULT_CONFIG.srcDir,
  out: DEFAULT_CONFIG.outDir,
  format: 'text',
  cluster: DEFAULT_CONFIG.cluster,
  strict: DEFAULT_CONFIG.warningsAsErrors,
  esm: DEFAULT_CONFIG.esm,
  target: DEFAULT_CONFIG.target,
  client: DEFAULT_CONFIG.client,
  library: DEFAULT_CONFIG.library,
  server: DEFAULT_CONFIG.server,
};

/** The config file's values as options; its paths are relative to its own folder, options' to `cwd`. */
function fromConfigFile(values: ConfigFile, configDir: string, cwd: string): Partial<CommonOptions> {
  const relative = (p: string | undefined) => (p === undefined ? undefined : path.relative(cwd, path.resolve(configDir, p)) || '.');
  const options: Record<string, unknown> = { ...values, src: relative(values.src), out: relative(values.out) };
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as Partial<CommonOptions>;
}

/** Defaults, then the config file (luagen.config.json, package.json "luagen", or --config), then the flags. */
export async function resolveOptions(given: CommandLineOptions, cwd: string): Promise<CommonOptions> {
  const loaded = await loadConfigFile(cwd, given.config);
  const flags = Object.fromEntries(Object.entries(given).filter(([key, v]) => v !== undefined && key !== 'config'));
  for (const [key, value] of Object.entries(flags)) {
    const spec = (CONFIG_KEYS as Record<string, ConfigKey | undefined>)[key];
    if (spec && !spec.accepts(value)) throw new ConfigFileError(`--${key} must be ${spec.expects}, got ${JSON.stringify(value)}`);
  }
  const options: CommonOptions = { ...DEFAULT_OPTIONS, ...fromConfigFile(loaded.values, loaded.dir, cwd), ...flags };
  const profile = serverProfile(options.server ?? DEFAULT_CONFIG.server);
  if (options.target === 'functions' && !profile.scriptFlags) {
    const where = 'server' in flags ? '--server' : loaded.file ? `"server" in ${loaded.file}` : 'the server profile';
    throw new ConfigFileError(`--target functions needs Redis 7.0 or later, and ${where} is ${profile.name}: choose redis-7.0 or newer, or target eval`);
  }
  return options;
}

/** The run's config; `srcDir` is the script folder as resolveSourceFolder spells it. */
export function toConfig(options: CommonOptions, srcDir: string): LuagenConfig {
  return {
    ...DEFAULT_CONFIG,
    srcDir,
    outDir: posixDir(options.out),
    cluster: options.cluster,
    warningsAsErrors: options.strict,
    esm: options.esm,
    target: options.target ?? DEFAULT_CONFIG.target,
    library: options.library ?? DEFAULT_CONFIG.library,
    client: options.client ?? DEFAULT_CONFIG.client,
    server: options.server ?? DEFAULT_CONFIG.server,
  };
}
