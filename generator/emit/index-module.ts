import type { ScriptModel } from '../model/script';
import { fileImport, folderImport } from './imports';
import type { LaidOutStatement, ModuleSource, Statement, WriterFunction } from './module';
import { exportText, importText } from './declarations';
import { exportedNames } from '../model/generated-names';
import { SCRIPTS_FOLDER } from './script-module';
import { parameterName } from './identifiers';
import { argumentTypeText } from './type-text';
import { docText, propertyKey, quote } from './text';

/** Scripts grouped by namespace, as the bound object nests them. */
interface NamespaceTree {
  readonly scripts: ScriptModel[];
  readonly children: Map<string, NamespaceTree>;
}

export function buildTree(scripts: readonly ScriptModel[]): NamespaceTree {
  const root: NamespaceTree = { scripts: [], children: new Map() };
  for (const script of scripts) {
    let node = root;
    for (const segment of script.namespace) {
      let child = node.children.get(segment);
      if (!child) node.children.set(segment, (child = { scripts: [], children: new Map() }));
      node = child;
    }
    node.scripts.push(script);
  }
  return root;
}

/** The bound object's literal, `{` to `}`, its entries sorted by name; `indent` is that of the line it starts on. */
export function treeText(tree: NamespaceTree, indent: string): string {
  const inner = `${indent}  `;
  const entries: [string, string][] = [
    ...[...tree.children].map(([name, child]): [string, string] => [name, `${inner}${propertyKey(name)}: ${treeText(child, inner)},`]),
    ...tree.scripts.map((script): [string, string] => {
      const doc = script.description ? `${inner}/** ${docText(script.description.replace(/\n/g, ' '))} */\n` : '';
      return [script.name, `${doc}${inner}${propertyKey(script.name)}: bindScript(redis, ${script.command}),`];
    }),
  ];
  const lines = entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, text]) => text);
  return ['{', ...lines, `${indent}}`].join('\n');
}

/** `export function bindScripts(redis: <client>)` returning the bound object, grouped by namespace. */
export function bindScriptsText(scripts: readonly ScriptModel[], about: string, client: string): LaidOutStatement {
  const text = [
    `/** ${about} */`,
    `export function bindScripts(${scripts.length > 0 ? 'redis' : '_redis'}: ${client}) {`,
    `  return ${treeText(buildTree(scripts), '  ')};`,
    '}',
  ].join('\n');
  return { text, blankLineBefore: true };
}

/** `export const scripts = { 'ns.name': spec, ... } as const;` */
export function scriptTableText(sorted: readonly ScriptModel[]): LaidOutStatement {
  const entries = sorted.map((s) => `  ${quote(s.id)}: ${s.command},`);
  const text = ['/** Every script luagen generated, by its dotted name. */', 'export const scripts = {', ...entries, '} as const;'].join('\n');
  return { text, blankLineBefore: true };
}

/** The import specifier of a script's module (scriptModulePath without `.ts`). */
export function moduleSpecifier(script: ScriptModel, esm: boolean): string {
  return fileImport(`./${SCRIPTS_FOLDER}/${script.modulePath}`, esm);
}

function scriptExports(script: ScriptModel, esm: boolean): string[] {
  const names = exportedNames(script.exportName);
  const types = [names.input, names.reply, ...(script.errors.length > 0 ? [names.errorCode] : [])];
  const values = [names.spec, ...(script.errors.length > 0 ? [names.errorClass] : [])];
  const from = moduleSpecifier(script, esm);
  return [
    exportText({ from, names: values }),
    exportText({ typeOnly: true, from, names: types }),
  ];
}

const CALLBACK: ReadonlySet<string> = new Set(['callback']);

/** The positional parameters of the raw ioredis command, for the `declare module 'ioredis'` augmentation. */
function rawParameters(script: ScriptModel): string {
  const variadic = script.keys.some((k) => k.variadic);
  if (variadic) return 'numberOfKeys: number | string, ...keysAndArgs: (RedisKey | number)[]';
  const name = (header: string) => parameterName(header, CALLBACK);
  const keys = script.keys.map((k) => `${name(k.name)}: RedisKey`);
  // An @idempotent script takes its request record's key after its own keys (see docs/annotations.md).
  if (script.idempotent) keys.push('requestRecordKey: RedisKey');
  const args = script.args.map((a) => {
    const type = a.type.kind === 'buffer' ? 'Buffer' : a.type.kind === 'literal' ? argumentTypeText(a.type) : 'string | number';
    if (a.variadic) return `...${name(a.name)}: (${type})[]`;
    return `${name(a.name)}${a.optional ? '?' : ''}: ${type}`;
  });
  return [...keys, ...args].join(', ');
}

