export { asBuffer, encodeKey, isKey, wellFormed } from './arguments.js';
export { copyArray, inputFields, jsonArgument, positionalGap, unknownField, unreadable } from './encode-input.js';
export { atIndex, atKey, decodeBoolean, decodeBuffer, decodeInteger, decodeJson, decodeNumber, decodeString, entriesOf, ReplyMismatch, text, } from './replies.js';
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
