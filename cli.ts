#!/usr/bin/env node
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { buildCommand } from './generator/cli/build';
import { checkCommand } from './generator/cli/check';
import { DEFAULT_DOCS_DIR, docsCommand } from './generator/cli/docs';
import { editorCommand, type EditorOptions } from './generator/cli/editor';
import { functionsCommand } from './generator/cli/functions';
import { EXIT, processIO, type CliIO } from './generator/cli/io';
import { initCommand } from './generator/cli/init';
import { newCommand } from './generator/cli/new';
import type { TestOptions } from './generator/cli/test';
import { watchCommand } from './generator/cli/watch';
import { CONFIG_FILE_NAME } from './generator/cli/config-file';
import { FORMATS, resolveOptions, type CommandLineOptions, type CommonOptions } from './generator/cli/options';
import { CLIENTS, TARGETS } from './generator/config';
import { DEFAULT_SERVER, SERVER_PROFILES } from './generator/profiles/server-profiles';

const HELP_FOOTER = `
Examples:
  $ luagen build                             # lua/ -> generated/
  $ luagen build --src app/lua --out app/generated
  $ luagen build --target functions          # one Redis Functions library (FCALL)
  $ luagen check --format github             # in CI: fail when generated/ is stale
  $ luagen watch                             # rebuild on every change to lua/
  $ luagen docs --out docs/scripts           # the script catalog (Markdown) from the headers
  $ luagen check --docs docs/scripts         # in CI: the client and the catalog are both current
  $ luagen new ratelimit/token_bucket        # start lua/ratelimit/token_bucket.lua
  $ luagen init --dry-run                    # show the headers luagen would infer for unannotated scripts
  $ luagen editor                            # Redis sandbox definitions + .luarc.json for lua-language-server
  $ luagen test --runs 200 --seed 42         # prove every header on a real Redis (property-based runs)
  $ luagen functions prune --url redis://host:6379   # after a deploy: drop older Functions libraries

Settings: luagen.config.json (or a "luagen" key in package.json) holds src, out, target, client, library,
server, cluster, strict and esm; a flag given here overrides it (--no-cluster, --no-strict, --no-esm turn a setting off).

Exit codes:
  0  success
  1  check: generated/ is out of date (run luagen build); test: a script broke its header
  2  a script has errors (or warnings, with --strict); nothing was written
  3  bad usage, a missing folder, or an I/O failure`;

/**
 * Options every command that reads the scripts takes. No defaults here: an option left out falls back to the
 * config file, then to the defaults (options.ts), so every command agrees on what was chosen once in
 * luagen.config.json.
 */
/** `--config` and `--src`: every command that reads scripts takes both. */
function withSourceOptions(command: Command): Command {
  return command
    .option('--config <file>', `config file (default: ${CONFIG_FILE_NAME}, else the "luagen" key of package.json)`)
    .option('--src <dir>', 'folder of annotated .lua scripts (default: lua)');
}

function withScriptOptions(command: Command): Command {
  return withSourceOptions(command)
    .addOption(new Option('--server <profile>', `the server release to build for (default: ${DEFAULT_SERVER})`).choices(SERVER_PROFILES))
    .addOption(new Option('--format <format>', 'how diagnostics are printed (default: text)').choices(FORMATS))
    .option('--cluster', 'the scripts must run on Redis Cluster: cluster-safety warnings become errors')
    .option('--no-cluster', 'override "cluster": true in the config file')
    .option('--strict', 'treat warnings as errors')
    .option('--no-strict', 'override "strict": true in the config file');
}

function withCommonOptions(command: Command): Command {
  return withScriptOptions(command)
    .option('--out <dir>', 'folder luagen writes, owning the files listed in its .luagen-manifest.json (default: generated)')
    .addOption(new Option('--target <target>', 'EVALSHA scripts or one Redis Functions library (default: eval)').choices(TARGETS))
    .addOption(new Option('--client <client>', 'the Redis client the generated code binds to (default: ioredis)').choices(CLIENTS))
    .option('--library <name>', 'base name of the Functions library (default: luagen)')
    .option('--esm', 'name .js files in relative imports, for ESM projects (moduleResolution node16/nodenext)')
    .option('--no-esm', 'override "esm": true in the config file')
    .option('--docs <dir>', 'also write (build) or verify (check) the script catalog in this folder');
}

type CommonCommand = (options: CommonOptions, io: CliIO) => Promise<number>;

/** Resolves the flags over the config file, then runs the command. */
function withConfig(io: CliIO, setExit: (code: number) => void, run: CommonCommand) {
  return async (given: CommandLineOptions) => setExit(await run(await resolveOptions(given, io.cwd), io));
}

/** `luagen functions list|prune`: the libraries of --target functions builds loaded on a server. */
function functionsCommands(group: Command, io: CliIO, setExit: (code: number) => void): void {
  const url = (command: Command) =>
    command.option('--url <url>', 'the server, or any node of a cluster (default: $REDIS_URL, else redis://127.0.0.1:6379)');
  const run = (action: 'list' | 'prune') => async (given: CommandLineOptions & { url?: string; keep?: string[]; dryRun?: boolean }) => {
    const options = await resolveOptions(given, io.cwd);
    const server = given.url ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    setExit(await functionsCommand(action, { ...options, url: server, keep: given.keep, dryRun: given.dryRun }, io));
  };
  url(withCommonOptions(group.command('list').description("this project's libraries on the server; marks this build's"))).action(run('list'));
  url(withCommonOptions(group.command('prune').description("delete this project's libraries of other builds")))
    .option('--keep <library...>', 'also keep these libraries (e.g. the build still being rolled out)')
    .option('--dry-run', 'print what would be deleted, delete nothing')
    .action(run('prune'));
}

