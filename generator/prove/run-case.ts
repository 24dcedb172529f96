/** One run of one script against the test database, and what it tells about the script's header. */
import type Redis from 'ioredis';
import type { TestCheck } from '../model/test-checks';
import type { RunCase } from './case';
import { fillCommands } from './key-contents';
import type { LoadedClient } from './load-client';
import { changedKeys, takeSnapshot } from './snapshot';

/** A contract the run broke. */
export interface Finding {
  readonly check: TestCheck;
  readonly message: string;
  /** `file:line` when Redis named a line. */
  readonly location?: string;
}

export type RunOutcome =
  | { readonly kind: 'reply'; readonly finding?: Finding }
  | { readonly kind: 'declared-error'; readonly code: string; readonly finding?: Finding }
  /** An error Redis (or Lua) raised that the header does not declare: information, not a finding. */
  | { readonly kind: 'undeclared-error'; readonly message: string; readonly location?: string; readonly finding?: Finding }
  /** The generated client refused the generated input before sending anything. */
  | { readonly kind: 'rejected' };

export interface ScriptUnderTest {
  readonly call: (input: Record<string, unknown>) => Promise<unknown>;
  readonly readonly: boolean;
  readonly sourcePath: string;
  readonly allowed: ReadonlySet<TestCheck>;
}

/** Error codes Redis itself (or Lua through it) uses: an undeclared one of these is information. */
const REDIS_ERROR_CODES = new Set(['ERR', 'WRONGTYPE', 'OOM', 'NOSCRIPT', 'BUSY', 'BUSYKEY', 'READONLY', 'NOPERM', 'CROSSSLOT',
  'MOVED', 'ASK', 'TRYAGAIN', 'CLUSTERDOWN', 'LOADING', 'MASTERDOWN', 'MISCONF', 'NOREPLICAS', 'EXECABORT', 'NOAUTH',
  'WRONGPASS', 'NOGROUP', 'UNKILLABLE', 'NOTBUSY', 'NOPROTO']);
const READONLY_WRITE = /Write commands are not allowed from read-only scripts/;

export async function runCase(redis: Redis, client: LoadedClient, script: ScriptUnderTest, run: RunCase): Promise<RunOutcome> {
  const fill = redis.pipeline().flushdb();
  for (const [key, content] of run.keys) for (const command of fillCommands(key, content)) fill.call(...(command as [string, ...(string | number)[]]));
  await fill.exec();
  const before = await takeSnapshot(redis);
  const outcome = await call(client, script, run.input);
  if (outcome.kind === 'rejected') return outcome;
  const ignored = run.ignored;
  const changed = changedKeys(before, await takeSnapshot(redis)).filter((key) => ignored === undefined || !key.startsWith(ignored));
  return { ...outcome, finding: outcome.finding ?? contractFinding(script, run, outcome, changed) } as RunOutcome;
}

async function call(client: LoadedClient, script: ScriptUnderTest, input: Record<string, unknown>): Promise<RunOutcome> {
  try {
    await script.call(input);
    return { kind: 'reply' };
  } catch (error) {
    if (error instanceof client.ScriptArgumentError) return { kind: 'rejected' };
    if (error instanceof client.ScriptReplyError) {
      return { kind: 'reply', finding: allow(script, { check: 'reply-type', message: error.message }) };
    }
    if (error instanceof client.ScriptCodeError) return { kind: 'declared-error', code: error.code };
    if (error instanceof client.ScriptError) return undeclared(script, error.redisMessage, error.location);
    throw error;
  }
}

function undeclared(script: ScriptUnderTest, message: string, location: string | undefined): RunOutcome {
  const text = message.replace(/ script: [0-9a-f]{40}, on @user_script:\d+\.$/, '');
  const code = /^([A-Z][A-Z0-9_]*)(?: |$)/.exec(text)?.[1];
  let finding: Finding | undefined;
  if (script.readonly && READONLY_WRITE.test(text)) {
    finding = { check: 'readonly-writes', message: `the @readonly script tried to write: ${text}`, location };
  } else if (code !== undefined && !REDIS_ERROR_CODES.has(code)) {
    finding = { check: 'undeclared-error-code', message: `the script returned the error code ${code}, which no @error declares: ${text}`, location };
  }
  return { kind: 'undeclared-error', message: text, location, finding: finding && allow(script, finding) };
}

function contractFinding(script: ScriptUnderTest, run: RunCase, outcome: RunOutcome, changed: readonly string[]): Finding | undefined {
  if (changed.length === 0) return undefined;
  const list = changed.join(', ');
  const given = new Set(run.keys.map(([key]) => key));
  const outside = changed.filter((key) => !given.has(key) && !run.prefixes.some((prefix) => key.startsWith(prefix)));
  const findings: (Finding | undefined)[] = [
    outside.length > 0 ? { check: 'keys-outside-keys', message: `changed ${outside.join(', ')}, which is not among the KEYS it was given` } : undefined,
    outcome.kind === 'declared-error' ? { check: 'writes-before-error', message: `raised the declared error ${outcome.code} after changing ${list}` } : undefined,
    script.readonly ? { check: 'readonly-writes', message: `the @readonly script changed ${list}` } : undefined,
  ];
  return findings.map((f) => f && allow(script, f)).find((f) => f !== undefined);
}

function allow(script: ScriptUnderTest, finding: Finding): Finding | undefined {
  return script.allowed.has(finding.check) ? undefined : finding;
}
