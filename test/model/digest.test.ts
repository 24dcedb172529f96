import { createHash } from 'node:crypto';
import { hexDigest } from '../../generator/model/digest';

describe('hexDigest', () => {
  // The SHA1 luagen emits must be the one Redis computes over the script's UTF-8 bytes.
  it.each(['sha1', 'sha256'] as const)('%s of a text is the digest of its UTF-8 bytes, as createHash gives it', (algorithm) => {
    for (const text of ['', "return redis.call('GET', KEYS[1])", 'héllo ☃ \u{1f600}', 'x'.repeat(70_000)]) {
      expect(hexDigest(algorithm, text)).toBe(createHash(algorithm).update(Buffer.from(text, 'utf8')).digest('hex'));
    }
    expect(hexDigest(algorithm, Buffer.from([0, 255, 10]))).toBe(createHash(algorithm).update(Buffer.from([0, 255, 10])).digest('hex'));
  });

  it('gives the SHA1 Redis gives for a known script', () => {
    // SCRIPT LOAD "return 1" answers e0e1f9fabfc9d4800c877a703b823ac0578ff8db.
    expect(hexDigest('sha1', 'return 1')).toBe('e0e1f9fabfc9d4800c877a703b823ac0578ff8db');
  });
});
