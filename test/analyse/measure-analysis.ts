/**
 * Measures what static analysis adds to a build: `npx tsx test/analyse/measure-analysis.ts [count]`.
 * Generates `count` (default 1000) synthetic scripts in memory (nothing is written), then times parsing alone,
 * parsing plus analysis, and the whole `generate()` pipeline. Not a test: timings vary by machine.
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
  const count = Number(process.argv[2] ?? 1000);
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