/** A trailing callback cannot follow a variadic or optional parameter. */
function takesCallback(script: ScriptModel): boolean {
  return !script.args.some((a) => a.variadic || a.optional) && !script.keys.some((k) => k.variadic);
}

function ioredisImports(scripts: readonly ScriptModel[], functions: boolean): string[] {
  const used = ['Cluster', 'Redis'];
  if (functions) return used;
  if (scripts.some(takesCallback)) used.push('Callback');
  if (scripts.some((s) => s.keys.length > 0)) used.push('RedisKey');
  if (scripts.length > 0) used.push('Result');
  return used.sort();
}

/** `declare module 'ioredis'`: each script's raw command on `RedisCommander`, with its doc line. */
function augmentation(scripts: readonly ScriptModel[]): LaidOutStatement {
  const members = scripts.flatMap((script) => {
    const params = rawParameters(script);
    const callback = takesCallback(script) ? `${params ? ', ' : ''}callback?: Callback<unknown>` : '';
    const doc = `/** \`${docText(script.sourcePath)}\` with positional arguments (EVALSHA), as \`scripts.${script.id}\` without validation or decoding. */`;
    // A line break in a path stays inside the comment, on a line indented like the rest (as the writer did).
    return [`    ${doc.replace(/\n(?!\n|$)/g, '\n    ')}`, `    ${script.command}(${params}${callback}): Result<unknown, Context>;`];
  });
  const text = ["declare module 'ioredis' {", '  interface RedisCommander<Context> {', ...members, '  }', '}'].join('\n');
  return { text, blankLineBefore: true };
}

/** How the client preloads: every script into the script cache, or the Functions library. */
function preloadStatement(functions: boolean): WriterFunction {
  return (writer) => {
    writer.blankLineIfLastNot();
    if (functions) {
      writer.writeLine('/** Loads the Functions library (FUNCTION LOAD) where it is missing: the server, or every master of a cluster. */');
    } else {
      writer.writeLine('/** Loads every script into the script cache (SCRIPT LOAD), on every node of a cluster (replicas too). */');
    }
    writer.write('export function preload(redis: Redis | Cluster): Promise<void>').block(() => {
      writer.writeLine(functions ? 'return preloadLibrary(redis, library);' : 'return preloadScripts(redis, Object.values(scripts));');
    });
  };
}

/**
 * `generated/index.ts`: re-exports, the spec table, `bindScripts`, `preload` and, for the EVAL target, the ioredis
 * augmentation of the commands `defineCommand` adds (the Functions target defines none).
 */
export function emitIndexModule(scripts: readonly ScriptModel[], banner: string, esm: boolean, functions = false): ModuleSource {
  const runtime = folderImport('./runtime', esm);
  const sorted = [...scripts].sort((a, b) => (a.id < b.id ? -1 : 1));
  const preloader = functions ? 'preloadLibrary' : 'preloadScripts';
  const library = fileImport('./library', esm);
  const statements: Statement[] = [
    importText({ typeOnly: true, from: 'ioredis', names: ioredisImports(sorted, functions) }),
    importText({ from: runtime, names: sorted.length > 0 ? ['bindScript', preloader] : [preloader] }),
    ...(functions ? [importText({ from: library, names: ['library'] })] : []),
    // Each spec is imported under its command name, which no file name can produce (see naming.ts): the names
    // this module uses itself (Redis, Object, redis, bindScript ...) can never be shadowed by a script's.
    ...sorted.map((s) => importText({ from: moduleSpecifier(s, esm), names: [{ name: s.exportName, alias: s.command }] })),
    exportText({ from: runtime }),
    ...(functions ? [exportText({ from: library, names: ['library'] })] : []),
    ...sorted.flatMap((s) => scriptExports(s, esm)),
    scriptTableText(sorted),
    // With no scripts the parameter is unused: the underscore keeps noUnusedParameters quiet.
    bindScriptsText(sorted, 'Binds every script to an ioredis client (standalone or Cluster), grouped by namespace.', 'Redis | Cluster'),
    (writer) => {
      writer.blankLineIfLastNot().writeLine('/** The object `bindScripts` returns. */');
      writer.writeLine('export type Scripts = ReturnType<typeof bindScripts>;');
    },
    preloadStatement(functions),
    ...(functions
      ? []
      : [augmentation(sorted)]),
  ];
  return { path: 'index.ts', banner, statements };
}
