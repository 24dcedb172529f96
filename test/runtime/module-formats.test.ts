import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { generateFixture, REPO_ROOT } from '../support/generate-fixture';

const run = promisify(execFile);
const TSC = path.join(REPO_ROOT, 'node_modules/typescript/bin/tsc');

/**
 * The runtime is JavaScript in `generated/runtime/` (CommonJS by default, ES modules with `esm`). An application
 * compiled by plain `tsc` and run by plain `node`, with no loader in between, must work in both module systems:
 * its calls reach Redis, a bad argument is refused by the runtime's zod schema, and errors are the exported classes.
 */
const IMPORTS = (client: string) => `import { Redis } from 'ioredis';
import { bindScripts, ScriptArgumentError } from '${client}';
`;
const MAIN = `const redis = new Redis(process.env.REDIS_URL as string);
const scripts = bindScripts(redis);
const pong: string = await scripts.flags.ping();
let refused = 'not refused';
try {
  await scripts.shop.price({ product: 'p', rate: Number.NaN, rounded: true, meta: null, blob: Buffer.from([1]), tags: [] });
} catch (error) {
  refused = error instanceof ScriptArgumentError ? 'refused' : String(error);
}
await redis.quit();
console.log(JSON.stringify({ pong, refused }));
`;

const FORMATS = [
  // CommonJS has no top-level await: the body runs in an async function.
  { name: 'cjs', esm: false, module: 'commonjs', packageType: 'commonjs', app: (c: string) => `${IMPORTS(c)}(async () => {\n${MAIN}})();\n`, client: './client' },
  { name: 'esm', esm: true, module: 'nodenext', packageType: 'module', app: (c: string) => `${IMPORTS(c)}${MAIN}`, client: './client/index.js' },
] as const;

describe.each(FORMATS)('an application in $name compiled by tsc and run by node', (format) => {
  const project = path.join(REPO_ROOT, `test/.generated/module-format-${format.name}`);

  beforeAll(async () => {
    await fs.rm(project, { recursive: true, force: true });
    await generateFixture(`module-format-${format.name}/client`, 'test/fixtures/golden/types/lua', { esm: format.esm });
    await fs.writeFile(path.join(project, 'package.json'), JSON.stringify({ type: format.packageType }));
    await fs.writeFile(path.join(project, 'app.ts'), format.app(format.client));
    const compilerOptions = {
      target: 'ES2022', module: format.module, moduleResolution: format.module === 'commonjs' ? 'node10' : 'nodenext',
      strict: true, esModuleInterop: true, skipLibCheck: true, types: ['node'],
    };
    await fs.writeFile(path.join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['app.ts'] }));
    const compiled = await run(process.execPath, [TSC, '-p', project], { cwd: REPO_ROOT }).catch((error: { stdout?: string }) => error);
    expect(compiled.stdout).toBe('');
  }, 120_000);

  test('runs the script and refuses a bad argument before sending it', async () => {
    const { stdout } = await run(process.execPath, [path.join(project, 'app.js')], { cwd: project, env: { ...process.env } });
    expect(JSON.parse(stdout)).toEqual({ pong: 'PONG', refused: 'refused' });
  }, 30_000);

  test(`its generated runtime is ${format.name === 'esm' ? 'ES modules' : 'CommonJS'} JavaScript with declarations`, async () => {
    const index = await fs.readFile(path.join(project, 'client/runtime/index.js'), 'utf8');
    expect(index.includes('require(')).toBe(!format.esm);
    expect(/^export /m.test(index)).toBe(format.esm);
    const files = await fs.readdir(path.join(project, 'client/runtime'));
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
  });
});
