/**
 * What the encoders and decoders luagen emits into each script module call (as `run.*`): the rules and
 * conversions they share, so the emitted code stays straight-line and short. Not an API for applications.
 */
import * as argumentRules from './arguments.js';
import * as input from './encode-input.js';
import * as replies from './replies.js';
import type { ArgumentSpec } from './script.js';
export declare const asBuffer: typeof argumentRules.asBuffer;
export declare const encodeKey: typeof argumentRules.encodeKey;
export declare const isKey: typeof argumentRules.isKey;
export declare const wellFormed: typeof argumentRules.wellFormed;
export declare const copyArray: typeof input.copyArray;
export declare const inputFields: typeof input.inputFields;
export declare const jsonArgument: typeof input.jsonArgument;
export declare const positionalGap: typeof input.positionalGap;
export declare const unknownField: typeof input.unknownField;
export declare const unreadable: typeof input.unreadable;
export declare const atIndex: typeof replies.atIndex;
export declare const atKey: typeof replies.atKey;
export declare const decodeBoolean: typeof replies.decodeBoolean;
export declare const decodeBuffer: typeof replies.decodeBuffer;
export declare const decodeInteger: typeof replies.decodeInteger;
export declare const decodeJson: typeof replies.decodeJson;
export declare const decodeNumber: typeof replies.decodeNumber;
export declare const decodeString: typeof replies.decodeString;
export declare const entriesOf: typeof replies.entriesOf;
export declare const ReplyMismatch: typeof replies.ReplyMismatch;
export type ReplyMismatch = replies.ReplyMismatch;
export declare const text: typeof replies.text;
/**
 * One ARGV slot of a script's declaration, `{ name, codec }` plus `optional: true` / `variadic: true` for each flag.
 * The emitted modules call this rather than writing object literals: every slot then has the one type `ArgumentSpec`,
 * where a literal per slot gave each script its own object, union and array types for the application's type check
 * to build (docs/performance.md, "Type-checking an application").
 */
export declare function argument(name: string, codec: argumentRules.ArgumentCodec<unknown>, ...flags: readonly ('optional' | 'variadic')[]): ArgumentSpec;
