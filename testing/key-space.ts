/**
 * Fresh, isolated key spaces: every call gives a prefix no other call in any process shares, with a
 * hash tag so that all of its keys land in one cluster slot (multi-key scripts stay cluster-safe).
 */
import { randomBytes } from 'node:crypto';

export interface KeySpace {
  /** Ends in `:`, e.g. `test:{1a2b3c4d5e6f}:`. */
  readonly prefix: string;
  /** `prefix + name`. */
  key(name: string): string;
}

let sequence = 0;

/** A prefix of the form `<label>:{<unique tag>}:`; the label must not contain braces. */
export function isolatedKeySpace(label = 'test'): KeySpace {
  if (/[{}]/.test(label)) throw new Error(`isolatedKeySpace: the label ${JSON.stringify(label)} must not contain { or }`);
  sequence += 1;
  const tag = `${process.pid.toString(36)}-${sequence.toString(36)}-${randomBytes(4).toString('hex')}`;
  const prefix = `${label}:{${tag}}:`;
  return { prefix, key: (name) => prefix + name };
}
