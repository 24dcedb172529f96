import type { ScriptDeclaration, ScriptSpec } from './script.js';
/** Validates one snapshot of the input (throws ScriptArgumentError) and appends KEYS then ARGV to `out`. */
export declare function encoderFor<Input>(declaration: ScriptDeclaration<unknown>): ScriptSpec<Input, unknown>['encodeInto'];
