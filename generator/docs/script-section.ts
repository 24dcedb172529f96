import { argumentTypeText, replyTypeText } from '../emit/type-text';
import { exportedNames } from '../model/generated-names';
import { typeToString } from '../model/lua-type';
import type { ScriptModel } from '../model/script';
import { cell, cellCode, code, paragraph, table } from './markdown';
import { exampleCall } from './script-call';

/** The heading of a script's section: its dotted name, as the client calls it. */
export function scriptHeading(script: ScriptModel): string {
  return script.id;
}

/** One script's catalog section. `sourceLink` is the path from the page to the `.lua` file. */
export function scriptSection(script: ScriptModel, sourceLink: string): string {
  const names = exportedNames(script.exportName);
  const parts = [
    `## ${scriptHeading(script)}`,
    paragraph(script.description) || '_No description in the header._',
    ['```ts', `const result: ${names.reply} = ${exampleCall(script)};`, '```'].join('\n'),
    [
      `- **Source:** [${script.sourcePath}](${sourceLink})`,
      `- **Read-only:** ${readOnlyText(script)}`,
      ...(script.idempotent
        ? [`- **Exactly once** (\`@idempotent\`): per \`requestId\`, whose first reply is kept ${script.idempotent.ttlSeconds} s and returned to replays.`]
        : []),
      `- **ioredis command:** ${code(script.command)}, SHA1 ${code(script.sha1)}`,
    ].join('\n'),
    keysPart(script),
    argsPart(script),
    replyPart(script, names.reply),
    errorsPart(script, names.errorClass),
  ];
  return parts.filter((p) => p !== '').join('\n\n');
}

function readOnlyText(script: ScriptModel): string {
  return script.readonly
    ? 'yes (`flags=no-writes`): it may run on replicas (the client sends `EVALSHA_RO` on Redis 7 and later).'
    : 'no: it may write, so it runs on the primary.';
}

function keysPart(script: ScriptModel): string {
  if (script.keys.length === 0) return '**Keys:** none.';
  const rows = script.keys.map((key, index) => [
    key.variadic ? `KEYS[${index + 1}..]` : `KEYS[${index + 1}]`,
    cellCode(key.name),
    key.variadic ? '`RedisKey[]`' : '`RedisKey`',
    cell(prefixNote(script.prefixes.keys.includes(index), key.description)),
  ]);
  const parts = ['**Keys**', table(['slot', 'name', 'TypeScript', 'description'], rows)];
  const many = script.keys.length > 1 || script.keys.some((k) => k.variadic);
  if (many) {
    parts.push(
      'On Redis Cluster every key of one call must hash to the same slot: give them one hash tag ' +
        '(`{user42}:a`, `{user42}:b`); a cluster client refuses a cross-slot call before sending it.',
    );
  }
  return parts.join('\n\n');
}

function argsPart(script: ScriptModel): string {
  if (script.args.length === 0) return '**Arguments:** none.';
  const rows = script.args.map((arg, index) => {
    const slot = arg.variadic ? `ARGV[${index + 1}..]` : `ARGV[${index + 1}]`;
    const name = `${arg.variadic ? '...' : ''}${arg.name}${arg.optional ? '?' : ''}`;
    const ts = argumentTypeText(arg.type);
    const description = prefixNote(script.prefixes.args.includes(index), arg.description);
    return [slot, cellCode(name), cellCode(typeToString(arg.type)), cellCode(arg.variadic ? arrayOf(ts) : ts), cell(description)];
  });
  return ['**Arguments**', table(['slot', 'name', 'type', 'TypeScript', 'description'], rows)].join('\n\n');
}

/** A `@prefix` slot says so in its description: keys built from it must share the call's hash tag. */
function prefixNote(isPrefix: boolean, description: string): string {
  if (!isPrefix) return description;
  const note = 'Key prefix (`@prefix`): the script builds keys from it; on a cluster it must carry the hash tag of the other keys.';
  return description === '' ? note : `${description}. ${note}`;
}

function arrayOf(type: string): string {
  return type.includes('|') ? `(${type})[]` : `${type}[]`;
}

function replyPart(script: ScriptModel, replyName: string): string {
  const described = script.returnDescription ? `: ${paragraph(script.returnDescription)}` : '';
  const type = ['```ts', `type ${replyName} = ${replyTypeText(script.returns)};`, '```'].join('\n');
  return [`**Reply:** ${code(typeToString(script.returns))}${described}`, type].join('\n\n');
}

function errorsPart(script: ScriptModel, errorClass: string): string {
  if (script.errors.length === 0) return '**Errors:** no declared codes.';
  const rows = script.errors.map((e) => [cellCode(e.code), cell(e.description)]);
  const intro = `**Errors:** thrown as ${code(errorClass)}; ${code('error.code')} tells which.`;
  return [intro, table(['code', 'description'], rows)].join('\n\n');
}
