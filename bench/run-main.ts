/**
 * Runs a bench script's `main` and exits: 0 when it resolves, 1 (with the error on stderr) when it rejects. For the
 * benches whose clients may leave reconnect timers behind, so the process would not end on its own.
 */
export function runMain(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
