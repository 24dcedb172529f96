/** `luagen test` output: text for people, json for tools, github for workflow annotations. */
import type { DiagnosticFormat } from '../diagnostics/format';
import type { RunCase } from './case';
import { fillCode } from './key-contents';
import type { ScriptReport } from './prove-script';

export interface TestSummary {
  readonly seed: number;
  readonly runsPerScript: number;
  readonly reports: readonly ScriptReport[];
  readonly elapsedMs: number;
}

export function findingCount(summary: TestSummary): number {
  return summary.reports.filter((r) => r.failure).length;
}

export function formatSummary(summary: TestSummary, format: DiagnosticFormat): string {
  if (format === 'json') return JSON.stringify(jsonSummary(summary), null, 2);
  const lines = summary.reports.flatMap((report) => (format === 'github' ? githubLines(report, summary.seed) : textLines(report, summary.seed)));
  lines.push(totalLine(summary));
  return lines.join('\n');
}

function totalLine(summary: TestSummary): string {
  const runs = summary.reports.reduce((sum, r) => sum + r.runs, 0);
  const seconds = summary.elapsedMs / 1000;
  const findings = findingCount(summary);
  return `luagen test: ${summary.reports.length} script(s), ${runs} runs in ${seconds.toFixed(1)} s ` +
    `(${Math.round(runs / Math.max(seconds, 0.001))} runs/s, seed ${summary.seed}); ${findings} finding(s)`;
}

/**
 * Where a report points: the line Redis named; else the header line of the contract that broke (`@return`,
 * the `@error` raised, `@readonly`), or the line returning an undeclared code when it is written out; else line 1.
 */
function locationOf(report: ScriptReport): { file: string; line: number } {
  const named = report.failure?.finding.location;
  const match = named ? /^(.*):(\d+)$/.exec(named) : null;
  if (match) return { file: match[1]!, line: Number(match[2]) };
  const line = report.failure ? contractLine(report) : undefined;
  return { file: report.script.sourcePath, line: line ?? 1 };
}

function contractLine(report: ScriptReport): number | undefined {
  const { finding } = report.failure!;
  const patterns: Record<string, RegExp | undefined> = {
    'reply-type': /^\s*---\s*@return\b/,
    'writes-before-error': new RegExp(`^\\s*---\\s*@error\\s+${/declared error ([A-Z0-9_]+)/.exec(finding.message)?.[1] ?? '$^'}\\b`),
    'readonly-writes': /^\s*---\s*@readonly\b/,
    'undeclared-error-code': new RegExp(`['"]${/error code ([A-Z0-9_]+)/.exec(finding.message)?.[1] ?? '$^'}\\b`),
  };
  const pattern = patterns[finding.check];
  if (!pattern) return undefined;
  const index = report.script.lua.split('\n').findIndex((text) => pattern.test(text));
  return index < 0 ? undefined : index + 1 - report.script.lineOffset;
}

function textLines(report: ScriptReport, seed: number): string[] {
  const { script, failure } = report;
  const counts = `${report.runs} runs, ${report.declaredErrors} declared errors, ${report.rejected} inputs refused by the client`;
  const lines: string[] = [];
  if (failure) {
    const where = locationOf(report);
    lines.push(`FAIL ${script.id}  ${where.file}:${where.line}  ${failure.finding.check}: ${failure.finding.message}`);
    lines.push(`     after ${counts}; shrunk in ${failure.shrinks} step(s); reproduce with luagen test --seed ${seed}:`);
    lines.push(...reproduction(report, failure.run).map((l) => `       ${l}`));
  } else {
    lines.push(`ok   ${script.id}  (${counts})`);
  }
  for (const e of report.undeclared) lines.push(`     info: ${e.location ?? script.sourcePath}: ${e.message} (${e.count} of ${report.runs} runs; not declared, not a finding)`);
  return lines;
}

function githubLines(report: ScriptReport, seed: number): string[] {
  const escape = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const lines: string[] = [];
  if (report.failure) {
    const where = locationOf(report);
    const body = [report.failure.finding.message, `seed ${seed}:`, ...reproduction(report, report.failure.run)].join('\n');
    lines.push(`::error file=${where.file},line=${where.line},title=luagen test ${report.failure.finding.check}::${escape(body)}`);
  }
  for (const e of report.undeclared) {
    const match = e.location ? /^(.*):(\d+)$/.exec(e.location) : null;
    const file = match ? match[1] : report.script.sourcePath;
    lines.push(`::notice file=${file},line=${match ? match[2] : 1},title=luagen test undeclared error::${escape(`${e.message} (${e.count} of ${report.runs} runs)`)}`);
  }
  return lines;
}

function jsonSummary(summary: TestSummary): unknown {
  return {
    seed: summary.seed,
    runsPerScript: summary.runsPerScript,
    elapsedMs: Math.round(summary.elapsedMs),
    findings: findingCount(summary),
    scripts: summary.reports.map((r) => ({
      id: r.script.id,
      file: r.script.sourcePath,
      runs: r.runs,
      declaredErrors: r.declaredErrors,
      rejected: r.rejected,
      undeclaredErrors: r.undeclared.map((e) => ({ message: e.message, location: e.location ?? null, count: e.count })),
      finding: r.failure
        ? { check: r.failure.finding.check, message: r.failure.finding.message, location: `${locationOf(r).file}:${locationOf(r).line}`,
            input: r.failure.run.input, keys: Object.fromEntries(r.failure.run.keys), reproduction: reproduction(r, r.failure.run).join('\n') }
        : null,
    })),
  };
}

/** The failing case as TypeScript to paste into a test: the keys' contents, then the call. */
export function reproduction(report: ScriptReport, run: RunCase): string[] {
  const fill = run.keys.flatMap(([key, content]) => (content.type === 'missing' ? [`// ${key} does not exist`] : fillCode(key, content)));
  const path = [...report.script.namespace, report.script.name].join('.');
  return [...fill, `await scripts.${path}(${literal(run.input)});`];
}

function literal(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (Buffer.isBuffer(value)) return `Buffer.from([${[...value].join(', ')}])`;
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${literal(v)}`);
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  }
  return JSON.stringify(value);
}
