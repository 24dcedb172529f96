"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.text = exports.ReplyMismatch = exports.entriesOf = exports.decodeString = exports.decodeNumber = exports.decodeJson = exports.decodeInteger = exports.decodeBuffer = exports.decodeBoolean = exports.atKey = exports.atIndex = exports.unreadable = exports.unknownField = exports.positionalGap = exports.jsonArgument = exports.inputFields = exports.copyArray = exports.wellFormed = exports.isKey = exports.encodeKey = exports.asBuffer = void 0;
exports.argument = argument;
var arguments_1 = require("./arguments");
Object.defineProperty(exports, "asBuffer", { enumerable: true, get: function () { return arguments_1.asBuffer; } });
Object.defineProperty(exports, "encodeKey", { enumerable: true, get: function () { return arguments_1.encodeKey; } });
Object.defineProperty(exports, "isKey", { enumerable: true, get: function () { return arguments_1.isKey; } });
Object.defineProperty(exports, "wellFormed", { enumerable: true, get: function () { return arguments_1.wellFormed; } });
var encode_input_1 = require("./encode-input");
Object.defineProperty(exports, "copyArray", { enumerable: true, get: function () { return encode_input_1.copyArray; } });
Object.defineProperty(exports, "inputFields", { enumerable: true, get: function () { return encode_input_1.inputFields; } });
Object.defineProperty(exports, "jsonArgument", { enumerable: true, get: function () { return encode_input_1.jsonArgument; } });
Object.defineProperty(exports, "positionalGap", { enumerable: true, get: function () { return encode_input_1.positionalGap; } });
Object.defineProperty(exports, "unknownField", { enumerable: true, get: function () { return encode_input_1.unknownField; } });
Object.defineProperty(exports, "unreadable", { enumerable: true, get: function () { return encode_input_1.unreadable; } });
var replies_1 = require("./replies");
Object.defineProperty(exports, "atIndex", { enumerable: true, get: function () { return replies_1.atIndex; } });
Object.defineProperty(exports, "atKey", { enumerable: true, get: function () { return replies_1.atKey; } });
Object.defineProperty(exports, "decodeBoolean", { enumerable: true, get: function () { return replies_1.decodeBoolean; } });
Object.defineProperty(exports, "decodeBuffer", { enumerable: true, get: function () { return replies_1.decodeBuffer; } });
Object.defineProperty(exports, "decodeInteger", { enumerable: true, get: function () { return replies_1.decodeInteger; } });
Object.defineProperty(exports, "decodeJson", { enumerable: true, get: function () { return replies_1.decodeJson; } });
Object.defineProperty(exports, "decodeNumber", { enumerable: true, get: function () { return replies_1.decodeNumber; } });
Object.defineProperty(exports, "decodeString", { enumerable: true, get: function () { return replies_1.decodeString; } });
Object.defineProperty(exports, "entriesOf", { enumerable: true, get: function () { return replies_1.entriesOf; } });
Object.defineProperty(exports, "ReplyMismatch", { enumerable: true, get: function () { return replies_1.ReplyMismatch; } });
Object.defineProperty(exports, "text", { enumerable: true, get: function () { return replies_1.text; } });
/**
 * One ARGV slot of a script's declaration, `{ name, codec }` plus `optional: true` / `variadic: true` for each flag.
 * The emitted modules call this rather than writing object literals: every slot then has the one type `ArgumentSpec`,
 * where a literal per slot gave each script its own object, union and array types for the application's type check
 * to build (docs/performance.md, "Type-checking an application").
 */
function argument(name, codec, ...flags) {
    const spec = { name, codec };
    for (const flag of flags)
        spec[flag] = true;
    return spec;
}
