import type { ChainableCommander } from 'ioredis';
import { guardedCommand, sendCommand, sentGuarded, typedError, wasRefused, wasWritten, type IoredisCommand } from './at-most-once';
import type { RedisClient } from './bind';
import { decodeReply, isNoScript, scriptFailure } from './call-errors';
import { LuagenError, ScriptNotSentError, ScriptOutcomeUnknownError } from './errors';
import type { ScriptSpec } from './script';

/** A script queued in a pipeline or transaction. */
export interface QueuedReply<Reply> {
  read(results: [error: Error | null, result: unknown][] | null): Reply;
}

type CommandMethod = (...args: unknown[]) => Promise<unknown>;

/** A command method of a client or pipeline; scripts are defined on the client before its pipelines exist. */
export function commandOf(target: object, name: string, script: string): CommandMethod {
  const method = (target as Record<string, unknown>)[name];
  if (typeof method !== 'function') {
    throw new LuagenError(`${script}: '${name}' is not defined here; bind the scripts (bindScripts) before creating pipelines`);
  }
  return method as CommandMethod;
}

/** ioredis marks a `multi()` pipeline by counting its MULTI commands (an internal field, in ioredis 5 and 6). */
export function isTransaction(pipeline: ChainableCommander): boolean {
  return ((pipeline as { _transactions?: number })._transactions ?? 0) > 0;
}

/** What luagen knows of a pipeline: the scripts it carries in full (EVAL), its write-script commands. */
interface BatchState {
  readonly sentInFull: Set<string>;
  readonly writes: IoredisCommand[];
}

/** Kept on the pipeline itself: one property read per queued call instead of a WeakMap lookup. */
const BATCH = Symbol('luagen batch');

function batchState(pipeline: ChainableCommander): BatchState {
  const target = pipeline as unknown as { [BATCH]?: BatchState };
  let state = target[BATCH];
  if (!state) {
    state = { sentInFull: new Set(), writes: [] };
    Object.defineProperty(target, BATCH, { value: state });
  }
  return state;
}

function firstUseIn(state: BatchState, sha1: string): boolean {
  const shas = state.sentInFull;
  if (shas.has(sha1)) return false;
  shas.add(sha1);
  return true;
}

/**
 * The error `exec()` of a transaction carrying write scripts rejects with. Once one of them was written, a lost
 * EXEC reply (or an EXECABORT caused by a refused re-send) leaves the outcome unknown; before that, nothing ran.
 */
function transactionFailure(state: BatchState, error: unknown): unknown {
  if (!(error instanceof Error) || error instanceof LuagenError || state.writes.length === 0) return error;
  const script = 'transaction';
  if (error.name === 'ReplyError') {
    return state.writes.some(wasRefused)
      ? new ScriptOutcomeUnknownError(script, 'the connection was lost after EXEC was sent', { cause: error })
      : error;
  }
  return state.writes.some(wasWritten)
    ? new ScriptOutcomeUnknownError(script, `no reply to EXEC (${error.message})`, { cause: error })
    : new ScriptNotSentError(script, error.message, { cause: error });
}

/** A transaction's `exec()` rejects with ScriptOutcomeUnknownError or ScriptNotSentError rather than a bare error. */
function typeTransactionErrors(pipeline: ChainableCommander, state: BatchState): void {
  if (state.writes.length > 0) return;
  const target = pipeline as unknown as { exec: (...args: unknown[]) => Promise<unknown> };
  const exec = target.exec;
  target.exec = function (this: unknown, ...args: unknown[]) {
    return exec.apply(this, args).catch((error: unknown) => Promise.reject(transactionFailure(state, error)));
  };
}

/**
 * Queues a call of a script that writes as a command written at most once (at-most-once.ts). In a plain
 * pipeline, an EVALSHA answered NOSCRIPT (the cache was flushed meanwhile) is sent again in full after the batch.
 */
function queueWrite(client: RedisClient, pipeline: ChainableCommander, spec: ScriptSpec<unknown, unknown>, argv: unknown[]): IoredisCommand {
  const state = batchState(pipeline);
  const binary = spec.reply.binary;
  const inFull = firstUseIn(state, spec.sha1);
  // `argv` becomes `script, numkeys, ...`: a Command copies its arguments, so a re-send may reuse the array.
  argv.unshift(inFull ? spec.lua : spec.sha1);
  const command = guardedCommand(client, spec.id, inFull ? 'eval' : 'evalsha', argv, binary);
  if (isTransaction(pipeline)) {
    typeTransactionErrors(pipeline, state);
  } else if (!inFull) {
    command.promise = command.promise.catch((error: unknown) => {
      if (!isNoScript(error)) return Promise.reject(typedError(command, error));
      argv[0] = spec.lua;
      return sentGuarded(sendCommand(client, guardedCommand(client, spec.id, 'eval', argv, binary)));
    });
  }
  state.writes.push(command);
  (pipeline as unknown as { sendCommand(command: unknown): unknown }).sendCommand(command);
  return command;
}

