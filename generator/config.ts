import { DEFAULT_SERVER, type ServerProfileName } from './profiles/server-profiles';

/** How the generated client runs the scripts: EVALSHA/EVAL (the default) or one Redis Functions library (FCALL). */
export const TARGETS = ['eval', 'functions'] as const;
export type Target = (typeof TARGETS)[number];

/** The Redis client the generated code is written for: ioredis (the default) or node-redis 5 or 6 (`redis` / `@redis/client`). */
export const CLIENTS = ['ioredis', 'node-redis'] as const;
export type Client = (typeof CLIENTS)[number];

/** What a run of luagen is asked to do. Paths are POSIX and relative to the working directory. */
export interface LuagenConfig {
  /** The folder scanned for `.lua` files. */
  readonly srcDir: string;
  /** The folder luagen owns and writes. */
  readonly outDir: string;
  /** The scripts must run on Redis Cluster: cluster-safety warnings become errors. */
  readonly cluster: boolean;
  /** Any warning fails the run. */
  readonly warningsAsErrors: boolean;
  /** Relative imports name `.js` files, for ESM projects (`moduleResolution: node16/nodenext`). */
  readonly esm: boolean;
  /** EVAL scripts, or one Functions library. */
  readonly target: Target;
  /** The Functions library's base name; the loaded library is `<library>_<content hash>`. */
  readonly library: string;
  /** The server release the scripts and the client must work on (commands, sandbox, shebang, Functions). */
  readonly server: ServerProfileName;
  /** The client library the generated code imports and binds to. */
  readonly client: Client;
}

export const DEFAULT_CONFIG: LuagenConfig = {
  srcDir: 'lua',
  outDir: 'generated',
  cluster: false,
  warningsAsErrors: false,
  esm: false,
  target: 'eval',
  library: 'luagen',
  server: DEFAULT_SERVER,
  client: 'ioredis',
};
