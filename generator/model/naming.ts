import type { Diagnostic } from '../diagnostics/diagnostic';
import { camelCase, pascalCase } from './case';
import { CLIENT_EXPORTS, exportedNames } from './generated-names';
import { ioredisReservedNames } from './reserved-names';

/** How a script's path maps to names in the generated client. */
export interface ScriptNames {
  readonly id: string;
  readonly namespace: readonly string[];
  readonly name: string;
  readonly command: string;
  readonly modulePath: string;
}

const SEGMENT = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** `lua/ratelimit/sliding_window.lua` (with srcDir `lua`) → `ratelimit.slidingWindow`. */
export function namesFromPath(file: string, srcDir: string): ScriptNames | Diagnostic {
  const prefix = srcDir === '' || srcDir === '.' ? '' : `${srcDir.replace(/\/+$/, '')}/`;
  const relative = file.startsWith(prefix) ? file.slice(prefix.length) : file;
  // `addJob-6.lua`: a trailing `-<digits>` is a key count some projects put in file names, not part of the name.
  const segments = relative.replace(/(-\d+)?\.lua$/, '').split('/');
  const bad = segments.find((s) => !SEGMENT.test(s));
  if (bad !== undefined) {
    return {
      file, line: 1, column: 1, code: 'LG104', severity: 'error',
      message: `'${bad}' in the path cannot become a TypeScript name`,
      help: 'name folders and files with a letter first, then letters, digits, _ or - (e.g. sliding_window.lua)',
    };
  }
  const parts = segments.map(camelCase);
  const namespace = parts.slice(0, -1);
  const name = parts[parts.length - 1];
  return {
    id: parts.join('.'),
    namespace,
    name,
    command: parts[0] + parts.slice(1).map(pascalCase).join(''),
    modulePath: parts.join('/'),
  };
}

interface Named {
  readonly file: string;
  readonly names: ScriptNames;
}

/** Collisions between scripts, with namespaces, and with ioredis's own methods. */
export function checkNameCollisions(scripts: readonly Named[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const report = (file: string, code: 'LG101' | 'LG102' | 'LG103' | 'LG105', message: string, help: string) =>
    diagnostics.push({ file, line: 1, column: 1, code, severity: 'error', message, help });
  const byCommand = new Map<string, string>();
  const namespaces = new Set(scripts.flatMap((s) => s.names.namespace.map((_, i) => s.names.namespace.slice(0, i + 1).join('.'))));
  const reserved = ioredisReservedNames();
  for (const { file, names } of scripts) {
    const clash = [names.command, `${names.command}Buffer`].find((command) => byCommand.has(command));
    if (clash !== undefined) {
      report(file, 'LG101', `script '${names.id}' gets the same name (${clash}) as ${byCommand.get(clash)}`, 'rename one of the files or folders');
    }
    byCommand.set(names.command, file);
    byCommand.set(`${names.command}Buffer`, file);
    if (reserved.has(names.command)) {
      report(file, 'LG102', `script name '${names.command}' collides with the ioredis method of the same name`, `rename the file or move it into a folder (e.g. lua/app/${names.name}.lua)`);
    }
    const taken = Object.values(exportedNames(names.command)).find((name) => CLIENT_EXPORTS.includes(name));
    if (taken !== undefined) {
      report(file, 'LG105', `script '${names.id}' would export '${taken}', a name the generated client already exports`, 'rename the file or move it into a folder');
    }
    if (namespaces.has(names.id)) {
      report(file, 'LG103', `'${names.id}' is both a script and a namespace (folder)`, `rename ${file} or the folder of the same name`);
    }
  }
  return diagnostics;
}
