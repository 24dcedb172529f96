import type { LibraryFunction } from '../model/function-library';
import type { ScriptModel } from '../model/script';
import { fileImport, folderImport } from './imports';
import type { LaidOutStatement, ModuleSource } from './module';
import { classText, importText, interfaceText, typeAliasText, type PropertySignature } from './declarations';
import { argumentCodecText, argumentTypeText, replyDecoderText, replyTypeText } from './type-text';
import { exportedNames, type ExportedNames } from '../model/generated-names';
import { docText, propertyKey, quote, templateLiteral } from './text';
import { encoderText } from './encode-text';
import { decoderText } from './decode-text';

/** The folder of the script modules, in the output folder. */
export const SCRIPTS_FOLDER = 'scripts';

export function scriptModulePath(script: ScriptModel): string {
  return `${SCRIPTS_FOLDER}/${script.modulePath}.ts`;
}

/**
 * `generated/scripts/<namespace>/<name>.ts`: the script's types, its error class and its spec. `fn` is set for the
 * Functions target: the spec then names its function in `generated/library.ts`.
 */
export function emitScriptModule(script: ScriptModel, banner: (source: string) => string, esm: boolean, fn?: LibraryFunction): ModuleSource {
  const names = exportedNames(script.exportName);
  const up = '../'.repeat(script.namespace.length + 1);
  const runtime = folderImport(`${up}runtime`, esm);
  const runtimeImports = ['arg', 'defineScript', 'reply', 'run', 'type RedisKey'];
  if (script.errors.length > 0) runtimeImports.push('ScriptCodeError');
  const imports = [
    importText({
      from: runtime,
      names: runtimeImports.filter((name) => usesImport(script, name)).sort((a, b) => (a.replace('type ', '').toLowerCase() < b.replace('type ', '').toLowerCase() ? -1 : 1)),
    }),
    ...(fn ? [importText({ from: fileImport(`${up}library`, esm), names: ['library'] })] : []),
  ];
  // Laid out here as whole lines, never scanned by a writer (1000 scripts make 1000 of these modules).
  const statements: LaidOutStatement[] = [
    ...imports.map((text) => ({ text, blankLineBefore: false })),
    { text: inputInterface(script, names.input), blankLineBefore: true },
    replyType(script, names.reply),
    ...errorDeclarations(script, names),
    { text: specText(script, names, fn), blankLineBefore: true },
  ];
  return { path: scriptModulePath(script), banner: banner(script.sourcePath), statements };
}

function usesImport(script: ScriptModel, name: string): boolean {
  if (name === 'arg') return script.args.length > 0;
  if (name === 'type RedisKey') return script.keys.length > 0;
  return true;
}

function inputInterface(script: ScriptModel, name: string): string {
  const keys = script.keys.map((key): PropertySignature => ({
    name: propertyKey(key.name),
    readonly: true,
    type: key.variadic ? 'readonly RedisKey[]' : 'RedisKey',
    docs: [docText(`Key${key.variadic ? 's' : ''}${key.description ? `: ${key.description}` : ''}`)],
  }));
  const args = script.args.map((a): PropertySignature => ({
    name: propertyKey(a.name),
    readonly: true,
    optional: a.optional,
    type: a.variadic ? `readonly (${argumentTypeText(a.type)})[]` : argumentTypeText(a.type),
    docs: a.description ? [docText(a.description)] : [],
  }));
  const requestId: PropertySignature[] = script.idempotent
    ? [
        {
          name: 'requestId',
          readonly: true,
          type: 'string',
          docs: [
            `The caller's id for this request (1 to 256 characters). The first call with an id runs the script and its reply is kept ${ttlText(script.idempotent.ttlSeconds)}; a call with the same id and input returns that reply without running the script again.`,
          ],
        },
      ]
    : [];
  const properties = [...keys, ...args, ...requestId];
  // An empty interface would accept any object (`{ value: 1 }`); this one accepts only `{}`.
  const nothing = { keyName: 'field', keyType: 'string', returnType: 'never', readonly: true, docs: ['This script takes no keys or arguments.'] };
  return interfaceText({
    name,
    exported: true,
    docs: [`Keys and arguments of \`${script.id}\`.`],
    properties,
    indexSignatures: properties.length === 0 ? [nothing] : [],
  });
}

function ttlText(seconds: number): string {
  for (const [unit, size] of [['day', 86_400], ['hour', 3_600], ['minute', 60]] as const) {
    if (seconds % size === 0) return `${seconds / size} ${unit}${seconds === size ? '' : 's'}`;
  }
  return `${seconds} second${seconds === 1 ? '' : 's'}`;
}

function replyType(script: ScriptModel, name: string): LaidOutStatement {
  const about = script.returnDescription ? ` ${docText(script.returnDescription)}` : '';
  const docs = [`The decoded reply of \`${script.id}\`.${about}`];
  if (script.returns.kind === 'tuple') {
    const properties = script.returns.fields.map((f) => ({ name: propertyKey(f.name), readonly: true, type: replyTypeText(f.type) }));
    return { text: interfaceText({ name, exported: true, docs, properties }), blankLineBefore: true };
  }
  return { text: typeAliasText({ name, exported: true, docs, type: replyTypeText(script.returns) }), blankLineBefore: false };
}

