/**
 * The declarations luagen emits (imports, exports, interfaces, type aliases, classes), byte-for-byte as
 * ts-morph's structure printer laid out the structures they replace (2-space indent, one member per line).
 * They are plain text, laid out here: no writer scans them.
 */

const INDENT = '  ';

/**
 * A `/** ... *\/` comment per entry, as lines at `indent`: one line, or ` * ` lines when the text has several
 * (each line indented: the writer indents inside comments too).
 */
export function docLines(docs: readonly string[] | undefined, indent = ''): string[] {
  const out: string[] = [];
  for (const text of docs ?? []) {
    const lines = text.split(/\r?\n/);
    if (lines.length <= 1) {
      const opened = `/** ${lines[0] ?? ''}`;
      out.push(`${indent}${opened}${opened.endsWith(' ') ? '' : ' '}*/`);
      continue;
    }
    out.push(`${indent}/**`);
    for (let i = lines[0] === '' ? 1 : 0; i < lines.length; i++) out.push(`${indent} *${lines[i] ? ` ${lines[i]}` : ''}`);
    out.push(`${indent} */`);
  }
  return out;
}

/** A named import or export: `name`, `name as alias` or `type Name`. */
export type Specifier = string | { readonly name: string; readonly alias: string };

function specifierList(specifiers: readonly Specifier[]): string {
  return `{ ${specifiers.map((s) => (typeof s === 'string' ? s : `${s.name} as ${s.alias}`)).join(', ')} }`;
}

interface ModuleReference {
  readonly from: string;
  readonly names?: readonly Specifier[];
  readonly typeOnly?: boolean;
}

/** `import { a, b } from 'x';` (`import type` when `typeOnly`); module paths hold no quote or backslash. */
export function importText({ from, names = [], typeOnly }: ModuleReference): string {
  return `${typeOnly ? 'import type' : 'import'}${names.length > 0 ? ` ${specifierList(names)} from` : ''} '${from}';`;
}

/** `export { a } from 'x';`, or `export * from 'x';` without names. */
export function exportText({ from, names = [], typeOnly }: ModuleReference): string {
  return `${typeOnly ? 'export type' : 'export'}${names.length > 0 ? ` ${specifierList(names)}` : ' *'} from '${from}';`;
}

/** `: type` (or ` = type` for an alias); nothing for an empty type. Types are one line (type-text.ts). */
function typed(separator: string, type: string): string {
  return type.trim() === '' ? '' : `${separator} ${type}`;
}

export interface PropertySignature {
  readonly name: string;
  readonly type: string;
  readonly readonly?: boolean;
  readonly optional?: boolean;
  readonly docs?: readonly string[];
}

export interface IndexSignature {
  readonly keyName: string;
  readonly keyType: string;
  readonly returnType: string;
  readonly readonly?: boolean;
  readonly docs?: readonly string[];
}

export interface InterfaceDeclaration {
  readonly name: string;
  readonly exported?: boolean;
  readonly docs?: readonly string[];
  readonly properties: readonly PropertySignature[];
  readonly indexSignatures?: readonly IndexSignature[];
}

/** `export interface Name { ... }`: index signatures, then properties, one per line with their docs. */
export function interfaceText(declaration: InterfaceDeclaration): string {
  const members: string[] = [];
  for (const index of declaration.indexSignatures ?? []) {
    members.push(...docLines(index.docs, INDENT));
    members.push(`${INDENT}${index.readonly ? 'readonly ' : ''}[${index.keyName}: ${index.keyType}]${typed(':', index.returnType)};`);
  }
  for (const property of declaration.properties) {
    members.push(...docLines(property.docs, INDENT));
    const name = `${property.readonly ? 'readonly ' : ''}${property.name}${property.optional ? '?' : ''}`;
    members.push(`${INDENT}${name}${typed(':', property.type)};`);
  }
  const head = `${declaration.exported ? 'export ' : ''}interface ${declaration.name} {`;
  return [...docLines(declaration.docs), head, ...members, '}'].join('\n');
}

export interface TypeAliasDeclaration {
  readonly name: string;
  readonly type: string;
  readonly exported?: boolean;
  readonly docs?: readonly string[];
}

/** `export type Name = ...;`. */
export function typeAliasText(declaration: TypeAliasDeclaration): string {
  const alias = `${declaration.exported ? 'export ' : ''}type ${declaration.name}${typed(' =', declaration.type)};`;
  return [...docLines(declaration.docs), alias].join('\n');
}

export interface ClassProperty {
  readonly name: string;
  readonly initializer: string;
  readonly override?: boolean;
}

export interface ClassDeclaration {
  readonly name: string;
  readonly extends?: string;
  readonly exported?: boolean;
  readonly docs?: readonly string[];
  readonly properties: readonly ClassProperty[];
}

/** `export class Name extends Base { override name = ...; }`. */
export function classText(declaration: ClassDeclaration): string {
  const head = `${declaration.exported ? 'export ' : ''}class ${declaration.name} ${declaration.extends ? `extends ${declaration.extends} ` : ''}{`;
  const properties = declaration.properties.map((p) => `${INDENT}${p.override ? 'override ' : ''}${p.name} = ${p.initializer};`);
  return [...docLines(declaration.docs), head, ...properties, '}'].join('\n');
}
