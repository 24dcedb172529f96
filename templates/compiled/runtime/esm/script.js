import { encoderFor, rejecterFor } from './encode-input.js';
/** Called by every generated module: completes a declaration into a bindable script. */
export function defineScript(declaration) {
    // An @idempotent script's request record is one more key, after the declared ones.
    const numberOfKeys = declaration.variadicKeys ? undefined : declaration.keys.length + (declaration.idempotent ? 1 : 0);
    const encodeInto = (declaration.encoder ? declaration.encoder(rejecterFor(declaration)) : encoderFor(declaration));
    const encode = (input) => {
        const out = [];
        const keyCount = encodeInto(input, out);
        return { keys: out.slice(0, keyCount), args: out.slice(keyCount) };
    };
    return Object.freeze({ ...declaration, numberOfKeys, encode, encodeInto });
}
