/**
 * The generated client, built in memory and loaded without touching the disk: `luagen test` calls every
 * script through the very encoders, decoders and error mapping the user's application runs.
 */
import Module from 'node:module';
import * as path from 'node:path';
import { ts } from 'ts-morph';
import type { GeneratedFile } from '../emit/module';

/** What `luagen test` needs of the generated runtime (typed loosely: it is loaded at run time). */
export interface LoadedClient {
  /** Every script's spec, by its dotted name (the generated `scripts` object). */
  readonly scripts: Readonly<Record<string, LoadedSpec>>;
  readonly bindScript: (client: unknown, spec: LoadedSpec) => (input: Record<string, unknown>) => Promise<unknown>;
  /** The runtime's error classes, to tell a declared error from the others. */
  readonly ScriptCodeError: new (...args: never[]) => Error & { code: string };
  readonly ScriptError: new (...args: never[]) => Error & { location?: string; redisMessage: string };
  readonly ScriptReplyError: new (...args: never[]) => Error;
  readonly ScriptArgumentError: new (...args: never[]) => Error;
}

export interface LoadedSpec {
  readonly id: string;
  readonly sourcePath: string;
  readonly readonly: boolean;
  readonly errorCodes: readonly string[];
}

/**
 * Transpiles the generated modules (TypeScript, and the runtime's JavaScript, which is ES modules under `esm`) to
 * CommonJS and evaluates them from memory; declaration files are skipped; bare imports resolve from luagen.
 */
export function loadClient(files: readonly GeneratedFile[]): LoadedClient {
  const root = path.join(path.sep, '__luagen_test_client__');
  const modules = files.filter((f) => f.path.endsWith('.js') || (f.path.endsWith('.ts') && !f.path.endsWith('.d.ts')));
  const sources = new Map(modules.map((f) => [path.join(root, f.path.replace(/\.ts$/, '.js')), f]));
  const loaded = new Map<string, Module>();
  const load = (file: string): unknown => {
    const cached = loaded.get(file);
    if (cached) return cached.exports;
    const source = sources.get(file);
    if (source === undefined) throw new Error(`luagen test: the generated client has no module ${file}`);
    const js = ts.transpileModule(source.content, {
      fileName: source.path,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    }).outputText;
    const module = new Module(file);
    module.filename = file;
    loaded.set(file, module);
    const requireFrom = (specifier: string): unknown => {
      if (!specifier.startsWith('.')) return require(specifier);
      const base = path.resolve(path.dirname(file), specifier);
      const candidate = [`${base}.js`, path.join(base, 'index.js'), base.replace(/\.js$/, '') + '.js'].find((c) => sources.has(c));
      if (!candidate) throw new Error(`luagen test: the generated client has no module ${specifier} (from ${file})`);
      return load(candidate);
    };
    new Function('exports', 'require', 'module', '__filename', '__dirname', js)(module.exports, requireFrom, module, file, path.dirname(file));
    return module.exports;
  };
  return load(path.join(root, 'index.js')) as LoadedClient;
}
