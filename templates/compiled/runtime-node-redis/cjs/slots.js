"use strict";
/** Redis Cluster key slots: CRC16 (XMODEM) of the key, or of its {hash tag}, modulo 16384. */
Object.defineProperty(exports, "__esModule", { value: true });
exports.hasHashTag = hasHashTag;
exports.keySlot = keySlot;
const TABLE = buildTable();
function buildTable() {
    const table = new Uint16Array(256);
    for (let i = 0; i < 256; i++) {
        let crc = i << 8;
        for (let bit = 0; bit < 8; bit++)
            crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
        table[i] = crc;
    }
    return table;
}
function crc16(bytes, start, end) {
    let crc = 0;
    for (let i = start; i < end; i++)
        crc = ((crc << 8) & 0xffff) ^ (TABLE[((crc >> 8) ^ (bytes[i] ?? 0)) & 0xff] ?? 0);
    return crc;
}
/** True when a key (or key prefix) holds a non-empty `{hash tag}`, which then alone decides its slot. */
function hasHashTag(key) {
    const bytes = typeof key === 'string' ? Buffer.from(key, 'utf8') : key;
    const open = bytes.indexOf(0x7b);
    return open >= 0 && bytes.indexOf(0x7d, open + 1) > open + 1;
}
/** The slot Redis Cluster assigns to a key. */
function keySlot(key) {
    const bytes = typeof key === 'string' ? Buffer.from(key, 'utf8') : key;
    const open = bytes.indexOf(0x7b); // {
    if (open >= 0) {
        const close = bytes.indexOf(0x7d, open + 1); // }
        if (close > open + 1)
            return crc16(bytes, open + 1, close) % 16384;
    }
    return crc16(bytes, 0, bytes.length) % 16384;
}
