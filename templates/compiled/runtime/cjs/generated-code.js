"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.text = exports.ReplyMismatch = exports.entriesOf = exports.decodeString = exports.decodeNumber = exports.decodeJson = exports.decodeInteger = exports.decodeBuffer = exports.decodeBoolean = exports.atKey = exports.atIndex = exports.unreadable = exports.unknownField = exports.positionalGap = exports.jsonArgument = exports.inputFields = exports.copyArray = exports.wellFormed = exports.isKey = exports.encodeKey = exports.asBuffer = void 0;
exports.argument = argument;
/**
 * What the encoders and decoders luagen emits into each script module call (as `run.*`): the rules and
 * conversions they share, so the emitted code stays straight-line and short. Not an API for applications.
 */
const argumentRules = __importStar(require("./arguments"));
const input = __importStar(require("./encode-input"));
const replies = __importStar(require("./replies"));
// Plain properties rather than `export { … } from`: compiled to CommonJS, a re-export is a getter, which the
// emitted encoders and decoders would call on every use of `run.*` (queueing and reading one node-redis pipeline
// entry of the bench script took 0.26 µs with them, 0.165 µs without).
exports.asBuffer = argumentRules.asBuffer;
exports.encodeKey = argumentRules.encodeKey;
exports.isKey = argumentRules.isKey;
exports.wellFormed = argumentRules.wellFormed;
exports.copyArray = input.copyArray;
exports.inputFields = input.inputFields;
exports.jsonArgument = input.jsonArgument;
exports.positionalGap = input.positionalGap;
exports.unknownField = input.unknownField;
exports.unreadable = input.unreadable;
exports.atIndex = replies.atIndex;
exports.atKey = replies.atKey;
exports.decodeBoolean = replies.decodeBoolean;
exports.decodeBuffer = replies.decodeBuffer;
exports.decodeInteger = replies.decodeInteger;
exports.decodeJson = replies.decodeJson;
exports.decodeNumber = replies.decodeNumber;
exports.decodeString = replies.decodeString;
exports.entriesOf = replies.entriesOf;
exports.ReplyMismatch = replies.ReplyMismatch;
exports.text = replies.text;
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
