import CodeBlockWriter from 'code-block-writer';
import { classText, interfaceText, typeAliasText, type ClassDeclaration, type InterfaceDeclaration } from '../../generator/emit/declarations';
import { printModule, type WriterFunction } from '../../generator/emit/module';

/**
 * Script modules are laid out as plain text (generator/emit/declarations.ts), not printed with code-block-writer.
 * The text must be what the writer made of the same declarations: the writers below make the writer calls the
 * printer made before (those of ts-morph's structure printer), and both outputs are compared, edge cases
 * included (multi-line and empty docs, an empty interface, a class without a base, quotes and comment
 * markers in docs).
 */

function writeDocs(writer: CodeBlockWriter, docs: readonly string[] | undefined): void {
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

const writeTyped = (writer: CodeBlockWriter, separator: string, type: string) => {
  if (type.trim() !== '') writer.hangingIndent(() => writer.write(`${separator} ${type}`));
};

function writeMembers<T>(writer: CodeBlockWriter, members: readonly T[], write: (member: T) => void): void {
  if (members.length > 0 && !writer.isAtStartOfFirstLineOfBlock()) writer.newLine();
  members.forEach((member, i) => {
    writer.conditionalNewLine(i > 0);
    write(member);
  });
}

const interfaceWriter = (d: InterfaceDeclaration): WriterFunction => (writer) => {
  if (!writer.isAtStartOfFirstLineOfBlock()) writer.blankLineIfLastNot();
  writer.closeComment();
  writeDocs(writer, d.docs);
  writer.write(`${d.exported ? 'export ' : ''}interface ${d.name}`).space();
  writer.inlineBlock(() => {
    writeMembers(writer, d.indexSignatures ?? [], (index) => {
      writeDocs(writer, index.docs);
      writer.write(`${index.readonly ? 'readonly ' : ''}[${index.keyName}: ${index.keyType}]`);
      writeTyped(writer, ':', index.returnType);
      writer.write(';');
    });
    writeMembers(writer, d.properties, (property) => {
      writeDocs(writer, property.docs);
      writer.write(`${property.readonly ? 'readonly ' : ''}${property.name}`).conditionalWrite(property.optional, '?');
      writeTyped(writer, ':', property.type);
      writer.write(';');
    });
  });
};

const classWriter = (d: ClassDeclaration): WriterFunction => (writer) => {
  if (!writer.isAtStartOfFirstLineOfBlock()) writer.blankLineIfLastNot();
  writeDocs(writer, d.docs);
  writer.write(`${d.exported ? 'export ' : ''}class ${d.name}`).space();
  writer.hangingIndent(() => {
    if (d.extends) writer.write(`extends ${d.extends} `);
  });
  writer.inlineBlock(() => {
    d.properties.forEach((property, i) => {
      writer.conditionalNewLine(i > 0);
      writer.write(`${property.override ? 'override ' : ''}${property.name}`);
      writer.hangingIndent(() => writer.spaceIfLastNot().write(`= ${property.initializer}`));
      writer.write(';');
    });
  });
};

const aliasWriter = (name: string, type: string, docs: string[]): WriterFunction => (writer) => {
  writeDocs(writer, docs);
  writer.write(`export type ${name}`);
  writeTyped(writer, ' =', type);
  writer.write(';');
};

const DOCS = [
  ['one line'],
  ["the owner's token, \"quoted\", with // and /* inside"],
  ['first line\nsecond line\n\nfourth, after a blank'],
  ['\nstarts with a break'],
  ['ends with a space '],
  [''],
  ['a', 'b\nc'],
  [],
];

const interfaces: InterfaceDeclaration[] = DOCS.flatMap((docs) => [
  {
    name: 'Input',
    exported: true,
    docs,
    properties: [
      { name: 'key', readonly: true, type: 'RedisKey', docs },
      { name: "'odd-name'", readonly: true, optional: true, type: "'a' | 'b'", docs: [] },
      { name: 'plain', type: 'readonly (string)[]' },
    ],
  },
  { name: 'Nothing', docs, properties: [], indexSignatures: [{ keyName: 'field', keyType: 'string', returnType: 'never', readonly: true, docs }] },
  { name: 'Empty', exported: true, docs, properties: [] },
]);

const classes: ClassDeclaration[] = DOCS.flatMap((docs) => [
  { name: 'Failed', exported: true, docs, extends: 'ScriptCodeError<Code>', properties: [{ name: 'name', override: true, initializer: "'Failed'" }] },
  { name: 'Bare', docs, properties: [] },
  { name: 'Two', docs, properties: [{ name: 'a', initializer: '1' }, { name: 'b', initializer: "'x'" }] },
]);

const print = (statements: Parameters<typeof printModule>[0]['statements']) => printModule({ path: 'x.ts', banner: '// banner', statements }).content;

test.each(interfaces.map((d, i) => [i, d] as const))('interface %i is laid out as the writer printed it', (_i, declaration) => {
  const imports = "import { a } from '../runtime';";
  const expected = print([imports, interfaceWriter(declaration), aliasWriter('Reply', 'string | null', ['the reply'])]);
  const laidOut = print([
    { text: imports, blankLineBefore: false },
    { text: interfaceText(declaration), blankLineBefore: true },
    { text: typeAliasText({ name: 'Reply', exported: true, docs: ['the reply'], type: 'string | null' }), blankLineBefore: false },
  ]);
  expect(laidOut).toBe(expected);
});

test.each(classes.map((d, i) => [i, d] as const))('class %i is laid out as the writer printed it', (_i, declaration) => {
  const expected = print([aliasWriter('Code', "'A' | 'B'", declaration.docs as string[]), classWriter(declaration), aliasWriter('After', 'number', [])]);
  const laidOut = print([
    { text: typeAliasText({ name: 'Code', exported: true, docs: declaration.docs, type: "'A' | 'B'" }), blankLineBefore: false },
    { text: classText(declaration), blankLineBefore: true },
    { text: typeAliasText({ name: 'After', exported: true, type: 'number' }), blankLineBefore: false },
  ]);
  expect(laidOut).toBe(expected);
});
