import { quote } from '../emit/text';
import type { LuaType } from '../model/lua-type';
import type { ArgParam, KeyParam, ScriptModel } from '../model/script';

/**
 * The TypeScript call a catalog entry shows, with example values that type-check against the generated client:
 * `await scripts.atomic.transfer({ from: '{demo}:from', to: '{demo}:to', amount: 1 })`. Keys of a script with
 * more than one key share a hash tag, as they must on Redis Cluster.
 */
export function exampleCall(script: ScriptModel, clientName = 'scripts'): string {
  const fields = [...script.keys.map((k) => keyField(k, script.keys.length > 1 || k.variadic)), ...script.args.map(argField)];
  if (script.idempotent) fields.push("requestId: 'request-1'");
  const input = fields.length === 0 ? '' : `{ ${fields.join(', ')} }`;
  return `await ${clientName}.${script.id}(${input})`;
}

function keyField(key: KeyParam, tagged: boolean): string {
  const example = (suffix: string) => quote(tagged ? `{demo}:${key.name}${suffix}` : key.name);
  const value = key.variadic ? `[${example(':1')}, ${example(':2')}]` : example('');
  return `${key.name}: ${value}`;
}

function argField(arg: ArgParam): string {
  const value = exampleValue(arg.type, arg.name);
  return `${arg.name}: ${arg.variadic ? `[${value}]` : value}`;
}

/** A value of the type; a string says which argument it stands for (`owner: 'owner'`). */
function exampleValue(type: LuaType, name: string): string {
  switch (type.kind) {
    case 'integer':
      return '1';
    case 'number':
      return '1.5';
    case 'boolean':
      return 'true';
    case 'json':
      return "{ any: 'json' }";
    case 'buffer':
      return "Buffer.from('bytes')";
    case 'literal':
      return quote(type.values[0]);
    default:
      return quote(name);
  }
}
