import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { CLIENTS, type Client } from '../generator/config';
import { CLIENT_FOLDERS, COMPILED_FOLDER, runtimeSources } from '../generator/emit/runtime-files';

/**
 * Compiles the runtime templates (`templates/runtime/` and `templates/runtime-<client>/`, the readable source of truth) into the JavaScript
 * and declaration files `luagen build` copies into `generated/runtime/`: for each client, the modules its runtime
 * reaches (generator/emit/runtime-files.ts), as one flat folder, into `templates/compiled/<client's folder>/<variant>/`, so
 * that an application's type check reads small declaration files instead of checking the runtime's code, and
 * `luagen build` never loads TypeScript. Development only: run `npx tsx tools/compile-templates.ts` after
 * changing a template; test/generator/compiled-templates.test.ts fails while the compiled files are stale.
 */

export const REPO_ROOT = path.resolve(__dirname, '..');
export const TEMPLATES_DIR = path.join(REPO_ROOT, 'templates');
export { COMPILED_FOLDER };

/** One compiled flavour of a runtime folder. */
interface Variant {
  readonly name: 'cjs' | 'esm';
  /** Relative imports as the variant's projects spell them (ESM under NodeNext: `./errors.js`). */
  readonly esm: boolean;
  readonly options: ts.CompilerOptions;
}

const COMMON: ts.CompilerOptions = {
  // Node 20 (luagen's engines floor) runs ES2022 natively: nothing is down-levelled.
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts'],
  strict: true,
  noImplicitOverride: true,
  exactOptionalPropertyTypes: true,
  esModuleInterop: true,
  skipLibCheck: true,
  types: ['node'],
  declaration: true,
  removeComments: false,
  newLine: ts.NewLineKind.LineFeed,
  noEmitOnError: true,
};

export const VARIANTS: readonly Variant[] = [
  { name: 'cjs', esm: false, options: { ...COMMON, module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10 } },
  { name: 'esm', esm: true, options: { ...COMMON, module: ts.ModuleKind.ES2022, moduleResolution: ts.ModuleResolutionKind.Bundler } },
];

/** The relative imports of a template (`from './errors'`) as an ESM project spells them (`from './errors.js'`). */
function withEsmImports(source: string, esm: boolean): string {
  return esm ? source.replace(/(from '\.\/[A-Za-z0-9_-]+)'/g, "$1.js'") : source;
}

/** Every compiled file of every client's runtime, by its path under `templates/` (POSIX), sorted. */
export function compileTemplates(dir = TEMPLATES_DIR): Map<string, string> {
  const templates = listFiles(dir)
    .filter((file) => !file.startsWith(`${COMPILED_FOLDER}/`) && file.endsWith('.ts'))
    .map((file) => ({ path: file, content: readFileSync(path.join(dir, file), 'utf8') }));
  const out = new Map<string, string>();
  for (const client of CLIENTS) {
    const sources = runtimeSources(templates, client);
    const folder = CLIENT_FOLDERS[client];
    for (const variant of VARIANTS) {
      for (const [file, text] of compileFolder(dir, client, folder, sources, variant)) out.set(`${COMPILED_FOLDER}/${folder}/${variant.name}/${file}`, text);
    }
  }
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** One client's flat runtime in one variant: file name → text; throws with every diagnostic when it does not compile. */
function compileFolder(dir: string, client: Client, folder: string, sources: ReadonlyMap<string, { content: string }>, variant: Variant): Map<string, string> {
  // The flat folder exists only in memory, beside the templates so that ioredis, zod and the rest resolve from node_modules.
  const flat = path.join(dir, COMPILED_FOLDER, folder, '.src');
  const virtual = new Map([...sources].map(([name, t]) => [path.join(flat, `${name}.ts`), withEsmImports(t.content, variant.esm)]));
  const host = ts.createCompilerHost(variant.options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (fileName) => virtual.has(path.resolve(fileName)) || fileExists.call(host, fileName);
  const { directoryExists } = host;
  host.directoryExists = (name) => flat.startsWith(path.resolve(name)) || (directoryExists?.call(host, name) ?? true);
  host.readFile = (fileName) => virtual.get(path.resolve(fileName)) ?? readFile.call(host, fileName);
  host.getSourceFile = (fileName, language, onError, create) => {
    const text = virtual.get(path.resolve(fileName));
    return text !== undefined ? ts.createSourceFile(fileName, text, language, true) : getSourceFile.call(host, fileName, language, onError, create);
  };
  const emitted = new Map<string, string>();
  host.writeFile = (fileName, text) => emitted.set(path.basename(fileName), portable(text.endsWith('\n') ? text : `${text}\n`));
  const program = ts.createProgram([...virtual.keys()], { ...variant.options, outDir: path.join(flat, '.out') }, host);
  const result = program.emit();
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...result.diagnostics];
  if (diagnostics.length > 0 || result.emitSkipped) {
    const text = ts.formatDiagnostics(diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => REPO_ROOT, getNewLine: () => '\n' });
    throw new Error(`templates: the ${client} runtime does not compile (${variant.name}):\n${text}`);
  }
  return new Map([...emitted].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * `Buffer<ArrayBufferLike>` is how @types/node 20.17+ prints a plain `Buffer`; before that Buffer takes no type
 * argument, and the declaration would not compile in an application with older typings (skipLibCheck off).
 */
function portable(text: string): string {
  return text.replace(/\bBuffer<ArrayBufferLike>/g, 'Buffer');
}

/** Rewrites `templates/compiled/` to match the sources; returns the paths written or removed. */
export function writeCompiledTemplates(dir = TEMPLATES_DIR): string[] {
  const compiled = compileTemplates(dir);
  const root = path.join(dir, COMPILED_FOLDER);
  const changed: string[] = [];
  for (const existing of existsSync(root) ? listFiles(root) : []) {
    const key = `${COMPILED_FOLDER}/${existing}`;
    if (!compiled.has(key)) {
      rmSync(path.join(dir, key));
      changed.push(`removed ${key}`);
    }
  }
  for (const [file, text] of compiled) {
    const full = path.join(dir, file);
    if (existsSync(full) && readFileSync(full, 'utf8') === text) continue;
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
    changed.push(`wrote ${file}`);
  }
  return changed;
}

/** Files below `dir`, POSIX paths relative to it. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

if (require.main === module) {
  const changed = writeCompiledTemplates();
  for (const line of changed) console.log(line);
  console.log(changed.length === 0 ? 'templates/compiled/ is up to date' : `${changed.length} file(s) changed`);
}
