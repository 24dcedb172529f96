import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { watchCommand } from '../../generator/cli/watch';
import { COUNTER_SCRIPT, tempProject, writeFile } from './cli-harness';

async function waitFor(condition: () => Promise<boolean>, what: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

test('watch builds, rebuilds when a script is added, and keeps generated/ on an error', async () => {
  const project = await tempProject({ 'lua/app/counter.lua': COUNTER_SCRIPT });
  const out: string[] = [];
  const io = { cwd: project, out: (t: string) => out.push(t), err: (t: string) => out.push(t) };
  const controller = new AbortController();
  const options = { src: 'lua', out: 'generated', format: 'text' as const, cluster: false, strict: false, esm: false };
  const done = watchCommand(options, io, controller.signal, 20);
  const exists = (file: string) => fs.stat(path.join(project, file)).then(() => true, () => false);
  try {
    await waitFor(() => exists('generated/scripts/app/counter.ts'), 'the first build');
    await writeFile(project, 'lua/app/reset.lua', COUNTER_SCRIPT);
    await waitFor(() => exists('generated/scripts/app/reset.ts'), 'the rebuild');
    await writeFile(project, 'lua/app/reset.lua', 'local x = (\n');
    await waitFor(async () => out.some((line) => line.includes('LG001')), 'the syntax error');
    expect(await exists('generated/scripts/app/reset.ts')).toBe(true);
  } finally {
    controller.abort();
    await expect(done).resolves.toBe(0);
    await fs.rm(project, { recursive: true, force: true });
  }
}, 20_000);

test('watch --docs keeps the catalog in step with the scripts', async () => {
  const project = await tempProject({ 'lua/app/counter.lua': COUNTER_SCRIPT });
  const io = { cwd: project, out: () => undefined, err: () => undefined };
  const controller = new AbortController();
  const options = { src: 'lua', out: 'generated', format: 'text' as const, cluster: false, strict: false, esm: false, docs: 'docs/scripts' };
  const done = watchCommand(options, io, controller.signal, 20);
  const page = () => fs.readFile(path.join(project, 'docs/scripts/app.md'), 'utf8').catch(() => '');
  try {
    await waitFor(async () => (await page()).includes('## app.counter'), 'the first catalog');
    await writeFile(project, 'lua/app/reset.lua', COUNTER_SCRIPT);
    await waitFor(async () => (await page()).includes('## app.reset'), 'the catalog after a new script');
  } finally {
    controller.abort();
    await expect(done).resolves.toBe(0);
    await fs.rm(project, { recursive: true, force: true });
  }
}, 20_000);