/** How one script is queued: the ioredis methods (the `...Buffer` variants for binary replies), worked out once. */
export interface BatchMethods {
  readonly eval: string;
  readonly evalsha: string;
  /** The method `defineCommand` created. */
  readonly defined: string;
  /** Turns `numkeys, ...keys, ...args` into what the defined command takes (it may reuse the array). */
  readonly toDefined: (argv: unknown[]) => unknown[];
}

export function batchMethods(spec: ScriptSpec<unknown, unknown>, toDefined: BatchMethods['toDefined']): BatchMethods {
  const suffix = spec.reply.binary ? 'Buffer' : '';
  return { eval: `eval${suffix}`, evalsha: `evalsha${suffix}`, defined: `${spec.command}${suffix}`, toDefined };
}

/**
 * Queues one call. The first use of a script in a pipeline or transaction is an EVAL, which loads it; later uses
 * are EVALSHA, which then find it, as a batch runs in order on one connection. An EVALSHA that met an empty
 * cache could not be recovered inside MULTI, and in a plain pipeline ioredis would resend it after the rest of
 * the batch, out of order. `argv` is `numkeys, ...keys, ...args`.
 * Every command gets `argv` as one array argument, which ioredis flattens: spread into the call (`apply`), about
 * 120,000 values overflow the stack with a RangeError.
 */
export function queueScript(
  client: RedisClient,
  pipeline: ChainableCommander,
  spec: ScriptSpec<unknown, unknown>,
  argv: unknown[],
  methods: BatchMethods,
): QueuedReply<unknown> {
  const queuedAt = pipeline.length;
  let written: IoredisCommand | undefined;
  if (!spec.readonly) {
    written = queueWrite(client, pipeline, spec, argv);
  } else if (firstUseIn(batchState(pipeline), spec.sha1)) {
    argv.unshift(spec.lua);
    commandOf(pipeline, methods.eval, spec.id).call(pipeline, argv);
  } else if (isTransaction(pipeline)) {
    argv.unshift(spec.sha1);
    commandOf(pipeline, methods.evalsha, spec.id).call(pipeline, argv);
  } else {
    // The defined command still recovers should the cache be flushed while the pipeline runs.
    commandOf(pipeline, methods.defined, spec.id).call(pipeline, methods.toDefined(argv));
  }
  return new QueuedScript(pipeline, spec, queuedAt, written);
}

/**
 * read(null): exec() resolves to null only when a WATCHed key changed (nothing was applied); a caller that
 * turned a rejected exec() into null cannot know whether the batch ran, and neither can luagen.
 */
const NO_RESULTS =
  'no results to read. exec() resolves to null when a WATCHed key changed: then the transaction was not applied. ' +
  "If exec() was rejected, its error is the answer: after a lost connection the script may have run or not, so read the data back before retrying.";

/** One queued call: where it stands in its pipeline, read back after `exec()`. A class: no closure per call. */
class QueuedScript implements QueuedReply<unknown> {
  constructor(
    private readonly pipeline: ChainableCommander,
    private readonly spec: ScriptSpec<unknown, unknown>,
    private readonly queuedAt: number,
    /** A script that writes: its guarded command, whose error `read` types (see typedError). */
    private readonly written: IoredisCommand | undefined,
  ) {}

  read(results: [error: Error | null, result: unknown][] | null): unknown {
    return readResult(this.spec, results, this, this.written);
  }

  indexIn(results: [error: Error | null, result: unknown][]): number {
    // A transaction's queue starts with MULTI and ends with EXEC, which exec() leaves out of its results.
    return this.queuedAt - (this.pipeline.length > results.length ? 1 : 0);
  }
}

/** Where a queued call's entry is in `exec()`'s results (a method of the queued call: no closure per read). */
export interface ResultPosition {
  indexIn(results: [error: Error | null, result: unknown][]): number;
}

/** The decoded reply (or the typed error) of one entry of `exec()`'s results, at the index `position` gives. */
export function readResult(
  spec: ScriptSpec<unknown, unknown>,
  results: [error: Error | null, result: unknown][] | null,
  position: ResultPosition,
  written?: IoredisCommand,
): unknown {
  if (!results) throw new LuagenError(`${spec.id}: ${NO_RESULTS}`);
  const index = position.indexIn(results);
  const entry = results[index];
  if (!entry) throw new LuagenError(`${spec.id}: no result at position ${index} of the pipeline`);
  const [error, raw] = entry;
  if (error) throw scriptFailure(spec, written ? typedError(written, error) : error);
  return decodeReply(spec, raw);
}
