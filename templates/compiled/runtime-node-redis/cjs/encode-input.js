"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.inputSchema = inputSchema;
exports.inputFields = inputFields;
exports.unknownField = unknownField;
exports.unreadable = unreadable;
exports.positionalGap = positionalGap;
exports.jsonArgument = jsonArgument;
exports.copyArray = copyArray;
exports.rejecterFor = rejecterFor;
exports.encoderFor = encoderFor;
const zod_1 = require("zod");
const arguments_1 = require("./arguments");
const errors_1 = require("./errors");
const request_record_1 = require("./request-record");
const keyRule = { problem: arguments_1.keyProblem };
function slotsOf(declaration) {
    const { keys, variadicKeys, args } = declaration;
    const keySlots = keys.map((name, i) => ({ name, variadic: variadicKeys && i === keys.length - 1, optional: false, rule: keyRule }));
    const argSlots = args.map((a) => ({ name: a.name, variadic: a.variadic === true, optional: a.optional === true, rule: a.codec }));
    // An @idempotent script's requestId is read and checked with the rest, last.
    const request = declaration.idempotent ? [{ name: request_record_1.REQUEST_ID, variadic: false, optional: false, rule: request_record_1.requestIdRule }] : [];
    return [...keySlots, ...argSlots, ...request];
}
/** The input schema: the rule every input follows, and what words a rejection. */
function inputSchema(declaration) {
    const shape = {};
    declaration.keys.forEach((name, i) => {
        const variadic = declaration.variadicKeys && i === declaration.keys.length - 1;
        shape[name] = variadic ? zod_1.z.array(arguments_1.keySchema) : arguments_1.keySchema;
    });
    for (const arg of declaration.args) {
        const schema = arg.variadic ? zod_1.z.array(arg.codec.schema) : arg.codec.schema;
        shape[arg.name] = arg.optional ? schema.optional() : schema;
    }
    if (declaration.idempotent)
        shape[request_record_1.REQUEST_ID] = request_record_1.requestIdSchema;
    return zod_1.z.object(shape);
}
function describeInput(value) {
    if (value === undefined)
        return 'undefined';
    if (value === null)
        return 'null';
    return (0, errors_1.describe)(value);
}
/** The value at a zod issue path in the snapshot, for the "got ..." part of a message. */
function valueAt(snapshot, path) {
    let value = snapshot;
    for (const step of path)
        value = value?.[step];
    return value;
}
function argumentError(id, error, snapshot) {
    const issue = error.issues[0];
    if (!issue)
        return new errors_1.ScriptArgumentError(id, '', error.message);
    const path = issue.path.map(String);
    const index = path.length > 1 ? `[${path.slice(1).join('][')}]` : '';
    const got = issue.code === 'custom' ? `, got ${describeInput(valueAt(snapshot, issue.path))}` : '';
    return new errors_1.ScriptArgumentError(id, `${path[0] ?? ''}${index}`, `${issue.message}${got}`);
}
/**
 * Reads the input once: each declared property once, each element of a variadic array once (a getter or a
 * Proxy cannot hand validation one value and the encoder another). Values come out in slot order; variadic
 * arrays are copied. Refuses what zod could not be shown: a non-object, an unknown field, a hole in an array.
 */
