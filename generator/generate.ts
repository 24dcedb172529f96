import { analyseScript } from './analyse';
import type { LuagenConfig } from './config';
import { compareDiagnostics, hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics/diagnostic';
import { emitIndexModule } from './emit/index-module';
import { emitNodeRedisIndexModule } from './emit/index-module-node-redis';
import { emitLibraryModule } from './emit/library-module';
import { serverProfile } from './profiles/server-profiles';
import { buildFunctionLibrary, type FunctionLibraryModel } from './model/function-library';
import { printModule, type GeneratedFile } from './emit/module';
import { BANNER_FIRST_LINE, bannerFor, emitRuntimeFiles, type TemplateFile } from './emit/runtime-files';
import { emitScriptModule } from './emit/script-module';
import { buildScriptModel } from './model/build-model';
import { checkNameCollisions } from './model/name-collisions';
import { namesFromPath, type ScriptNames } from './model/naming';
import type { ScriptModel } from './model/script';
import { expandIncludes, includeDirectives, includedFiles } from './parse/includes';
import { mapToSources, parseScript } from './parse/parsed-script';
import { refusedSourceDiagnostic, type RefusedSource, withLuaLineBreaks } from './parse/source-text';

/** One `.lua` file, read by the caller. */
export interface ScriptInput {
  /** POSIX path relative to the working directory, e.g. `lua/atomic/transfer.lua`. */
  readonly path: string;
  readonly text: string;
  /** Set when the file's bytes cannot be sent as they are (not UTF-8, or too large); `text` is then empty. */
  readonly refused?: RefusedSource;
}

export interface GenerateInputs {
  readonly scripts: readonly ScriptInput[];
  /** luagen's `templates/` folder: `banner.txt` and `runtime/*.ts`. */
  readonly templates: readonly TemplateFile[];
}

export interface GenerateResult {
  /** What `outDir` must hold, sorted by path; empty when there are errors. */
  readonly files: readonly GeneratedFile[];
  /** Every finding, sorted by file and position. */
  readonly diagnostics: readonly Diagnostic[];
  readonly scripts: readonly ScriptModel[];
  /** Inputs that other files include: modules inlined into scripts, not scripts themselves (sorted). */
  readonly includes: readonly string[];
  /** The Functions library's name (`--target functions`, no errors). */
  readonly library?: string;
}

/** The whole pipeline without I/O: parse → analyse → model → emit. */
export function generate(config: LuagenConfig, inputs: GenerateInputs): GenerateResult {
  if (config.target === 'functions' && !serverProfile(config.server).scriptFlags) {
    throw new Error(`luagen: --target functions needs Redis 7.0 or later, not ${config.server}`);
  }
  const diagnostics: Diagnostic[] = [];
  // Every Lua line break becomes LF first (see parse/source-text.ts): what is hashed and sent is then free of CR.
  const sorted = [...inputs.scripts].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const input of sorted) if (input.refused) diagnostics.push(refusedSourceDiagnostic(input.path, input.refused));
  const ordered = sorted.filter((input) => !input.refused).map((input) => ({ path: input.path, text: withLuaLineBreaks(input.text) }));
  const files = new Map(ordered.map((input) => [input.path, input.text]));
  // A file that another file includes is a module: it is inlined where it is included, and is not a script.
  const modules = includedFiles(files, config.srcDir);
  const { scriptFlags } = serverProfile(config.server);
  const named: { file: string; names: ScriptNames }[] = [];
  const scripts: ScriptModel[] = [];
  // One script at a time: its syntax tree is dropped once its model is built, so memory holds one tree at most.
  for (const input of ordered) {
    if (modules.has(input.path)) continue;
    const found = modelScript(input.path, files, config, scriptFlags);
    diagnostics.push(...found.diagnostics);
    if (found.names) named.push({ file: input.path, names: found.names });
    if (found.model) scripts.push(found.model);
  }
  diagnostics.push(...checkNameCollisions(named));
  // A finding inside an include is reported once, however many scripts inline it.
  const final = uniqueDiagnostics(sortDiagnostics(applyConfig(diagnostics, config)));
  const includes = [...modules].sort();
  if (hasErrors(final)) return { files: [], diagnostics: final, scripts: [], includes };

  const library = config.target === 'functions' ? buildFunctionLibrary(scripts, config.library) : undefined;
  const emitted = emitAll(scripts, inputs.templates, config, library);
  return { files: emitted, diagnostics: final, scripts, includes, ...(library ? { library: library.name } : {}) };
}

interface ScriptFindings {
  readonly diagnostics: readonly Diagnostic[];
  /** Undefined when the file's path gives no valid name (a diagnostic says why). */
  readonly names?: ScriptNames;
  /** Built only for a script without errors of its own (the build emits nothing when any script has one). */
  readonly model?: ScriptModel;
}

/** Parses, checks and models one script; its parse (the syntax tree) is not kept. */
function modelScript(file: string, files: ReadonlyMap<string, string>, config: LuagenConfig, scriptFlags: boolean): ScriptFindings {
  const text = files.get(file) ?? '';
  const expanded = includeDirectives(text).length > 0 ? expandIncludes(file, files, config.srcDir) : undefined;
  const { script, diagnostics: parseDiagnostics } = parseScript(file, text, expanded);
  const diagnostics = [...parseDiagnostics, ...mapToSources(script, analyseScript(script, config))];
  const names = namesFromPath(file, config.srcDir);
  if ('code' in names) return { diagnostics: [...diagnostics, names] };
  if (hasErrors(diagnostics)) return { diagnostics, names };
  return { diagnostics, names, model: buildScriptModel(script, names, scriptFlags) };
}

function uniqueDiagnostics(sorted: readonly Diagnostic[]): Diagnostic[] {
  return sorted.filter((d, i) => i === 0 || compareDiagnostics(sorted[i - 1], d) !== 0);
}

/** Warnings become errors under `warningsAsErrors`. */
function applyConfig(diagnostics: Diagnostic[], config: LuagenConfig): Diagnostic[] {
  if (!config.warningsAsErrors) return diagnostics;
  return diagnostics.map((d) => (d.severity === 'warning' ? { ...d, severity: 'error' } : d));
}

function emitAll(
  scripts: readonly ScriptModel[],
  templates: readonly TemplateFile[],
  config: LuagenConfig,
  library: FunctionLibraryModel | undefined,
): GeneratedFile[] {
  const bannerTemplate = templates.find((t) => t.path === 'banner.txt')?.content;
  if (!bannerTemplate?.startsWith(BANNER_FIRST_LINE)) {
    throw new Error(`luagen templates/banner.txt must start with '${BANNER_FIRST_LINE}'`);
  }
  const banner = bannerFor(bannerTemplate);
  const source = `${config.srcDir}/ (${scripts.length} script${scripts.length === 1 ? '' : 's'})`;
  const modules = [
    ...scripts.map((script) => printModule(emitScriptModule(script, banner, config.esm, library?.functions.get(script.id)))),
    printModule((config.client === 'node-redis' ? emitNodeRedisIndexModule : emitIndexModule)(scripts, banner(source), config.esm, library !== undefined)),
    ...(library ? [printModule(emitLibraryModule(library, banner(source), config.esm))] : []),
  ];
  const files = [...emitRuntimeFiles(templates, banner, config.esm, config.client), ...modules];
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
