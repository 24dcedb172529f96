import type { CodeBlockWriter } from './module';
import { exportedNames } from '../model/generated-names';
import type { ScriptModel } from '../model/script';
import { fileImport, folderImport } from './imports';
import { bindScriptsText, moduleSpecifier, scriptTableText } from './index-module';
import type { ModuleSource, Statement } from './module';
import { quote } from './text';

/** `export { spec, ErrorClass } from ...` and `export type { Input, Reply, ErrorCode } from ...` of one script. */
function scriptExports(script: ScriptModel, esm: boolean): string {
  const names = exportedNames(script.exportName);
  const coded = script.errors.length > 0;
  const values = [names.spec, ...(coded ? [names.errorClass] : [])];
  const types = [names.input, names.reply, ...(coded ? [names.errorCode] : [])];
  const from = quote(moduleSpecifier(script, esm));
  return `export { ${values.join(', ')} } from ${from};\nexport type { ${types.join(', ')} } from ${from};`;
}

function preloadFunction(functions: boolean) {
  return (writer: CodeBlockWriter) => {
    writer.blankLineIfLastNot();
    writer.writeLine(
      functions
        ? '/** Loads the Functions library (FUNCTION LOAD) where it is missing: the server, or every master of a cluster. */'
        : '/** Loads every script into the script cache (SCRIPT LOAD), on every node of a cluster (replicas too). */',
    );
    writer.write('export function preload(redis: RedisClient): Promise<void>').block(() => {
      writer.writeLine(functions ? 'return preloadLibrary(redis, library);' : 'return preloadScripts(redis, Object.values(scripts));');
    });
  };
}

/**
 * `generated/index.ts` of a node-redis client (`--client node-redis`): re-exports, the spec table, `bindScripts`
 * and `preload`, typed with the node-redis clients of the runtime; no module augmentation (node-redis scripts
 * are not methods of the client).
 */
export function emitNodeRedisIndexModule(scripts: readonly ScriptModel[], banner: string, esm: boolean, functions = false): ModuleSource {
  const runtime = quote(folderImport('./runtime', esm));
  const library = quote(fileImport('./library', esm));
  const sorted = [...scripts].sort((a, b) => (a.id < b.id ? -1 : 1));
  const runtimeValues = [...(sorted.length > 0 ? ['bindScript'] : []), functions ? 'preloadLibrary' : 'preloadScripts'];
  const statements: Statement[] = [
    `import { ${runtimeValues.join(', ')}, type RedisClient } from ${runtime};`,
    ...(functions ? [`import { library } from ${library};`] : []),
    // Each spec is imported under its command name, which no file name can produce (see naming.ts).
    ...sorted.map((s) => `import { ${s.exportName} as ${s.command} } from ${quote(moduleSpecifier(s, esm))};`),
    `export * from ${runtime};`,
    ...(functions ? [`export { library } from ${library};`] : []),
    ...sorted.map((s) => scriptExports(s, esm)),
    scriptTableText(sorted),
    bindScriptsText(sorted, 'Binds every script to a node-redis client (`createClient` or `createCluster`), grouped by namespace.', 'RedisClient'),
    (writer) => {
      writer.blankLineIfLastNot().writeLine('/** The object `bindScripts` returns. */');
      writer.writeLine('export type Scripts = ReturnType<typeof bindScripts>;');
    },
    preloadFunction(functions),
  ];
  return { path: 'index.ts', banner, statements };
}
