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
}

export const DEFAULT_CONFIG: LuagenConfig = {
  srcDir: 'lua',
  outDir: 'generated',
  cluster: false,
  warningsAsErrors: false,
  esm: false,
};
