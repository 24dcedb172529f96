import { ErrorReply, type RedisArgument } from '@redis/client';
import { decodeReply, scriptFailure } from '../runtime/call-errors';
import { LuagenError } from '../runtime/errors';
import type { ScriptSpec } from '../runtime/script';
import { firstKeyOf } from './command-arguments';
import { isErrorReply } from './client';
import { callFailure, isError } from './delivery';

/**
 * A `multi()` of a node-redis client or cluster, run with `exec()` (MULTI/EXEC) or `execAsPipeline()`. Typed by
 * the one method luagen calls; a standalone multi takes `addCommand(args)`, a cluster's `addCommand(firstKey,
 * isReadonly, args)`.
 */
export interface Batch {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  addCommand(...args: any[]): unknown;
}

/** A script queued in a batch. */
export interface QueuedReply<Reply> {
  /** What `exec()` / `execAsPipeline()` resolved to, or the error it rejected with. */
  read(results: readonly unknown[] | Error | null): Reply;
}

/**
 * What luagen knows of one batch, kept on it under a global symbol (two generated clients queueing into one
 * batch share it): the scripts it carries in full, and how many commands were added since luagen first saw it.
 */
interface BatchState {
  readonly sentInFull: Set<string>;
  added: number;
}

const STATE = Symbol.for('luagen.nodeRedisBatch');

/**
 * node-redis keeps a batch's queue private, and commands added before luagen first saw the batch cannot be
 * counted: from then on, every `addCommand` (node-redis's own command methods go through it) is counted, and
 * at `read` time the position of an entry is `results.length - added + its position among the counted ones`.
 */
function stateOf(batch: Batch): BatchState {
  const tagged = batch as Batch & { [STATE]?: BatchState };
  const known = tagged[STATE];
  if (known) return known;
  const state: BatchState = { sentInFull: new Set(), added: 0 };
  const addCommand = batch.addCommand;
  Object.defineProperty(batch, STATE, { value: state });
  // Fixed parameters rather than a rest array: no allocation per queued command. A standalone batch takes
  // `(args, transformReply)`, a cluster's `(firstKey, isReadonly, args, transformReply)`.
  Object.defineProperty(batch, 'addCommand', {
    configurable: true,
    writable: true,
    value: function (this: unknown, a: unknown, b: unknown, c: unknown, d: unknown) {
      state.added++;
      return addCommand.call(this, a, b, c, d);
    },
  });
  return state;
}

/**
 * Queues one call. The first use of a script in a batch is an EVAL, which loads it, and later uses are EVALSHA,
 * which find it: the batch runs in order on one connection, so it never depends on the script cache (node-redis's
 * own `defineScript` does the same inside a multi, see its issue #2084: every batch carries each script in full
 * once). `args` is `EVALSHA, sha1, numkeys, ...keys, ...args`.
 */
export function queueScript(batch: Batch, spec: ScriptSpec<unknown, unknown>, args: RedisArgument[], cluster: boolean): QueuedReply<unknown> {
  const state = stateOf(batch);
  if (!state.sentInFull.has(spec.sha1)) {
    state.sentInFull.add(spec.sha1);
    args[0] = spec.readonly && spec.readOnlyCommands !== false ? 'EVAL_RO' : 'EVAL';
    args[1] = spec.lua;
  } else if (spec.readonly && spec.readOnlyCommands !== false) {
    args[0] = 'EVALSHA_RO';
  }
  return addTo(batch, state, spec, args, cluster);
}

/** Queues a command as it is (FCALL of the Functions target); read its reply back as a script's. */
export function queueCommand(batch: Batch, spec: ScriptSpec<unknown, unknown>, args: RedisArgument[], cluster: boolean): QueuedReply<unknown> {
  return addTo(batch, stateOf(batch), spec, args, cluster);
}

function addTo(batch: Batch, state: BatchState, spec: ScriptSpec<unknown, unknown>, args: RedisArgument[], cluster: boolean): QueuedReply<unknown> {
  const position = state.added;
  if (cluster) batch.addCommand(firstKeyOf(args), spec.readonly, args);
  else batch.addCommand(args);
  return new QueuedScript(spec, state, position);
}

const NO_RESULTS =
  'no results to read: exec() resolved to null, or was given none. If exec() was rejected, pass its error to read(); ' +
  'after a lost connection the script may have run or not, so read the data back before retrying.';

/** One queued call: where it stands among the commands counted in its batch. A class: no closure per call. */
class QueuedScript implements QueuedReply<unknown> {
  constructor(
    private readonly spec: ScriptSpec<unknown, unknown>,
    private readonly state: BatchState,
    private readonly position: number,
  ) {}

  read(results: readonly unknown[] | Error | null): unknown {
    const replies = repliesOf(this.spec, results);
    return readResult(this.spec, replies, replies.length - this.state.added + this.position);
  }
}

/** The replies of a batch: its results, or those a MultiErrorReply carries (exec() with an error reply in it). */
function repliesOf(spec: ScriptSpec<unknown, unknown>, results: readonly unknown[] | Error | null): readonly unknown[] {
  if (Array.isArray(results)) return results;
  if (isError(results)) {
    const replies = (results as Error & { replies?: unknown }).replies;
    if (Array.isArray(replies)) return replies;
    if (results instanceof ErrorReply) {
      // execAsPipeline() rejects with the first error reply of the batch and drops every other reply.
      throw new LuagenError(
        `${spec.id}: the batch failed with an error reply (${results.message}); execAsPipeline() keeps no other reply, so this script's cannot be read (use exec() or separate calls to read each one)`,
      );
    }
    throw callFailure(spec, results);
  }
  throw new LuagenError(`${spec.id}: ${NO_RESULTS}`);
}

/** The decoded reply (or the typed error) of the entry at `index` of a batch's replies. */
function readResult(spec: ScriptSpec<unknown, unknown>, replies: readonly unknown[], index: number): unknown {
  if (index < 0 || index >= replies.length) throw new LuagenError(`${spec.id}: no result at position ${index} of the batch`);
  const raw = replies[index];
  if (raw instanceof Error && isErrorReply(raw)) throw scriptFailure(spec, raw, isErrorReply);
  if (spec.reply.binary && holdsText(raw)) throw new LuagenError(`${spec.id}: ${BYTES_AS_TEXT}`);
  return decodeReply(spec, raw);
}

/**
 * node-redis has no per-command type mapping in a batch: `execAsPipeline()` decodes with the mapping of the client
 * the batch came from, `exec()` decodes EXEC's reply with node-redis's default one (bulk strings as text) whatever
 * the client's. Bytes read as UTF-8 text are lost: refused, never returned.
 */
const BYTES_AS_TEXT =
  'this script replies with bytes, which this batch decoded as UTF-8 text (lossy). exec() always does; run it with ' +
  'execAsPipeline() on a batch of a client that reads bulk strings as Buffers, client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer }).multi(), or call it directly';

function holdsText(raw: unknown): boolean {
  if (typeof raw === 'string') return true;
  if (Array.isArray(raw)) return raw.some(holdsText);
  if (raw instanceof Map) return [...raw].some(([key, value]) => holdsText(key) || holdsText(value));
  if (raw !== null && typeof raw === 'object' && !Buffer.isBuffer(raw)) return Object.values(raw).some(holdsText);
  return false;
}
