import * as path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { camelCase, pascalCase } from './case';

/** How a script's path maps to names in the generated client. */
export interface ScriptNames {
  /** Dotted name, e.g. `ratelimit.slidingWindow`. */
  readonly id: string;
  readonly namespace: readonly string[];
  /** The function's name in its namespace, e.g. `slidingWindow`. */
  readonly name: string;
  /** The exported spec, and the stem of the exported types, e.g. `ratelimitSlidingWindow`. */
  readonly exportName: string;
  /** The ioredis command (`defineCommand`) and the spec's local name, e.g. `luagen_ratelimit_slidingWindow`. */
  readonly command: string;
  readonly modulePath: string;
}

const SEGMENT = /^[A-Za-z][A-Za-z0-9_-]*$/;

/**
 * Every ioredis command luagen defines starts with this. No Redis command and no ioredis member does
 * (test/model/command-names.test.ts checks ioredis 5 and 6), so a script may be called `get` or `status`.
 * Segments are camelCased, which removes every `_`, so `luagen_` + the segments joined by `_` is one name per
 * dotted id, and no name derived from a file (an export, a type) can ever equal it.
 */
export const COMMAND_PREFIX = 'luagen_';

/** The part of `file` below `srcDir` (both POSIX, relative to the same folder), or undefined when outside it. */
function belowSource(file: string, srcDir: string): string | undefined {
  const root = path.posix.normalize(srcDir).replace(/\/+$/, '');
  const normal = path.posix.normalize(file);
  if (root === '.' || root === '') return normal.startsWith('../') || normal.startsWith('/') ? undefined : normal;
  return normal.startsWith(`${root}/`) ? normal.slice(root.length + 1) : undefined;
}

/** `lua/ratelimit/sliding_window.lua` (with srcDir `lua`) → `ratelimit.slidingWindow`. */
export function namesFromPath(file: string, srcDir: string): ScriptNames | Diagnostic {
  const invalid = (message: string, help: string): Diagnostic => ({ file, line: 1, column: 1, code: 'LG104', severity: 'error', message, help });
  const relative = belowSource(file, srcDir);
  if (relative === undefined) return invalid(`the script is not inside the script folder '${srcDir}'`, 'pass the folder that holds it as --src');
  // `addJob-6.lua`: a trailing `-<digits>` is a key count some projects put in file names, not part of the name.
  const segments = relative.replace(/(-\d+)?\.lua$/, '').split('/');
  const bad = segments.find((s) => !SEGMENT.test(s));
  if (bad !== undefined) {
    return invalid(
      `'${bad}' in the path cannot become a TypeScript name`,
      'name folders and files with a letter first, then letters, digits, _ or - (e.g. sliding_window.lua)',
    );
  }
  const parts = segments.map(camelCase);
  return {
    id: parts.join('.'),
    namespace: parts.slice(0, -1),
    name: parts[parts.length - 1] as string,
    exportName: parts[0] + parts.slice(1).map(pascalCase).join(''),
    command: COMMAND_PREFIX + parts.join('_'),
    modulePath: parts.join('/'),
  };
}
