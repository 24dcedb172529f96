import type { ChainableCommander } from 'ioredis';
import { decodeReply, scriptFailure } from './call-errors';
import { LuagenError } from './errors';
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
function isTransaction(pipeline: ChainableCommander): boolean {
  return ((pipeline as { _transactions?: number })._transactions ?? 0) > 0;
}

/** The SHA1s of the scripts a pipeline already carries in full (EVAL). */
const sentInFull = new WeakMap<object, Set<string>>();

function firstUseIn(pipeline: ChainableCommander, sha1: string): boolean {
  const shas = sentInFull.get(pipeline) ?? new Set<string>();
  sentInFull.set(pipeline, shas);
  if (shas.has(sha1)) return false;
  shas.add(sha1);
  return true;
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
  pipeline: ChainableCommander,
  spec: ScriptSpec<unknown, unknown>,
  argv: unknown[],
  methods: BatchMethods,
): QueuedReply<unknown> {
  const queuedAt = pipeline.length;
  if (firstUseIn(pipeline, spec.sha1)) {
    argv.unshift(spec.lua);
    commandOf(pipeline, methods.eval, spec.id).call(pipeline, argv);
  } else if (isTransaction(pipeline)) {
    argv.unshift(spec.sha1);
    commandOf(pipeline, methods.evalsha, spec.id).call(pipeline, argv);
  } else {
    // The defined command still recovers should the cache be flushed while the pipeline runs.
    commandOf(pipeline, methods.defined, spec.id).call(pipeline, methods.toDefined(argv));
  }
  return new QueuedScript(pipeline, spec, queuedAt);
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
  ) {}

  read(results: [error: Error | null, result: unknown][] | null): unknown {
    const { spec } = this;
    if (!results) throw new LuagenError(`${spec.id}: ${NO_RESULTS}`);
    // A transaction's queue starts with MULTI and ends with EXEC, which exec() leaves out of its results.
    const index = this.queuedAt - (this.pipeline.length > results.length ? 1 : 0);
    const entry = results[index];
    if (!entry) throw new LuagenError(`${spec.id}: no result at position ${index} of the pipeline`);
    const [error, raw] = entry;
    if (error) throw scriptFailure(spec, error);
    return decodeReply(spec, raw);
  }
}