function snapshotOf(id, slots, allowed, input) {
    const fields = inputFields(id, input);
    for (const name in fields)
        if (!allowed.has(name))
            throw unknownField(id, name);
    const values = new Array(slots.length);
    let reading = '';
    try {
        for (let s = 0; s < slots.length; s++) {
            const slot = slots[s];
            reading = slot.name;
            const value = fields[slot.name];
            values[s] = slot.variadic && Array.isArray(value) ? copyArray(id, slot.name, value) : value;
        }
    }
    catch (error) {
        throw unreadable(id, reading, error);
    }
    return values;
}
/** The input as an object of fields (no input is `{}`); anything else is refused. */
function inputFields(id, input) {
    if (input === undefined)
        return {};
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
        throw new errors_1.ScriptArgumentError(id, '', `expected an object of keys and arguments, got ${describeInput(input)}`);
    }
    return input;
}
function unknownField(id, name) {
    return new errors_1.ScriptArgumentError(id, name, 'is not a key or argument of this script');
}
/** A getter or a Proxy trap threw while the input was read: still an argument error, with nothing sent. */
function unreadable(id, name, error) {
    if (error instanceof errors_1.ScriptArgumentError)
        return error;
    return new errors_1.ScriptArgumentError(id, name, `could not be read: ${error instanceof Error ? error.message : String(error)}`);
}
/** An optional argument given after one left out: ARGV has no gaps. */
function positionalGap(id, name, omitted) {
    return new errors_1.ScriptArgumentError(id, name, `ARGV is positional: '${name}' needs '${omitted}' to be given too`);
}
/** A `json` argument's text; a value with none (a cycle, a BigInt, a function) is an argument error. */
function jsonArgument(id, name, value) {
    try {
        return arguments_1.arg.json.encode(value);
    }
    catch (error) {
        throw new errors_1.ScriptArgumentError(id, name, error instanceof Error ? error.message : String(error));
    }
}
/** A copy of a variadic array, read once element by element; a hole is refused. */
function copyArray(id, name, array) {
    const length = array.length;
    const copy = [];
    for (let i = 0; i < length; i++) {
        const item = array[i];
        // `every` and `forEach` skip holes; ioredis would send them as ''.
        if (item === undefined && !(i in array))
            throw new errors_1.ScriptArgumentError(id, `${name}[${i}]`, 'is a hole in a sparse array; give every element');
        copy.push(item);
    }
    return copy;
}
/** Every value passes its slot's rule (the fast path: no zod, no allocation). */
function isValid(slots, values) {
    for (let s = 0; s < slots.length; s++) {
        const slot = slots[s];
        const value = values[s];
        if (slot.variadic) {
            if (!Array.isArray(value))
                return false;
            for (let i = 0; i < value.length; i++)
                if (slot.rule.problem(value[i]) !== undefined)
                    return false;
        }
        else if (value === undefined ? !slot.optional : slot.rule.problem(value) !== undefined) {
            return false;
        }
    }
    return true;
}
/** zod finds the first problem in the snapshot and words it; the rules are the slots' own, so it finds one. */
function rejection(id, schema, slots, values) {
    const snapshot = {};
    slots.forEach((slot, s) => (snapshot[slot.name] = values[s]));
    const parsed = schema.safeParse(snapshot);
    return parsed.success ? new errors_1.ScriptArgumentError(id, '', 'failed validation') : argumentError(id, parsed.error, snapshot);
}
function encodeValue(id, spec, value) {
    try {
        return spec.codec.encode(value);
    }
    catch (error) {
        throw new errors_1.ScriptArgumentError(id, spec.name, error instanceof Error ? error.message : String(error));
    }
}
/**
 * How an emitted encoder rejects an input its straight-line check refused: zod words the first problem of the
 * values read (in slot order: keys, arguments, then `requestId`). The schema is built on the first rejection.
 */
function rejecterFor(declaration) {
    let schema;
    let slots;
    return (values) => {
        schema ??= inputSchema(declaration);
        slots ??= slotsOf(declaration);
        return rejection(declaration.id, schema, slots, values);
    };
}
/** Validates one snapshot of the input (throws ScriptArgumentError) and appends KEYS then ARGV to `out`. */
function encoderFor(declaration) {
    const schema = inputSchema(declaration);
    const slots = slotsOf(declaration);
    const allowed = new Set(slots.map((slot) => slot.name));
    const { id, keys: keyNames, variadicKeys, args: argSpecs } = declaration;
    return (input, out, request) => {
        const values = snapshotOf(id, slots, allowed, input);
        if (!isValid(slots, values))
            throw rejection(id, schema, slots, values);
        const start = out.length;
        for (let i = 0; i < keyNames.length; i++) {
            const value = values[i];
            if (variadicKeys && i === keyNames.length - 1)
                for (const key of value)
                    out.push((0, arguments_1.encodeKey)(key));
            else
                out.push((0, arguments_1.encodeKey)(value));
        }
        const keyCount = out.length - start;
        let omitted;
        for (let a = 0; a < argSpecs.length; a++) {
            const spec = argSpecs[a];
            const value = values[keyNames.length + a];
            if (spec.variadic) {
                for (const item of value)
                    out.push(encodeValue(id, spec, item));
            }
            else if (value === undefined) {
                omitted ??= spec.name;
            }
            else if (omitted !== undefined) {
                throw positionalGap(id, spec.name, omitted);
            }
            else {
                out.push(encodeValue(id, spec, value));
            }
        }
        if (request && declaration.idempotent)
            request.id = values[slots.length - 1];
        return keyCount;
    };
}
