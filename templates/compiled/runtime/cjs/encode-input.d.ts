import { z } from 'zod';
import { ScriptArgumentError } from './errors';
import type { ScriptDeclaration, ScriptSpec } from './script';
/** The input schema: the rule every input follows, and what words a rejection. */
export declare function inputSchema(declaration: ScriptDeclaration<unknown>): z.ZodType<Record<string, unknown>>;
/** The input as an object of fields (no input is `{}`); anything else is refused. */
export declare function inputFields(id: string, input: unknown): Record<string, unknown>;
export declare function unknownField(id: string, name: string): ScriptArgumentError;
/** A getter or a Proxy trap threw while the input was read: still an argument error, with nothing sent. */
export declare function unreadable(id: string, name: string, error: unknown): ScriptArgumentError;
/** An optional argument given after one left out: ARGV has no gaps. */
export declare function positionalGap(id: string, name: string, omitted: string): ScriptArgumentError;
/** A `json` argument's text; a value with none (a cycle, a BigInt, a function) is an argument error. */
export declare function jsonArgument(id: string, name: string, value: unknown): string;
/** A copy of a variadic array, read once element by element; a hole is refused. */
export declare function copyArray(id: string, name: string, array: readonly unknown[]): unknown[];
/**
 * How an emitted encoder rejects an input its straight-line check refused: zod words the first problem of the
 * values read (in slot order: keys, arguments, then `requestId`). The schema is built on the first rejection.
 */
export declare function rejecterFor(declaration: ScriptDeclaration<unknown>): (values: readonly unknown[]) => ScriptArgumentError;
/** Validates one snapshot of the input (throws ScriptArgumentError) and appends KEYS then ARGV to `out`. */
export declare function encoderFor<Input>(declaration: ScriptDeclaration<unknown>): ScriptSpec<Input, unknown>['encodeInto'];
