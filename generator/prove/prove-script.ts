/** Property-based runs of one script (fast-check): generate, run, check; shrink the first failing case. */
import fc from 'fast-check';
import type Redis from 'ioredis';
import type { ScriptModel } from '../model/script';
import { allowedChecks } from '../model/test-checks';
import { caseOf, type RunCase } from './case';
import type { LoadedClient } from './load-client';
import { runCase, type Finding, type ScriptUnderTest } from './run-case';

/** An undeclared error, counted over the runs (shrinking excluded). */
export interface ErrorTally {
  readonly message: string;
  readonly location?: string;
  count: number;
}

export interface ScriptReport {
  readonly script: ScriptModel;
  /** Runs made before a finding (or all of them), not counting shrinking. */
  readonly runs: number;
  /** Runs whose generated input the client refused (nothing was sent). */
  readonly rejected: number;
  readonly declaredErrors: number;
  readonly undeclared: readonly ErrorTally[];
  /** The shrunk failing case, when a check failed. */
  readonly failure?: { readonly finding: Finding; readonly run: RunCase; readonly shrinks: number };
}

export interface ProveOptions {
  readonly runs: number;
  readonly seed: number;
}

export async function proveScript(redis: Redis, client: LoadedClient, script: ScriptModel, options: ProveOptions): Promise<ScriptReport> {
  const spec = client.scripts[script.id];
  if (!spec) throw new Error(`luagen test: the generated client has no script ${script.id}`);
  const under: ScriptUnderTest = {
    call: client.bindScript(redis, spec),
    readonly: script.readonly,
    sourcePath: script.sourcePath,
    allowed: allowedChecks(script.lua),
  };
  let runs = 0;
  let rejected = 0;
  let declaredErrors = 0;
  let shrinking = false;
  let last: { finding: Finding; run: RunCase } | undefined;
  const undeclared = new Map<string, ErrorTally>();
  const property = fc.asyncProperty(caseOf(script), async (run) => {
    const outcome = await runCase(redis, client, under, run);
    if (!shrinking) {
      runs += 1;
      if (outcome.kind === 'rejected') rejected += 1;
      if (outcome.kind === 'declared-error') declaredErrors += 1;
      if (outcome.kind === 'undeclared-error' && !outcome.finding) tally(undeclared, outcome.message, outcome.location);
    }
    if (outcome.kind !== 'rejected' && outcome.finding) {
      shrinking = true;
      last = { finding: outcome.finding, run };
      return false;
    }
    return true;
  });
  const details = await fc.check(property, { numRuns: options.runs, seed: options.seed });
  if (details.errorInstance && !last) throw details.errorInstance;
  const failure = details.failed && last ? { ...last, shrinks: details.numShrinks } : undefined;
  return { script, runs, rejected, declaredErrors, undeclared: [...undeclared.values()], failure };
}

/** Counts an error by location and its text without numbers (so `balance 3` and `balance 7` are one entry). */
function tally(tallies: Map<string, ErrorTally>, message: string, location: string | undefined): void {
  const shape = message.replace(/-?\d+(\.\d+)?/g, 'N');
  const key = `${location ?? ''}\u0000${shape}`;
  const entry = tallies.get(key);
  if (entry) entry.count += 1;
  else tallies.set(key, { message, location, count: 1 });
}
