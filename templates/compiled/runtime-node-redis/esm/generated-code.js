/**
 * What the encoders and decoders luagen emits into each script module call (as `run.*`): the rules and
 * conversions they share, so the emitted code stays straight-line and short. Not an API for applications.
 */
import * as argumentRules from './arguments.js';
import * as input from './encode-input.js';
import * as replies from './replies.js';
// Plain properties rather than `export { … } from`: compiled to CommonJS, a re-export is a getter, which the
// emitted encoders and decoders would call on every use of `run.*` (queueing and reading one node-redis pipeline
// entry of the bench script took 0.26 µs with them, 0.165 µs without).
export const asBuffer = argumentRules.asBuffer;
export const encodeKey = argumentRules.encodeKey;
export const isKey = argumentRules.isKey;
export const wellFormed = argumentRules.wellFormed;
export const copyArray = input.copyArray;
export const inputFields = input.inputFields;
export const jsonArgument = input.jsonArgument;
export const positionalGap = input.positionalGap;
export const unknownField = input.unknownField;
export const unreadable = input.unreadable;
export const atIndex = replies.atIndex;
export const atKey = replies.atKey;
export const decodeBoolean = replies.decodeBoolean;
export const decodeBuffer = replies.decodeBuffer;
export const decodeInteger = replies.decodeInteger;
export const decodeJson = replies.decodeJson;
export const decodeNumber = replies.decodeNumber;
export const decodeString = replies.decodeString;
export const entriesOf = replies.entriesOf;
export const ReplyMismatch = replies.ReplyMismatch;
export const text = replies.text;
/**
 * One ARGV slot of a script's declaration, `{ name, codec }` plus `optional: true` / `variadic: true` for each flag.
 * The emitted modules call this rather than writing object literals: every slot then has the one type `ArgumentSpec`,
 * where a literal per slot gave each script its own object, union and array types for the application's type check
 * to build (docs/performance.md, "Type-checking an application").
 */
export function argument(name, codec, ...flags) {
    const spec = { name, codec };
    for (const flag of flags)
        spec[flag] = true;
    return spec;
}