function positiveInteger(text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value)) throw new InvalidArgumentError('expected a whole number');
  return value;
}

type TestFlags = Omit<TestOptions, 'src' | 'redisUrl' | 'format'> & { config?: string; src?: string; format?: TestOptions['format']; redisUrl?: string };

/** `luagen test`: the scripts' folder from the flags over the config file; everything else from the flags. */
function testCommandLine(root: Command, io: CliIO, setExit: (code: number) => void): void {
  withSourceOptions(
    root.command('test').description('run every script against a real Redis with generated inputs and check it keeps its header'),
  )
    .addOption(new Option('--format <format>', 'how results are printed (default: text)').choices(FORMATS))
    .option('--runs <n>', 'generated runs per script', positiveInteger, 100)
    .option('--seed <n>', 'seed of the generated runs (printed with every result; default: random)', positiveInteger)
    .option('--redis-url <url>', 'a Redis database luagen may flush (default: $REDIS_URL; else luagen starts redis-server)')
    .option('--lcov <file>', 'also measure which Lua lines ran and write them as lcov (on a redis-server luagen starts)')
    .option('--only <prefix...>', 'only the scripts whose dotted name starts with a prefix, e.g. lock. or atomic.transfer')
    .action(async (given: TestFlags) => {
      const { src, server } = await resolveOptions({ config: given.config, src: given.src }, io.cwd);
      // Loaded on demand: ioredis, fast-check and the TypeScript compiler are not needed by the other commands.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { testCommand } = require('./generator/cli/test') as typeof import('./generator/cli/test');
      const redisUrl = given.redisUrl ?? process.env.REDIS_URL;
      setExit(await testCommand({ ...given, src, server, format: given.format ?? 'text', redisUrl }, io));
    });
}

/** Aborts on Ctrl-C / SIGTERM, so that watch ends cleanly. */
function interruptSignal(): AbortSignal {
  const controller = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => controller.abort());
  return controller.signal;
}

function program(io: CliIO, setExit: (code: number) => void): Command {
  const root = new Command('luagen')
    .description('Turns annotated Redis Lua scripts into a typed ioredis client.')
    .addHelpText('after', HELP_FOOTER)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.replace(/\n$/, '')), writeErr: (s) => io.err(s.replace(/\n$/, '')) });
  withCommonOptions(root.command('build').description('check every script and write the generated client'))
    .action(withConfig(io, setExit, buildCommand));
  withCommonOptions(root.command('check').description('exit 1 when the generated client is stale (for CI)'))
    .action(withConfig(io, setExit, checkCommand));
  withCommonOptions(root.command('watch').description('build, then rebuild whenever a script changes'))
    .action(withConfig(io, setExit, (options) => watchCommand(options, io, interruptSignal())));
  withScriptOptions(root.command('docs').description('write the script catalog (Markdown) from the headers'))
    .option('--out <dir>', `folder of the catalog, luagen owning the pages that carry its banner (default: ${DEFAULT_DOCS_DIR})`)
    .action(async (given: CommandLineOptions) => {
      // Here --out is the catalog's folder, not the client's "out" of the config file.
      const options = await resolveOptions({ ...given, out: undefined }, io.cwd);
      setExit(await docsCommand({ ...options, out: given.out ?? DEFAULT_DOCS_DIR }, io));
    });
  withSourceOptions(root.command('init').description('write an inferred header into every script that has none (keeps its comments)'))
    .option('--dry-run', 'print the headers as a diff instead of writing them', false)
    .action(async (given: { config?: string; src?: string; dryRun: boolean }) => {
      const { src } = await resolveOptions({ config: given.config, src: given.src }, io.cwd);
      setExit(await initCommand({ src, dryRun: given.dryRun }, io));
    });
  withSourceOptions(root.command('new <path>').description('start a new script from the template, e.g. luagen new ratelimit/token_bucket'))
    .action(async (name: string, given: CommandLineOptions) => setExit(await newCommand(name, await resolveOptions(given, io.cwd), io)));
  withSourceOptions(root.command('editor').description('write lua-language-server definitions of the Redis sandbox and a .luarc.json that loads them'))
    .option('--dry-run', 'print what would change and write nothing', false)
    .action(async (given: Omit<EditorOptions, 'src'> & { config?: string; src?: string }) => {
      const { src } = await resolveOptions({ config: given.config, src: given.src }, io.cwd);
      setExit(await editorCommand({ ...given, src }, io));
    });
  testCommandLine(root, io, setExit);
  functionsCommands(root.command('functions').description('list or prune the Functions libraries of this project on a server'), io, setExit);
  const all = (command: Command): Command[] => [command, ...command.commands.flatMap(all)];
  for (const command of all(root)) command.exitOverride().configureOutput(root.configureOutput());
  return root;
}

/** Runs the CLI with `argv` (without `node cli.js`) and returns the exit code. */
export async function main(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  let exitCode: number = EXIT.ok;
  try {
    await program(io, (code) => (exitCode = code)).parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      const helpShown = error.code === 'commander.helpDisplayed' || error.code === 'commander.version';
      return helpShown || error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    io.err(`luagen: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.usage;
  }
}

/** `luagen check | head`: a reader that goes away early is not an error worth a stack trace. */
function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

if (require.main === module) {
  quietOnClosedPipe(process.stdout);
  quietOnClosedPipe(process.stderr);
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
