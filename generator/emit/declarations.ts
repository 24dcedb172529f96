import type { CodeBlockWriter, WriterFunction } from './module';

/**
 * Writers for the declarations luagen emits (imports, exports, interfaces, type aliases, classes). They make
 * the same writer calls, in the same order, as ts-morph's structure printer made for the structures they
 * replace, so the output is byte-for-byte what it was; they need only the writer, not the TypeScript compiler.
 */

/** A `/** ... *\/` comment per entry, each on its own line (one line, or ` * ` lines when the text has several). */
export function writeDocs(writer: CodeBlockWriter, docs: readonly string[] | undefined): void {
  for (const text of docs ?? []) {
    const lines = text.split(/\r?\n/);
    const start = lines[0] === '' ? 1 : 0;
    writer.closeComment().write('/**');
    if (lines.length <= 1) writer.space().write(lines[start] ?? '');
    else {
      writer.newLine();
      for (let i = start; i < lines.length; i++) {
        writer.write(' *');
        if ((lines[i] ?? '').length > 0) writer.write(` ${lines[i]}`);
        writer.newLine();
      }
    }
    writer.spaceIfLastNot().write('*/').newLine();
  }
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

/** `import { a, b } from 'x';` (`import type` when `typeOnly`). */
export function importDeclaration({ from, names = [], typeOnly }: ModuleReference): WriterFunction {
  return (writer) => {
    writer.closeComment().write(typeOnly ? 'import type' : 'import');
    if (names.length > 0) writer.space().write(specifierList(names)).write(' from');
    writer.write(' ').quote(from).write(';');
  };
}

/** `export { a } from 'x';`, or `export * from 'x';` without names. */
export function exportDeclaration({ from, names = [], typeOnly }: ModuleReference): WriterFunction {
  return (writer) => {
    writer.closeComment().write(typeOnly ? 'export type' : 'export');
    writer.write(names.length > 0 ? ` ${specifierList(names)}` : ' *');
    writer.write(' from ').quote(from).write(';');
  };
}

/** A blank line before an interface or class, unless it opens its block. */
function blankLineBefore(writer: CodeBlockWriter): void {
  if (!writer.isAtStartOfFirstLineOfBlock()) writer.blankLineIfLastNot();
}

/** `: type` (or ` = type` for an alias), indented like a continued line should it wrap. */
function writeTyped(writer: CodeBlockWriter, separator: string, type: string): void {
  if (type.trim() !== '') writer.hangingIndent(() => writer.write(`${separator} ${type}`));
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

/** A member list: one per line, with a newline between the groups (index signatures, then properties). */
function writeMembers<T>(writer: CodeBlockWriter, members: readonly T[], write: (member: T) => void): void {
  if (members.length > 0 && !writer.isAtStartOfFirstLineOfBlock()) writer.newLine();
  members.forEach((member, i) => {
    writer.conditionalNewLine(i > 0);
    write(member);
  });
}

/** `export interface Name { ... }`. */
export function interfaceDeclaration(declaration: InterfaceDeclaration): WriterFunction {
  return (writer) => {
    blankLineBefore(writer);
    writer.closeComment();
    writeDocs(writer, declaration.docs);
    writer.write(`${declaration.exported ? 'export ' : ''}interface ${declaration.name}`).space();
    writer.inlineBlock(() => {
      writeMembers(writer, declaration.indexSignatures ?? [], (index) => {
        writer.closeComment();
        writeDocs(writer, index.docs);
        writer.write(`${index.readonly ? 'readonly ' : ''}[${index.keyName}: ${index.keyType}]`);
        writeTyped(writer, ':', index.returnType);
        writer.write(';');
      });
      writeMembers(writer, declaration.properties, (property) => {
        writer.closeComment();
        writeDocs(writer, property.docs);
        writer.write(`${property.readonly ? 'readonly ' : ''}${property.name}`).conditionalWrite(property.optional, '?');
        writeTyped(writer, ':', property.type);
        writer.write(';');
      });
    });
  };
}

export interface TypeAliasDeclaration {
  readonly name: string;
  readonly type: string;
  readonly exported?: boolean;
  readonly docs?: readonly string[];
}

/** `export type Name = ...;`. */
export function typeAliasDeclaration(declaration: TypeAliasDeclaration): WriterFunction {
  return (writer) => {
    writer.closeComment();
    writeDocs(writer, declaration.docs);
    writer.write(`${declaration.exported ? 'export ' : ''}type ${declaration.name}`);
    writeTyped(writer, ' =', declaration.type);
    writer.write(';');
  };
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
export function classDeclaration(declaration: ClassDeclaration): WriterFunction {
  return (writer) => {
    blankLineBefore(writer);
    writer.closeComment();
    writeDocs(writer, declaration.docs);
    writer.write(`${declaration.exported ? 'export ' : ''}class ${declaration.name}`).space();
    writer.hangingIndent(() => {
      if (declaration.extends) writer.write(`extends ${declaration.extends} `);
    });
    writer.inlineBlock(() => {
      declaration.properties.forEach((property, i) => {
        writer.conditionalNewLine(i > 0);
        writer.closeComment();
        writer.write(`${property.override ? 'override ' : ''}${property.name}`);
        writer.hangingIndent(() => writer.spaceIfLastNot().write(`= ${property.initializer}`));
        writer.write(';');
      });
    });
  };
}