function errorDeclarations(script: ScriptModel, names: ExportedNames): LaidOutStatement[] {
  if (script.errors.length === 0) return [];
  const codes = typeAliasText({
    name: names.errorCode,
    exported: true,
    docs: [`Error codes \`${script.id}\` may raise.`],
    type: script.errors.map((e) => quote(e.code)).join(' | '),
  });
  const errorClass = classText({
    name: names.errorClass,
    exported: true,
    docs: [`Raised by \`${script.id}\` for a declared \`@error\` code; \`code\` tells which.`],
    extends: `ScriptCodeError<${names.errorCode}>`,
    properties: [{ name: 'name', override: true, initializer: quote(names.errorClass) }],
  });
  return [
    { text: codes, blankLineBefore: false },
    { text: errorClass, blankLineBefore: true },
  ];
}

function specDocs(script: ScriptModel): string {
  const lines = script.description ? [docText(script.description), ''] : [];
  lines.push(`Runs \`${docText(script.sourcePath)}\`${script.readonly ? ' (read-only)' : ''}.`);
  if (script.idempotent) lines.push('Exactly once per `requestId` (`@idempotent`): a replay returns the first reply.');
  for (const error of script.errors) {
    lines.push(`@throws {@link ${exportedNames(script.exportName).errorClass}} \`${error.code}\`${error.description ? `: ${docText(error.description)}` : ''}`);
  }
  return lines.join('\n');
}

/** A field's text inside the spec's braces: every line indented one level, blank lines left empty (as the writer would). */
function fieldLine(field: string): string {
  return `  ${field.includes('\n') ? field.replace(/\n(?!\n|$)/g, '\n  ') : field},`;
}

/**
 * The spec declaration, laid out as the writer laid it out: its doc comment, `defineScript({ ... })` with one
 * field per line, and the export. The Lua text is a template literal: its lines are not indented.
 */
function specText(script: ScriptModel, names: ExportedNames, fn: LibraryFunction | undefined): string {
  const keyNames = script.keys.map((k) => quote(k.name)).join(', ');
  const args = script.args.map((a) => {
    // A call, not an object literal: one type for every slot of every script (run.argument, generated-code.ts).
    const flags = `${a.optional ? ", 'optional'" : ''}${a.variadic ? ", 'variadic'" : ''}`;
    return `run.argument(${quote(a.name)}, ${argumentCodecText(a.type)}${flags})`;
  });
  const fields = [
    `id: ${quote(script.id)}`,
    `command: ${quote(script.command)}`,
    `sourcePath: ${quote(script.sourcePath)}`,
    `lineOffset: ${script.lineOffset}`,
    ...(script.prefixes.keys.length + script.prefixes.args.length > 0
      ? [`prefixes: { keys: [${script.prefixes.keys.join(', ')}], args: [${script.prefixes.args.join(', ')}] }`]
      : []),
    ...(script.sources.length > 0 ? [`sources: [${script.sources.map(([at, file, line]) => `[${at}, ${quote(file)}, ${line}]`).join(', ')}]`] : []),
    `sha1: ${quote(script.sha1)}`,
    `readonly: ${script.readonly}`,
    ...(script.idempotent ? [`idempotent: { ttlSeconds: ${script.idempotent.ttlSeconds} }`] : []),
    ...(script.readonly && !script.readOnlyCommands ? ['readOnlyCommands: false'] : []),
    `keys: [${keyNames}]`,
    `variadicKeys: ${script.keys.some((k) => k.variadic)}`,
    `args: [${args.join(', ')}]`,
    `reply: ${replyDecoderText(script.returns)}`,
    // Straight-line code for this script's types (encode-text.ts, decode-text.ts): nothing interpreted per call.
    `encoder: ${encoderText(script)}`,
    `decode: ${decoderText(script.returns, names.reply)}`,
    `errorCodes: [${script.errors.map((e) => quote(e.code)).join(', ')}]`,
    ...(script.errors.length > 0 ? [`errorClass: ${names.errorClass}`] : []),
    ...(fn ? [`function: { name: ${quote(fn.name)}, library, lineOffset: ${fn.lineOffset} }`] : []),
  ];
  const docs = specDocs(script).split('\n').map((line) => (line === '' ? ' *' : ` * ${line}`));
  // Declared under its command name (never a file's name, see naming.ts) and exported under the script's:
  // a script may be called `class`, `default` or `Object` without breaking or shadowing anything here.
  return [
    '/**',
    ...docs,
    ' */',
    `const ${script.command} = defineScript<${names.input}, ${names.reply}>({`,
    ...fields.map(fieldLine),
    `  lua: ${templateLiteral(script.lua)},`,
    '});',
    `export { ${script.command} as ${names.spec} };`,
  ].join('\n');
}
