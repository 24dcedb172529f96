import * as path from 'node:path';
import ts from 'typescript';
import { generateFixture, REPO_ROOT } from '../support/generate-fixture';
import { generateWithZodPackage } from '../runtime/zod-majors';

/**
 * Everything luagen emits must type-check under the strictest options an application may use, and a wrong
 * argument must be a compile error. Uses the TypeScript compiler API (the same checks as `tsc --noEmit`).
 */
const STRICTEST: ts.CompilerOptions = {
  // The oldest language level the generated code supports (Object.fromEntries is ES2019).
  target: ts.ScriptTarget.ES2019,
  lib: ['lib.es2019.d.ts'],
  module: ts.ModuleKind.CommonJS,
  moduleResolution: ts.ModuleResolutionKind.Node10,
  strict: true,
  noEmit: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  exactOptionalPropertyTypes: true,
  noImplicitOverride: true,
  noImplicitReturns: true,
  noPropertyAccessFromIndexSignature: true,
  noUncheckedIndexedAccess: true,
  noFallthroughCasesInSwitch: true,
  esModuleInterop: true,
  skipLibCheck: true,
  types: ['node'],
};

function compile(files: string[], options = STRICTEST): readonly ts.Diagnostic[] {
  const program = ts.createProgram(files.map((f) => path.join(REPO_ROOT, f)), options);
  return ts.getPreEmitDiagnostics(program);
}

function describeDiagnostic(d: ts.Diagnostic): string {
  const where = d.file ? `${path.relative(REPO_ROOT, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}` : '';
  return `${where} TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
}

/** An ESM application: `"type": "module"` and NodeNext resolution, where relative imports must name `.js` files. */
const ESM: ts.CompilerOptions = { ...STRICTEST, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext };

beforeAll(async () => {
  await generateFixture('compile-types', 'test/fixtures/golden/types/lua');
  await generateFixture('compile-empty', 'test/fixtures/golden/empty/lua');
  await generateFixture('compile-names', 'test/fixtures/golden/names/lua');
  const { outDir } = await generateFixture('compile-names-esm', 'test/fixtures/golden/names/lua', { esm: true });
  ts.sys.writeFile(path.join(outDir, 'package.json'), '{ "type": "module" }\n');
  await generateWithZodPackage('compile-types', 'test/fixtures/golden/types/lua', 'zod3');
  await generateFixture('compile-idempotent', 'test/fixtures/golden/idempotent/lua');
  await generateFixture('compile-functions', 'test/fixtures/golden/types/lua', { target: 'functions' });
  await generateFixture('compile-functions-empty', 'test/fixtures/golden/empty/lua', { target: 'functions' });
  await generateFixture('compile-node-redis-types', 'test/fixtures/golden/types/lua', { client: 'node-redis' });
  await generateFixture('compile-node-redis-empty', 'test/fixtures/golden/empty/lua', { client: 'node-redis' });
  await generateFixture('compile-node-redis-idempotent', 'test/fixtures/golden/idempotent/lua', { client: 'node-redis' });
  await generateFixture('compile-node-redis-functions', 'test/fixtures/golden/types/lua', { client: 'node-redis', target: 'functions' });
  const nodeRedisEsm = await generateFixture('compile-node-redis-esm', 'test/fixtures/golden/types/lua', { client: 'node-redis', esm: true });
  ts.sys.writeFile(path.join(nodeRedisEsm.outDir, 'package.json'), '{ "type": "module" }\n');
  for (const [name, esm, target] of [['compile-esm', true, 'eval'], ['compile-esm-bare', false, 'eval'], ['compile-esm-functions', true, 'functions']] as const) {
    const { outDir } = await generateFixture(name, 'test/fixtures/golden/types/lua', { esm, target });
    ts.sys.writeFile(path.join(outDir, 'package.json'), '{ "type": "module" }\n');
  }
}, 60_000);

test('the generated clients (lua/ library, the golden types fixture, no scripts at all, @idempotent, both targets) compile under the strictest options', () => {
  const functions = ['test/.generated/compile-functions/index.ts', 'test/.generated/compile-functions-empty/index.ts'];
  const diagnostics = compile(['generated/index.ts', 'test/compile/usage.ts', 'test/.generated/compile-empty/index.ts', 'test/.generated/compile-idempotent/index.ts', ...functions]);
  expect(diagnostics.map(describeDiagnostic)).toEqual([]);
}, 60_000);

test('the node-redis clients (--client node-redis: both targets, no scripts, @idempotent, ESM) compile under the strictest options and import no ioredis', () => {
  const clients = ['compile-node-redis-types', 'compile-node-redis-empty', 'compile-node-redis-idempotent', 'compile-node-redis-functions'];
  const diagnostics = compile(['test/compile/usage-node-redis.ts', ...clients.map((name) => `test/.generated/${name}/index.ts`)]);
  expect(diagnostics.map(describeDiagnostic)).toEqual([]);
  expect(compile(['test/.generated/compile-node-redis-esm/index.ts'], ESM).map(describeDiagnostic)).toEqual([]);
  const program = ts.createProgram([path.join(REPO_ROOT, 'test/.generated/compile-node-redis-functions/index.ts')], STRICTEST);
  const loaded = program.getSourceFiles().map((f) => f.fileName);
  expect(loaded.filter((f) => f.includes('/node_modules/ioredis/'))).toEqual([]);
  expect(loaded.some((f) => f.includes('/node_modules/@redis/client/'))).toBe(true);
}, 60_000);

test('scripts named with reserved words, names the generated code uses, or ioredis methods compile (CommonJS and ESM)', () => {
  expect(compile(['test/compile/names-usage.ts']).map(describeDiagnostic)).toEqual([]);
  expect(compile(['test/.generated/compile-names-esm/index.ts'], ESM).map(describeDiagnostic)).toEqual([]);
}, 60_000);

test('the generated client compiles against zod 3 (the peer range allows ^3.23) as well as zod 4', () => {
  expect(compile(['test/.generated/compile-types-zod3/index.ts']).map(describeDiagnostic)).toEqual([]);
}, 60_000);

test('with skipLibCheck off the runtime declarations compile too, under zod 4 and zod 3', () => {
  const checked = { ...STRICTEST, skipLibCheck: false };
  expect(compile(['generated/index.ts', 'test/.generated/compile-types-zod3/index.ts'], checked).map(describeDiagnostic)).toEqual([]);
}, 60_000);

test('wrong argument and reply types are compile errors, exactly where marked', () => {
  const file = 'test/compile/wrong-arguments.ts';
  const source = ts.sys.readFile(path.join(REPO_ROOT, file)) ?? '';
  const expected = source
    .split('\n')
    .map((line, index) => ({ line: index + 1, code: /\/\/ error: TS(\d+)/.exec(line)?.[1] }))
    .filter((e) => e.code !== undefined)
    .map((e) => `${file}:${e.line} TS${e.code}`);
  expect(expected.length).toBeGreaterThan(0);
  const actual = compile([file]).map((d) => describeDiagnostic(d).replace(/: .*$/s, ''));
  expect(actual).toEqual(expected);
}, 60_000);

test('with --esm the client compiles in an ESM project (NodeNext), where bare relative imports would not', () => {
  expect(compile(['test/.generated/compile-esm/index.ts', 'test/.generated/compile-esm-functions/index.ts'], ESM).map(describeDiagnostic)).toEqual([]);
  const bare = compile(['test/.generated/compile-esm-bare/index.ts'], ESM).map(describeDiagnostic);
  expect(bare.some((d) => d.includes('TS2834') || d.includes('TS2835'))).toBe(true);
}, 60_000);
