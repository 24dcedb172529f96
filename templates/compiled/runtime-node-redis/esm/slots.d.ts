/** Redis Cluster key slots: CRC16 (XMODEM) of the key, or of its {hash tag}, modulo 16384. */
/** True when a key (or key prefix) holds a non-empty `{hash tag}`, which then alone decides its slot. */
export declare function hasHashTag(key: string | Uint8Array): boolean;
/** The slot Redis Cluster assigns to a key. */
export declare function keySlot(key: string | Uint8Array): number;
