import type { LuaType } from '../model/lua-type';
import { propertyKey, quote } from './text';

/** The TypeScript type a decoded reply has. */
export function replyTypeText(type: LuaType): string {
  switch (type.kind) {
    case 'integer':
    case 'number':
      return 'number';
    case 'string':
    case 'ok':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'nil':
      return 'null';
    case 'json':
    case 'raw':
      return 'unknown';
    case 'buffer':
      return 'Buffer';
    case 'literal':
      return type.values.map(quote).join(' | ');
    case 'optional':
      return `${replyTypeText(type.inner)} | null`;
    case 'array':
      return `${parenthesize(type.element, replyTypeText(type.element))}[]`;
    case 'tuple':
      return `{ ${type.fields.map((f) => `readonly ${propertyKey(f.name)}: ${replyTypeText(f.type)}`).join('; ')} }`;
    case 'record':
      return `Record<string, ${replyTypeText(type.value)}>`;
  }
}

function parenthesize(type: LuaType, text: string): string {
  const union = type.kind === 'optional' || (type.kind === 'literal' && type.values.length > 1);
  return union ? `(${text})` : text;
}

/** The TypeScript type a caller passes for one ARGV slot. */
export function argumentTypeText(type: LuaType): string {
  switch (type.kind) {
    case 'integer':
    case 'number':
      return 'number';
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'json':
      return 'unknown';
    case 'buffer':
      return 'Buffer | Uint8Array';
    case 'literal':
      return type.values.map(quote).join(' | ');
    default:
      throw new Error(`not an argument type: ${type.kind}`);
  }
}

/** The runtime expression decoding a reply of this type (`reply.*` from the generated runtime). */
export function replyDecoderText(type: LuaType): string {
  switch (type.kind) {
    case 'literal':
      return `reply.literal(${type.values.map(quote).join(', ')})`;
    case 'optional':
      return `reply.optional(${replyDecoderText(type.inner)})`;
    case 'array':
      return `reply.array(${replyDecoderText(type.element)})`;
    case 'tuple':
      return `reply.tuple([${type.fields.map((f) => `[${quote(f.name)}, ${replyDecoderText(f.type)}]`).join(', ')}])`;
    case 'record':
      return `reply.record(${replyDecoderText(type.value)})`;
    default:
      return `reply.${type.kind}`;
  }
}

/** The runtime expression validating and encoding one ARGV slot (`arg.*` from the generated runtime). */
export function argumentCodecText(type: LuaType): string {
  return type.kind === 'literal' ? `arg.literal(${type.values.map(quote).join(', ')})` : `arg.${type.kind}`;
}
