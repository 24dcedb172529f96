import * as crypto from 'node:crypto';

type OneShotHash = (algorithm: string, data: string | Buffer, outputEncoding: 'hex') => string;

/** `crypto.hash` (Node 20.12+): one call, no Hash object; about twice as fast for the many small texts of a build. */
const oneShot = (crypto as unknown as { hash?: OneShotHash }).hash;

/** The hex digest of a text (UTF-8) or bytes. */
export function hexDigest(algorithm: 'sha1' | 'sha256', data: string | Buffer): string {
  return oneShot ? oneShot(algorithm, data, 'hex') : crypto.createHash(algorithm).update(data).digest('hex');
}
