import type { Diagnostic } from '../diagnostics/diagnostic';
import { pascalCase } from './case';
import { CLIENT_EXPORTS, exportedNames, FUNCTIONS_EXPORTS } from './generated-names';
import type { ScriptNames } from './naming';

interface Named {
  readonly file: string;
  readonly names: ScriptNames;
}

type NamingCode = 'LG101' | 'LG103' | 'LG105' | 'LG106';

/** Members of every object: a script or folder by one of these names would shadow them on its namespace. */
const OBJECT_MEMBERS: ReadonlySet<string> = new Set([
  'constructor', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', 'toString', 'valueOf',
]);

/** Method names that JavaScript or common code calls on any object: `await` calls `then`, `JSON.stringify` calls `toJSON`. */
const IMPLICITLY_CALLED: ReadonlySet<string> = new Set(['then', 'toJSON']);

/**
 * Names luagen cannot give a script or folder: the bound scripts object would become a thenable (`then`), or
 * code that calls `toString`, `hasOwnProperty` ... on any object would run a script or fail instead.
 */
function specialNameProblem(names: ScriptNames): string | undefined {
  if (IMPLICITLY_CALLED.has(names.name)) {
    return names.name === 'then'
      ? `a script named 'then' makes the object holding it a thenable: 'await' on it would run the script (and never settle)`
      : `a script named 'toJSON' would run whenever the object holding it is passed to JSON.stringify`;
  }
  const member = [...names.namespace, names.name].find((segment) => OBJECT_MEMBERS.has(segment));
  if (member === undefined) return undefined;
  return `'${member}' would hide Object.prototype.${member} on the bound scripts object, which code calls on any object`;
}

/** What earlier scripts took: type stems, ioredis commands, generated paths folded to lower case. */
interface Taken {
  readonly stems: Map<string, { exportName: string; file: string }>;
  readonly commands: Map<string, string>;
  readonly foldedPaths: Map<string, { path: string; file: string }>;
}

/** LG101: the same exported name, the same types, the same ioredis command, or paths differing only in case. */
function sameNameProblem(taken: Taken, names: ScriptNames, file: string): string | undefined {
  // Types are named after pascalCase(exportName): `aB` and `AB` would both declare `ABInput`.
  const stem = pascalCase(names.exportName);
  const commands = [names.command, `${names.command}Buffer`];
  const sameStem = taken.stems.get(stem);
  const sameCommand = commands.map((c) => taken.commands.get(c)).find((f) => f !== undefined);
  const caseClash = foldedClash(taken.foldedPaths, names.modulePath, file);
  taken.stems.set(stem, { exportName: names.exportName, file });
  for (const command of commands) taken.commands.set(command, file);
  if (sameStem !== undefined && sameStem.exportName !== names.exportName) {
    return `script '${names.id}' would declare the same types (${stem}Input, ${stem}Reply) as ${sameStem.file}`;
  }
  if (sameStem !== undefined) return `script '${names.id}' gets the same name (${names.exportName}) as ${sameStem.file}`;
  if (sameCommand !== undefined) {
    return `script '${names.id}' gets the ioredis command ${names.command}, which ${sameCommand} defines too (ioredis adds a ...Buffer twin to every command)`;
  }
  if (caseClash === undefined) return undefined;
  const { path, other } = caseClash;
  return `its output 'scripts/${path}' and 'scripts/${other.path}' of ${other.file} differ only in letter case: they would be one file on macOS and Windows`;
}

/** Collisions between scripts (exactly, or only by letter case), with namespaces, with the client's exports; special names. */
export function checkNameCollisions(scripts: readonly Named[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const report = (file: string, code: NamingCode, message: string, help: string) =>
    diagnostics.push({ file, line: 1, column: 1, code, severity: 'error', message, help });
  const taken: Taken = { stems: new Map(), commands: new Map(), foldedPaths: new Map() };
  const namespaces = new Set(scripts.flatMap((s) => s.names.namespace.map((_, i) => s.names.namespace.slice(0, i + 1).join('.'))));
  for (const { file, names } of scripts) {
    const clash = sameNameProblem(taken, names, file);
    if (clash !== undefined) report(file, 'LG101', clash, 'rename one of the files or folders');
    // Either target: switching target must not turn a valid project into one with a collision.
    const exported = Object.values(exportedNames(names.exportName)).find((name) => CLIENT_EXPORTS.includes(name) || FUNCTIONS_EXPORTS.includes(name));
    if (exported !== undefined) {
      report(file, 'LG105', `script '${names.id}' would export '${exported}', a name the generated client already exports`, 'rename the file or move it into a folder');
    }
    if (namespaces.has(names.id)) {
      report(file, 'LG103', `'${names.id}' is both a script and a namespace (folder)`, `rename ${file} or the folder of the same name`);
    }
    const special = specialNameProblem(names);
    if (special !== undefined) report(file, 'LG106', special, 'rename the file or folder (e.g. then.lua → next.lua, to_string.lua → format.lua)');
  }
  return diagnostics;
}

/**
 * Records every folder and the file of `modulePath` (`a/b` is the folder `a` and the file `a/b.ts`); returns the
 * first one that another script spells with other letter case.
 */
function foldedClash(
  seen: Map<string, { path: string; file: string }>,
  modulePath: string,
  file: string,
): { path: string; other: { path: string; file: string } } | undefined {
  const segments = modulePath.split('/');
  let found: { path: string; other: { path: string; file: string } } | undefined;
  for (let i = 1; i <= segments.length; i++) {
    const prefix = segments.slice(0, i).join('/') + (i === segments.length ? '.ts' : '');
    const other = seen.get(prefix.toLowerCase());
    if (other === undefined) seen.set(prefix.toLowerCase(), { path: prefix, file });
    else if (other.path !== prefix) found ??= { path: prefix, other };
  }
  return found;
}
