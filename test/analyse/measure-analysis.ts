/**
 * Measures what static analysis adds to a build: `npx tsx test/analyse/measure-analysis.ts [count] [--includes]`.
 * Generates `count` (default 1000) synthetic scripts in memory (nothing is written), then times parsing alone,
 * parsing plus analysis, and the whole `generate()` pipeline. With `--includes`, every script calls Redis
 * through `rcall` and inlines 3 of 10 shared include files, and generate() is also timed over the same scripts
 * with the includes pasted in by hand. Not a test: timings vary by machine.
 */
import { analyseScript } from '../../generator/analyse';
import { DEFAULT_CONFIG } from '../../generator/config';
import { readTemplates } from '../../generator/discover/templates';
import { generate, type ScriptInput } from '../../generator/generate';
import { parseScript } from '../../generator/parse/parsed-script';

const BODIES = [
  (i: number) => `local current = tonumber(redis.call('GET', KEYS[1]) or '0')
local step = tonumber(ARGV[1])
if current + step > ${100 + i} then
  return redis.error_reply('LIMIT over ${100 + i}')
end
local result = redis.call('INCRBY', KEYS[1], step)
redis.call('EXPIRE', KEYS[1], 60)
for _, key in ipairs(KEYS) do
  redis.call('HINCRBY', key, 'hits', 1)
end
return result`,
  (i: number) => `local entries = redis.call('ZRANGE', KEYS[1], 0, ${i % 50}, 'WITHSCORES')
local out = {}
for index = 1, #entries, 2 do
  local member, score = entries[index], tonumber(entries[index + 1])
  if score > tonumber(ARGV[1]) then
    out[#out + 1] = member
  end
end
local document = cjson.encode({count = #out, at = redis.call('TIME')[1]})
redis.call('SET', KEYS[2] or KEYS[1], document)
return #out`,
];

function syntheticScript(i: number): ScriptInput {
  const body = BODIES[i % BODIES.length](i);
  const header = [
    `--- Synthetic script ${i}: reads and updates a few keys.`,
    '--- @key main   the main key',
    '--- @key ...others   more keys',
    '--- @arg limit integer   a bound',
    '--- @return integer',
    '--- @error LIMIT  the bound is exceeded',
  ].join('\n');
  return { path: `lua/area${i % 20}/script_${i}.lua`, text: `${header}\n${body}\n` };
}

const INCLUDE_COUNT = 10;

/** A shared helper module: a local function that uses the including script's `rcall`. */
function includeFile(n: number): ScriptInput {
  const text = `-- Shared helper ${n}.
local function helper${n}(key, amount)
  local current = tonumber(rcall('HGET', key, 'f${n}') or '0')
  if current + amount > ${1000 + n} then
    return current
  end
  rcall('HINCRBY', key, 'f${n}', amount)
  rcall('PEXPIRE', key, 60000)
  return current + amount
end
`;
  return { path: `lua/includes/helper_${n}.lua`, text };
}

function scriptWithIncludes(i: number, inline: boolean): ScriptInput {
  const used = [i % INCLUDE_COUNT, (i + 3) % INCLUDE_COUNT, (i + 7) % INCLUDE_COUNT];
  const includes = used.map((n) => (inline ? includeFile(n).text : `--- @include "../includes/helper_${n}"`));
  const text = [
    `--- Synthetic script ${i} with shared helpers.`,
    '--- @key main   the main hash',
    '--- @arg amount integer   how much to add',
    '--- @return integer',
    'local rcall = redis.call',
    ...includes,
    'local amount = tonumber(ARGV[1])',
    `local total = ${used.map((n) => `helper${n}(KEYS[1], amount)`).join(' + ')}`,
    "rcall('HSET', KEYS[1], 'total', total)",
    'return total',
    '',
  ].join('\n');
  return { path: `lua/area${i % 20}/script_${i}.lua`, text };
}

async function measureIncludes(count: number): Promise<void> {
  const templates = await readTemplates();
  const helpers = Array.from({ length: INCLUDE_COUNT }, (_, n) => includeFile(n));
  const withIncludes = [...Array.from({ length: count }, (_, i) => scriptWithIncludes(i, false)), ...helpers];
  const pasted = Array.from({ length: count }, (_, i) => scriptWithIncludes(i, true));
  const result = generate(DEFAULT_CONFIG, { scripts: withIncludes, templates });
  if (result.scripts.length !== count) throw new Error(`the synthetic scripts do not build: ${result.diagnostics[0]?.message}`);
  console.log(`${count} scripts sharing ${INCLUDE_COUNT} includes (3 each); ${result.diagnostics.length} findings, ${result.scripts.length} scripts generated`);
  const included = time('generate(), with @include', () => generate(DEFAULT_CONFIG, { scripts: withIncludes, templates }));
  const byHand = time('generate(), includes pasted in', () => generate(DEFAULT_CONFIG, { scripts: pasted, templates }));
  console.log(`resolving includes adds ${(included - byHand).toFixed(1)} ms (${(((included - byHand) / byHand) * 100).toFixed(1)}%)`);
}

function time(label: string, run: () => void): number {
  run(); // warm up
  const runs = 10;
  const started = performance.now();
  for (let r = 0; r < runs; r++) run();
  const ms = (performance.now() - started) / runs;
  console.log(`${label.padEnd(34)} ${ms.toFixed(1).padStart(8)} ms`);
  return ms;
}

async function main(): Promise<void> {
  const count = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 1000);
  if (process.argv.includes('--includes')) return measureIncludes(count);
  const scripts = Array.from({ length: count }, (_, i) => syntheticScript(i));
  const templates = await readTemplates();
  const parsed = scripts.map((s) => parseScript(s.path, s.text).script);
  console.log(`${count} scripts, ${scripts.reduce((n, s) => n + s.text.split('\n').length, 0)} lines`);
  const parse = time('parse only', () => scripts.forEach((s) => parseScript(s.path, s.text)));
  const both = time('parse + analysis', () => scripts.forEach((s) => analyseScript(parseScript(s.path, s.text).script, DEFAULT_CONFIG)));
  const findings = parsed.flatMap((p) => analyseScript(p, DEFAULT_CONFIG)).length;
  const whole = time('generate() (parse→analyse→emit)', () => generate(DEFAULT_CONFIG, { scripts, templates }));
  const added = both - parse;
  console.log(`findings: ${findings}`);
  console.log(`analysis adds ${added.toFixed(1)} ms (${(added / count).toFixed(3)} ms per script) to a generate() of ${whole.toFixed(1)} ms: ${((added / whole) * 100).toFixed(1)}%`);
}

void main();
