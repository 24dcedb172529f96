/**
 * What the encoders and decoders luagen emits into each script module call (as `run.*`): the rules and
 * conversions they share, so the emitted code stays straight-line and short. Not an API for applications.
 */
export { asBuffer, encodeKey, isKey, wellFormed } from './arguments.js';
export { copyArray, inputFields, jsonArgument, positionalGap, unknownField, unreadable } from './encode-input.js';
export { atIndex, atKey, decodeBoolean, decodeBuffer, decodeInteger, decodeJson, decodeNumber, decodeString, entriesOf, ReplyMismatch, text, } from './replies.js';
