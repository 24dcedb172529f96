import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { BenchOptions } from '../options';
import { writeCorpus } from './corpus';
import { measureProcess, type ProcessSample } from './measure';

/**
 * What an application pays in every type check for a generated client: `tsc --noEmit` over one application file
 * that imports the client and calls one script, beside the same check of a file that imports only the client
 * library and zod (what any such application pays anyway). One entry per client luagen generates for.
 */
export interface TscClient {
  /** As `luagen build --client` names it. */
  readonly name: string;
  /** Extra `luagen build` arguments selecting the client. */
  readonly buildArgs: readonly string[];
  /** The baseline application: imports the client library and zod, nothing generated. */
  readonly baseline: string;
  /** The application: `from './client'` imports the generated client, whose first script is `area00.limiter0000`. */
  readonly application: string;
}

const CALL = "  return scripts.area00.limiter0000({ counter: 'requests:alice', limit: 10, windowMs: 1000 });\n}\n";

export const TSC_CLIENTS: readonly TscClient[] = [
  {
    name: 'ioredis',
    buildArgs: [],
    baseline: "import { Redis } from 'ioredis';\nimport { z } from 'zod';\nexport const schema = z.object({ n: z.number() });\nexport const client = (url: string) => new Redis(url);\n",
    // The client in a variable first, as docs/client.md shows: `f(new Redis(url))` alone costs 86,000 types and
    // about 1.5 s of checking in ioredis's constructor overloads, with or without luagen (docs/performance.md).
    application: `import { Redis } from 'ioredis';\nimport { bindScripts } from './client';\n\nexport async function main(url: string) {\n  const redis = new Redis(url);\n  const scripts = bindScripts(redis);\n${CALL}`,
  },
  {
    name: 'node-redis',
    buildArgs: ['--client', 'node-redis'],
    baseline: "import { createClient } from '@redis/client';\nimport { z } from 'zod';\nexport const schema = z.object({ n: z.number() });\nexport const client = (url: string) => createClient({ url });\n",
    application: `import { createClient } from '@redis/client';\nimport { bindScripts } from './client';\n\nexport async function main(url: string) {\n  const redis = createClient({ url });\n  const scripts = bindScripts(redis);\n${CALL}`,
  },
];

/** One compiled application: a client of `scripts` scripts, or the baseline (`scripts` 0). */
export interface TscRow {
  readonly client: string;
  readonly scripts: number;
  readonly samples: readonly ProcessSample[];
  /** Files and bytes of the generated client (0 for the baseline). */
  readonly generatedFiles: number;
  readonly generatedBytes: number;
}

export interface TscResult {
  /** Per client: its baseline first, then one row per size of `options.tscSizes`. */
  readonly rows: readonly TscRow[];
  readonly compilerOptions: Readonly<Record<string, unknown>>;
}

/** The options an application would typically compile the generated client with. */
export const APPLICATION_OPTIONS = {
  target: 'ES2022', module: 'commonjs', moduleResolution: 'node', strict: true, noEmit: true,
  skipLibCheck: true, esModuleInterop: true, types: ['node'],
};

interface Project {
  readonly client: string;
  readonly scripts: number;
  readonly tsconfig: string;
  readonly generated?: string;
}

/**
 * Writes each application (under `root`, git-ignored), generates its client with `build(args)`, then runs
 * `tsc --noEmit` on every project `options.tscRuns` times, interleaved (every project once per round).
 */
export async function measureTsc(
  options: BenchOptions, root: string, tsc: readonly string[], build: (args: readonly string[]) => Promise<void>, clients = TSC_CLIENTS,
): Promise<TscResult> {
  const projects: Project[] = [];
  for (const client of clients) {
    const base = path.join(root, `tsc-${client.name}-baseline`);
    await writeProject(base, client.baseline);
    projects.push({ client: client.name, scripts: 0, tsconfig: path.join(base, 'tsconfig.json') });
    for (const size of options.tscSizes) {
      const dir = path.join(root, `tsc-${client.name}-${size}`);
      const src = path.join(root, `tsc-src-${size}`);
      await fs.rm(src, { recursive: true, force: true });
      await writeCorpus(src, size);
      await fs.rm(path.join(dir, 'client'), { recursive: true, force: true });
      await build(['build', '--src', src, '--out', path.join(dir, 'client'), ...client.buildArgs]);
      await writeProject(dir, client.application);
      projects.push({ client: client.name, scripts: size, tsconfig: path.join(dir, 'tsconfig.json'), generated: path.join(dir, 'client') });
    }
  }
  const samples = projects.map((): ProcessSample[] => []);
  for (let run = 0; run < options.tscRuns; run++) {
    for (const [i, project] of projects.entries()) samples[i]!.push(await measureProcess(tsc[0]!, [...tsc.slice(1), '-p', project.tsconfig], root));
  }
  const rows: TscRow[] = [];
  for (const [i, project] of projects.entries()) {
    const size = project.generated ? await folderSize(project.generated) : { files: 0, bytes: 0 };
    rows.push({ client: project.client, scripts: project.scripts, samples: samples[i]!, generatedFiles: size.files, generatedBytes: size.bytes });
  }
  return { rows, compilerOptions: APPLICATION_OPTIONS };
}

async function writeProject(dir: string, source: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(path.join(dir, 'app.ts'), source);
  await fs.writeFile(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: APPLICATION_OPTIONS, files: ['app.ts'] }, null, 2));
}

export async function folderSize(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const entry of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += (await fs.stat(path.join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}
