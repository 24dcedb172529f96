"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.reply = exports.ReplyMismatch = exports.PATH_STEP = void 0;
exports.atIndex = atIndex;
exports.atKey = atKey;
exports.text = text;
exports.decodeInteger = decodeInteger;
exports.decodeNumber = decodeNumber;
exports.decodeString = decodeString;
exports.decodeBoolean = decodeBoolean;
exports.decodeJson = decodeJson;
exports.decodeBuffer = decodeBuffer;
exports.entriesOf = entriesOf;
const errors_1 = require("./errors");
/**
 * Where an emitted decoder marks a step it only knows when a reply fails to match (an array index, a table
 * key): the loop around it fills it in then (`atIndex`, `atKey`), so a reply that matches builds no path.
 */
exports.PATH_STEP = '\u0000';
/** A reply did not match; the caller adds the script name. */
class ReplyMismatch extends Error {
    template;
    expected;
    received;
    /** Steps filled in so far, innermost last (loops fill from the inside out). */
    steps = [];
    constructor(template, expected, received) {
        super(`${template} should be ${expected}, got ${(0, errors_1.describe)(received)}`);
        this.template = template;
        this.expected = expected;
        this.received = received;
    }
    /** The reply path, e.g. `reply.items[2]`. */
    get path() {
        const parts = this.template.split(exports.PATH_STEP);
        const steps = [...Array(parts.length - 1 - this.steps.length).fill(''), ...this.steps];
        return parts.map((part, i) => part + (steps[i] ?? '')).join('');
    }
    /** Fills in the innermost step still open. */
    fill(step) {
        this.steps.unshift(step);
        this.message = `${this.path} should be ${this.expected}, got ${(0, errors_1.describe)(this.received)}`;
        return this;
    }
}
exports.ReplyMismatch = ReplyMismatch;
/** Inside an emitted loop over an array: the error, its open step filled with the element's index. */
function atIndex(error, index) {
    return error instanceof ReplyMismatch ? error.fill(`[${index}]`) : error;
}
/** Inside an emitted loop over a table: the error, its open step filled with the field's name. */
function atKey(error, key) {
    return error instanceof ReplyMismatch ? error.fill(`.${key}`) : error;
}
function decoder(type, decode, binary = false) {
    return { type, decode, binary };
}
function text(raw) {
    if (typeof raw === 'string')
        return raw;
    if (Buffer.isBuffer(raw))
        return raw.toString('utf8');
    return undefined;
}
const SPECIAL_NUMBERS = { inf: Infinity, '+inf': Infinity, '-inf': -Infinity, nan: NaN, '-nan': NaN };
function decodeInteger(raw, path) {
    if (typeof raw === 'number' && Number.isInteger(raw))
        return raw;
    const s = text(raw);
    if (s !== undefined && /^-?\d+$/.test(s))
        return Number(s);
    throw new ReplyMismatch(path, 'integer', raw);
}
function decodeNumber(raw, path) {
    if (typeof raw === 'number')
        return raw;
    const s = text(raw);
    if (s !== undefined) {
        const special = SPECIAL_NUMBERS[s.toLowerCase()];
        if (special !== undefined)
            return special;
        const n = s.trim() === '' ? NaN : Number(s);
        if (!Number.isNaN(n))
            return n;
    }
    throw new ReplyMismatch(path, 'number', raw);
}
function decodeString(raw, path) {
    const s = text(raw);
    if (s === undefined)
        throw new ReplyMismatch(path, 'string', raw);
    return s;
}
/** Lua true is 1 in RESP2 and RESP3; false is nil, or #f / 0 after redis.setresp(3). */
function decodeBoolean(raw, path) {
    if (raw === 1 || raw === true || raw === '1')
        return true;
    if (raw === 0 || raw === false || raw === null || raw === undefined || raw === '0')
        return false;
    throw new ReplyMismatch(path, 'boolean', raw);
}
function decodeJson(raw, path) {
    const s = text(raw);
    if (s === undefined)
        throw new ReplyMismatch(path, 'a JSON string', raw);
    try {
        return JSON.parse(s);
    }
    catch {
        throw new ReplyMismatch(path, 'valid JSON', raw);
    }
}
function decodeBuffer(raw, path) {
    if (Buffer.isBuffer(raw))
        return raw;
    if (typeof raw === 'string')
        return Buffer.from(raw, 'utf8');
    throw new ReplyMismatch(path, 'buffer', raw);
}
/** A flat [field, value, ...] array (RESP2), a Map or an object (RESP3 map) as entries. */
function entriesOf(raw, path) {
    if (Array.isArray(raw)) {
        if (raw.length % 2 !== 0)
            throw new ReplyMismatch(path, 'a flat field/value array of even length', raw);
        const entries = [];
        for (let i = 0; i < raw.length; i += 2)
            entries.push([decodeString(raw[i], `${path}[${i}]`), raw[i + 1]]);
        return entries;
    }
    if (raw instanceof Map) {
        const entries = [];
        raw.forEach((value, key) => entries.push([decodeString(key, path), value]));
        return entries;
    }
    if (raw !== null && typeof raw === 'object' && !Buffer.isBuffer(raw))
        return Object.entries(raw);
    throw new ReplyMismatch(path, 'a field/value table', raw);
}
/** Reply decoders, one per declarable reply type, and combinators for nesting them. */
exports.reply = {
    integer: decoder('integer', decodeInteger),
    number: decoder('number', decodeNumber),
    string: decoder('string', decodeString),
    boolean: decoder('boolean', decodeBoolean),
    ok: decoder('ok', decodeString),
    nil: decoder('nil', () => null),
    json: decoder('json', decodeJson),
    buffer: decoder('buffer', decodeBuffer, true),
    /** The reply as the client delivered it, unchecked (its shape may differ between RESP2 and RESP3). */
    raw: decoder('raw', (raw) => (raw === undefined ? null : raw)),
    literal(...values) {
        const type = values.map((v) => JSON.stringify(v)).join(' | ');
        return decoder(type, (raw, path) => {
            const s = text(raw);
            if (s === undefined || !values.includes(s))
                throw new ReplyMismatch(path, type, raw);
            return s;
        });
    },
    optional(inner) {
        return decoder(`${inner.type}?`, (raw, path) => (raw === null || raw === undefined ? null : inner.decode(raw, path)), inner.binary);
    },
    array(element) {
        return decoder(`${element.type}[]`, (raw, path) => {
            if (!Array.isArray(raw))
                throw new ReplyMismatch(path, 'an array', raw);
            return raw.map((item, i) => element.decode(item, `${path}[${i}]`));
        }, element.binary);
    },
    /** A Lua array decoded into an object; a missing trailing element (the array was cut at a nil) is null. */
    tuple(fields) {
        const type = `[${fields.map(([name, d]) => `${name}: ${d.type}`).join(', ')}]`;
        const names = fields.map(([name]) => name);
        const decoders = fields.map(([, d]) => d);
        // Each field's path (`reply.count`), built once for the last path seen (always `reply` at the top), not per call.
        let pathsFor;
        let paths = [];
        return decoder(type, (raw, path) => {
            if (!Array.isArray(raw) || raw.length > fields.length)
                throw new ReplyMismatch(path, `an array of ${fields.length}`, raw);
            if (path !== pathsFor) {
                paths = names.map((name) => `${path}.${name}`);
                pathsFor = path;
            }
            const fieldPaths = paths;
            const result = {};
            for (let i = 0; i < names.length; i++) {
                result[names[i]] = decoders[i].decode(i < raw.length ? raw[i] : null, fieldPaths[i]);
            }
            return result;
        }, fields.some(([, d]) => d.binary));
    },
    record(value) {
        return decoder(`table<string, ${value.type}>`, (raw, path) => {
            const entries = entriesOf(raw, path).map(([k, v]) => [k, value.decode(v, `${path}.${k}`)]);
            return Object.fromEntries(entries);
        }, value.binary);
    },
};
