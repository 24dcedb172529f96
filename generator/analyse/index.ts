import type { LuagenConfig } from '../config';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { ParsedScript } from '../parse/parsed-script';
import { checkHeaderConsistency } from './header-consistency';

/** A check reads one parsed script and reports what it finds. Checks never throw on odd input. */
export type Check = (script: ParsedScript, config: LuagenConfig) => Diagnostic[];

const CHECKS: readonly Check[] = [checkHeaderConsistency];

/** Runs every static check over one script. */
export function analyseScript(script: ParsedScript, config: LuagenConfig): Diagnostic[] {
  return CHECKS.flatMap((check) => check(script, config));
}
