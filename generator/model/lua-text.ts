import { hexDigest } from './digest';
import type { HeaderAst } from '../parse/header-ast';
import { wrapIdempotent } from './idempotent-lua';

export interface FinalLua {
  /** The text sent to Redis. */
  readonly lua: string;
  readonly sha1: string;
  /** Lines added above the file's own first line. */
  readonly lineOffset: number;
  readonly flags: readonly string[];
}

/**
 * The exact script text Redis receives: the parsed source (its line breaks already LF, see parse/source-text.ts),
 * and `#!lua flags=no-writes` for read-only scripts (merged into an existing shebang line, or added as a new
 * first line); an `@idempotent` script wrapped in its request record (idempotent-lua.ts). `sha1` is the SHA-1
 * of exactly this text, as Redis computes it. `scriptFlags` is false for servers before Redis 7.0, which know
 * no shebang: nothing is added then.
 */
export function finalLua(text: string, header: HeaderAst, scriptFlags = true): FinalLua {
  const shebang = header.shebang;
  const flags = [...(shebang?.flags ?? [])];
  let lua = text;
  let lineOffset = 0;
  if (header.readonly && !flags.includes('no-writes') && scriptFlags) {
    flags.unshift('no-writes');
    const line = `#!lua flags=${flags.join(',')}`;
    if (shebang) {
      lua = line + text.slice(text.indexOf('\n') < 0 ? text.length : text.indexOf('\n'));
    } else {
      lua = `${line}\n${text}`;
      lineOffset = 1;
    }
  } else if (header.idempotent) {
    lua = wrapIdempotent(text, shebang !== undefined, header.idempotent.ttlSeconds);
    lineOffset = 1;
  }
  const sha1 = hexDigest('sha1', lua);
  return { lua, sha1, lineOffset, flags };
}
