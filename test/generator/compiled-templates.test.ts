import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { compileTemplates, COMPILED_FOLDER, listFiles, TEMPLATES_DIR } from '../../tools/compile-templates';
import { generateFixture, REPO_ROOT } from '../support/generate-fixture';

/**
 * The runtime ships compiled (JavaScript plus declarations, `templates/compiled/`), from the TypeScript sources in
 * `templates/<folder>/`. The compiled files are committed; they must be exactly what tools/compile-templates.ts
 * makes of the sources today (`npm run templates` rewrites them).
 */
test('templates/compiled/ is what tools/compile-templates.ts makes of the runtime sources (run `npm run templates`)', () => {
  const expected = compileTemplates();
  const onDisk = listFiles(path.join(TEMPLATES_DIR, COMPILED_FOLDER)).map((f) => `${COMPILED_FOLDER}/${f}`);
  expect(onDisk).toEqual([...expected.keys()]);
  const stale = [...expected].filter(([file, text]) => readFileSync(path.join(TEMPLATES_DIR, file), 'utf8') !== text).map(([file]) => file);
  expect(stale).toEqual([]);
  expect(onDisk).toContain(`${COMPILED_FOLDER}/runtime/esm/index.js`);
}, 120_000);

describe('an application type-checking the generated client', () => {
  beforeAll(async () => {
    await generateFixture('compiled-runtime', 'test/fixtures/golden/types/lua');
  }, 60_000);

  /** The files of a program over the generated client that are checked as code, not read as declarations. */
  function checkedRuntimeSources(options: ts.CompilerOptions): string[] {
    const program = ts.createProgram([path.join(REPO_ROOT, 'test/.generated/compiled-runtime/index.ts')], options);
    expect(ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
    return program
      .getSourceFiles()
      .map((f) => path.relative(REPO_ROOT, f.fileName))
      .filter((f) => f.startsWith('test/.generated/compiled-runtime/runtime/') && !f.endsWith('.d.ts'));
  }

  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    strict: true,
    noEmit: true,
    esModuleInterop: true,
    types: ['node'],
  };

  test('reads the runtime as declaration files only (its code is never type-checked there)', () => {
    expect(checkedRuntimeSources({ ...options, skipLibCheck: true })).toEqual([]);
  }, 60_000);

  test('compiles with skipLibCheck off and exactOptionalPropertyTypes (the declarations themselves are checked)', () => {
    expect(checkedRuntimeSources({ ...options, skipLibCheck: false, exactOptionalPropertyTypes: true })).toEqual([]);
  }, 60_000);
});
