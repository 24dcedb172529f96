/** Where a command prints and from where it works; tests pass their own. */
export interface CliIO {
  readonly cwd: string;
  out(text: string): void;
  err(text: string): void;
}

export const processIO: CliIO = {
  cwd: process.cwd(),
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/** Exit codes, documented in docs/cli.md and in `luagen --help`. */
export const EXIT = {
  ok: 0,
  /** `check`: generated/ differs from what build would write. */
  stale: 1,
  /** A script has errors (or warnings under --strict). */
  scriptErrors: 2,
  /** Bad usage, a missing folder, or an I/O failure. */
  usage: 3,
} as const;
