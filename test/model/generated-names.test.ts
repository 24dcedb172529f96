import * as path from 'node:path';
import ts from 'typescript';
import { CLIENT_EXPORTS } from '../../generator/model/generated-names';
import { REPO_ROOT } from '../support/generate-fixture';

/** Names a module exports through `export { a, type B } from '...'` lists and `export * as ns from '...'`. */
function exportListNames(file: string): string[] {
  const text = ts.sys.readFile(path.join(REPO_ROOT, file)) ?? '';
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022);
  return source.statements.flatMap((statement) => {
    if (!ts.isExportDeclaration(statement) || !statement.exportClause) return [];
    if (ts.isNamespaceExport(statement.exportClause)) return [statement.exportClause.name.text];
    return statement.exportClause.elements.map((element) => element.name.text);
  });
}

test('CLIENT_EXPORTS lists exactly what the runtime index and the generated index export besides scripts', () => {
  const runtime = exportListNames('templates/runtime/index.ts');
  const index = ['bindScripts', 'preload', 'scripts', 'Scripts'];
  expect([...CLIENT_EXPORTS].sort()).toEqual([...runtime, ...index].sort());
});
