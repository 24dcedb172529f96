/**
 * `luagen test` over the whole library: wall time (Node start, generate, a spawned redis-server, every run)
 * and runs per second as the command reports them, repeated to show the spread.
 *   npx tsx bench/luagen-test.ts [--repeat 5] [--lcov]
 * Uses dist/cli.js (run `npm run build` first), without REDIS_URL, so luagen starts its own server.
 */
import { execFileSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const argv = process.argv.slice(2);
const repeat = Number(argv[argv.indexOf('--repeat') + 1] || 5) || 5;
const lcov = argv.includes('--lcov');

const env = { ...process.env };
delete env.REDIS_URL;
const walls: number[] = [];
const rates: number[] = [];
for (let i = 1; i <= repeat; i++) {
  const args = [path.join(ROOT, 'dist/cli.js'), 'test', '--src', 'lua', '--seed', String(i), ...(lcov ? ['--lcov', path.join(os.tmpdir(), 'luagen-bench.lcov')] : [])];
  const started = performance.now();
  const out = execFileSync(process.execPath, args, { cwd: ROOT, env, encoding: 'utf8' });
  walls.push((performance.now() - started) / 1000);
  const summary = /luagen test: .*\((\d+) runs\/s, seed \d+\); \d+ finding/.exec(out);
  if (!summary) throw new Error(`no summary line in:\n${out}`);
  rates.push(Number(summary[1]));
  process.stderr.write(`run ${i}: ${summary[0]}; wall ${walls[i - 1]!.toFixed(2)} s\n`);
}
const span = (xs: number[], digits: number) => `${Math.min(...xs).toFixed(digits)}-${Math.max(...xs).toFixed(digits)}`;
console.log(`luagen test over lua/ (${repeat} runs${lcov ? ', --lcov' : ''}): ${span(rates, 0)} runs/s, wall ${span(walls, 2)} s; ` +
  `load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} on ${os.cpus().length} cores`);
