"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.defineScript = defineScript;
const encode_input_1 = require("./encode-input");
/** Called by every generated module: completes a declaration into a bindable script. */
function defineScript(declaration) {
    // An @idempotent script's request record is one more key, after the declared ones.
    const numberOfKeys = declaration.variadicKeys ? undefined : declaration.keys.length + (declaration.idempotent ? 1 : 0);
    const encodeInto = (declaration.encoder ? declaration.encoder((0, encode_input_1.rejecterFor)(declaration)) : (0, encode_input_1.encoderFor)(declaration));
    const encode = (input) => {
        const out = [];
        const keyCount = encodeInto(input, out);
        return { keys: out.slice(0, keyCount), args: out.slice(keyCount) };
    };
    return Object.freeze({ ...declaration, numberOfKeys, encode, encodeInto });
}
