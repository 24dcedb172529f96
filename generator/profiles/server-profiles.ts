import { REDIS_COMMANDS, VALKEY_COMMANDS, type CommandFacts } from './data/command-facts';

/**
 * Server profiles (`--server`): what one server release offers a script and the client. Only what really
 * differs between these releases is modelled; the facts come from the servers' sources (see docs/targets.md):
 * - commands: their `since` version in the servers' command metadata (data/command-facts.ts);
 * - `#!lua` shebang flags, EVAL_RO/EVALSHA_RO and Functions: Redis 7.0 (every Valkey);
 * - `os.clock()` (the only `os` function Redis loads): Redis 7.4, Valkey 8.0;
 * - the `server.*` API (an alias of `redis.*`): Valkey since its first release, 7.2.4.
 */
export const SERVER_PROFILES = ['redis-6.2', 'redis-7.0', 'redis-7.2', 'redis-7.4', 'redis-8.0', 'valkey-7.2', 'valkey-8.0'] as const;
export type ServerProfileName = (typeof SERVER_PROFILES)[number];

/** The oldest profile the test suite proves on a real server (redis-server 7.0.15). */
export const DEFAULT_SERVER: ServerProfileName = 'redis-7.0';

export interface ServerProfile {
  readonly name: ServerProfileName;
  /** As users read it: `Redis 7.4`, `Valkey 8.0`. */
  readonly title: string;
  readonly major: number;
  readonly minor: number;
  readonly commands: CommandFacts;
  /** `#!lua flags=...` lines, EVAL_RO / EVALSHA_RO and Redis Functions (FCALL). */
  readonly scriptFlags: boolean;
  /** `os.clock()`. */
  readonly osClock: boolean;
  /** The `server` global (Valkey's name for `redis`). */
  readonly serverApi: boolean;
}

function profile(name: ServerProfileName): ServerProfile {
  const [product = '', version = ''] = name.split('-');
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const valkey = product === 'valkey';
  const atLeast = (m: number, n: number) => major > m || (major === m && minor >= n);
  return {
    name,
    title: `${valkey ? 'Valkey' : 'Redis'} ${version}`,
    major,
    minor,
    commands: valkey ? VALKEY_COMMANDS : REDIS_COMMANDS,
    scriptFlags: valkey || atLeast(7, 0),
    osClock: valkey ? atLeast(8, 0) : atLeast(7, 4),
    serverApi: valkey,
  };
}

const PROFILES: ReadonlyMap<string, ServerProfile> = new Map(SERVER_PROFILES.map((name) => [name, profile(name)]));

export function serverProfile(name: ServerProfileName): ServerProfile {
  const found = PROFILES.get(name);
  if (!found) throw new Error(`unknown server profile '${name}'`);
  return found;
}

/** Whether a `since` version (`7.4.0`) is part of the profile's release line. */
export function includesVersion(profile: ServerProfile, since: string): boolean {
  const [major = 0, minor = 0] = since.split('.').map(Number);
  return major < profile.major || (major === profile.major && minor <= profile.minor);
}

/** What a profile says about one command. */
export type Availability =
  | { readonly kind: 'available' }
  /** The command appeared in a later release. */
  | { readonly kind: 'newer'; readonly since: string }
  /** The other product has it (`since` there), this one does not. */
  | { readonly kind: 'absent'; readonly elsewhere: string }
  /** Neither table knows it: the profile has no opinion. */
  | { readonly kind: 'unknown' };

/**
 * Verdicts already given, per profile and command name. Profiles and the command tables are constants, so
 * a verdict never changes: a build of 1000 scripts asks about the same few commands thousands of times.
 */
const VERDICTS = new WeakMap<ServerProfile, Map<string, Availability>>();

/** The profile's verdict on a command (`HEXPIRE`, `CLIENT LIST`). */
export function commandAvailability(profile: ServerProfile, display: string): Availability {
  let verdicts = VERDICTS.get(profile);
  if (!verdicts) VERDICTS.set(profile, (verdicts = new Map()));
  let verdict = verdicts.get(display);
  if (!verdict) verdicts.set(display, (verdict = judgeCommand(profile, display)));
  return verdict;
}

function judgeCommand(profile: ServerProfile, display: string): Availability {
  const name = display.toUpperCase();
  const fact = profile.commands[name];
  if (fact) return includesVersion(profile, fact[0]) ? { kind: 'available' } : { kind: 'newer', since: fact[0] };
  const other = profile.commands === REDIS_COMMANDS ? VALKEY_COMMANDS : REDIS_COMMANDS;
  const elsewhere = other[name];
  if (elsewhere) return { kind: 'absent', elsewhere: `${other === REDIS_COMMANDS ? 'Redis' : 'Valkey'} ${elsewhere[0]}` };
  return { kind: 'unknown' };
}
