import type { Client } from '../config';
import { lineCommentText } from './text';
import type { GeneratedFile } from './module';

/** A template file shipped with luagen, by its path under `templates/` (POSIX). */
export interface TemplateFile {
  readonly path: string;
  readonly content: string;
}

/** The shared runtime (and the ioredis one): `templates/runtime/`. */
const SHARED_FOLDER = 'runtime';

/**
 * Where each client's runtime comes from: its own folder (for node-redis, `templates/runtime-node-redis/`, whose
 * files import the shared ones as `../runtime/<file>`), then the shared folder. Both land in one folder,
 * `generated/runtime/`.
 */
export const CLIENT_FOLDERS: Readonly<Record<Client, string>> = { ioredis: SHARED_FOLDER, 'node-redis': 'runtime-node-redis' };

/** `from './x'` and, in a client's own folder, `from '../runtime/x'`. */
const RELATIVE_IMPORT = /from '(\.\.\/runtime|\.)\/([A-Za-z0-9_-]+)'/g;

/** A template of one of the runtime folders by `folder/name` (no nesting), e.g. `runtime/bind`. */
function runtimeTemplates(templates: readonly TemplateFile[]): Map<string, TemplateFile> {
  const byModule = new Map<string, TemplateFile>();
  for (const t of templates) {
    const match = /^(runtime[A-Za-z0-9-]*)\/([A-Za-z0-9_-]+)\.ts$/.exec(t.path);
    if (match) byModule.set(`${match[1]}/${match[2]}`, t);
  }
  return byModule;
}

/**
 * The modules the client's `index.ts` reaches through relative imports, by file name. The generated runtime is
 * one flat folder, so two reached modules of one name (a shared file importing `./bind` while node-redis brings
 * its own bind.ts) would shadow each other: refused.
 */
function reachedModules(byModule: ReadonlyMap<string, TemplateFile>, client: Client): Map<string, TemplateFile> {
  const own = CLIENT_FOLDERS[client];
  const reached = new Map<string, string>();
  const pending = [`${own}/index`];
  while (pending.length > 0) {
    const key = pending.pop() as string;
    const [folder, name] = key.split('/') as [string, string];
    const seen = reached.get(name);
    if (seen === key) continue;
    if (seen !== undefined) throw new Error(`the ${client} runtime reaches both ${seen}.ts and ${key}.ts; one generated/runtime/${name}.ts cannot be both`);
    const template = byModule.get(key);
    if (!template) throw new Error(`templates/${key}.ts is imported but missing`);
    reached.set(name, key);
    for (const [, target, imported] of template.content.matchAll(RELATIVE_IMPORT)) {
      pending.push(`${target === '.' ? folder : SHARED_FOLDER}/${imported}`);
    }
  }
  return new Map([...reached].map(([name, key]) => [name, byModule.get(key) as TemplateFile]));
}

/** Under `templates/`: each client's runtime compiled to JavaScript and declarations (tools/compile-templates.ts). */
export const COMPILED_FOLDER = 'compiled';

/**
 * The TypeScript sources of a client's runtime as one flat folder, by module name: the modules its index reaches,
 * with `../runtime/x` imports rewritten to `./x`. tools/compile-templates.ts compiles exactly these.
 */
export function runtimeSources(templates: readonly TemplateFile[], client: Client): Map<string, TemplateFile> {
  const modules = reachedModules(runtimeTemplates(templates), client);
  return new Map(
    [...modules]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, t]) => [name, { path: t.path, content: t.content.replace(/\r\n/g, '\n').replace(/from '\.\.\/runtime\//g, "from './") }]),
  );
}

/**
 * `generated/runtime/`: the runtime of the chosen client (the modules its index reaches, nothing else) as
 * JavaScript plus declaration files, copied behind the banner from the variant of
 * `templates/compiled/<client's folder>/` that fits the project: `esm` (ES modules, relative imports naming `.js`
 * files) or `cjs` (CommonJS, bare relative imports). An application's type check reads only the declarations, and
 * the build never loads TypeScript.
 */
export function emitRuntimeFiles(templates: readonly TemplateFile[], banner: (source: string) => string, esm: boolean, client: Client = 'ioredis'): GeneratedFile[] {
  const sources = reachedModules(runtimeTemplates(templates), client);
  const prefix = `${COMPILED_FOLDER}/${CLIENT_FOLDERS[client]}/${esm ? 'esm' : 'cjs'}/`;
  const files = templates
    .filter((t) => t.path.startsWith(prefix) && /^[^/]+\.(d\.ts|js)$/.test(t.path.slice(prefix.length)))
    .map((t) => {
      const name = t.path.slice(prefix.length);
      const source = sources.get(name.replace(/\.(d\.ts|js)$/, ''));
      if (!source) throw new Error(`luagen: templates/${t.path} has no source in the ${client} runtime (run npm run templates)`);
      return { path: `runtime/${name}`, content: `${banner(`luagen templates/${source.path}`)}\n${t.content.replace(/\r\n/g, '\n')}` };
    });
  if (files.length === 0) throw new Error(`luagen: templates/${prefix} is missing (is the package complete?)`);
  return files;
}

/** Fills the banner template (`{{source}}`). */
export function bannerFor(template: string): (source: string) => string {
  const trimmed = template.replace(/\r\n/g, '\n').replace(/\n+$/, '');
  return (source) => trimmed.replace('{{source}}', () => lineCommentText(source));
}

/** The first line of every file luagen writes; files without it are never touched. */
export const BANNER_FIRST_LINE = '// Code generated by luagen. DO NOT EDIT.';
