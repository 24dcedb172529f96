import type { LuagenConfig } from '../config';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { ParsedScript } from '../parse/parsed-script';
import { checkCallArguments } from './call-arguments';
import { checkClusterKeys } from './cluster-keys';
import { checkCommands } from './commands';
import { checkHeaderConsistency } from './header-consistency';
import { checkKeysAndArgs } from './keys-args';
import { checkKeyspaceScans } from './keyspace-scan';
import { checkNilComparisons } from './nil-comparison';
import { checkProfileFeatures } from './profile-features';
import { checkReadonlyWrites } from './readonly-writes';
import { checkReplyShape } from './reply-shape';
import { checkSandboxGlobals } from './sandbox-globals';
import { applySuppressions } from './suppressions';

/** A check reads one parsed script and reports what it finds. Checks never throw on odd input. */
export type Check = (script: ParsedScript, config: LuagenConfig) => Diagnostic[];

const CHECKS: readonly Check[] = [
  checkHeaderConsistency,
  checkKeysAndArgs,
  checkSandboxGlobals,
  checkCommands,
  checkCallArguments,
  checkClusterKeys,
  checkReadonlyWrites,
  checkReplyShape,
  checkNilComparisons,
  checkKeyspaceScans,
  checkProfileFeatures,
];

/** Runs every static check over one script, then applies its `-- luagen-ignore` comments. */
export function analyseScript(script: ParsedScript, config: LuagenConfig): Diagnostic[] {
  return applySuppressions(script, CHECKS.flatMap((check) => check(script, config)));
}
