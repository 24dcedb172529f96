/**
 * Line coverage for `luagen test --lcov`: an instrumented copy of each script logs every statement it reaches
 * (`redis.log`, into the log of the redis-server luagen started), and the counts become an lcov file. Only the
 * copy run by `luagen test` is instrumented; each probe sits on its statement's own line, so the line numbers
 * Redis reports are the file's.
 */
import * as luaparse from 'luaparse';

const PROBE = 'lgcov';

export interface Instrumented {
  readonly text: string;
  /** The lines that hold a statement, ascending. */
  readonly lines: readonly number[];
}

type Node = { type?: string; body?: unknown; range?: [number, number]; loc?: { start: { line: number } } } & Record<string, unknown>;

/** The source with `redis.log(redis.LOG_WARNING, 'lgcov:<script>:<line>');` before every statement. */
export function instrument(scriptIndex: number, source: string): Instrumented | undefined {
  const bytes = Buffer.from(source, 'utf8').toString('latin1');
  let chunk: Node;
  try {
    chunk = luaparse.parse(bytes, { luaVersion: '5.1', locations: true, ranges: true, comments: false, encodingMode: 'pseudo-latin1' }) as unknown as Node;
  } catch {
    return undefined; // luagen build reports it
  }
  const statements: Node[] = [];
  collectStatements(chunk, statements);
  const starts = statements.map((s) => ({ at: s.range![0], line: s.loc!.start.line })).sort((a, b) => b.at - a.at);
  let text = bytes;
  for (const { at, line } of starts) text = `${text.slice(0, at)}redis.log(redis.LOG_WARNING,'${PROBE}:${scriptIndex}:${line}');${text.slice(at)}`;
  const lines = [...new Set(starts.map((s) => s.line))].sort((a, b) => a - b);
  return { text: Buffer.from(text, 'latin1').toString('utf8'), lines };
}

/** Every statement of every block (chunk, function bodies, branches, loops), walked without recursion limits on depth of blocks. */
function collectStatements(root: Node, out: Node[]): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      stack.push(...value);
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    const node = value as Node;
    if (Array.isArray(node.body) && node.type !== undefined) {
      for (const statement of node.body as Node[]) if (statement && statement.range) out.push(statement);
    }
    for (const key of Object.keys(node)) if (key !== 'loc' && key !== 'range') stack.push(node[key]);
  }
}

/** `script index -> line -> hits`, from the server log. */
export function countHits(log: string): Map<number, Map<number, number>> {
  const hits = new Map<number, Map<number, number>>();
  for (const match of log.matchAll(/lgcov:(\d+):(\d+)/g)) {
    const script = Number(match[1]);
    const line = Number(match[2]);
    const lines = hits.get(script) ?? new Map<number, number>();
    lines.set(line, (lines.get(line) ?? 0) + 1);
    hits.set(script, lines);
  }
  return hits;
}

export interface FileCoverage {
  readonly file: string;
  readonly lines: readonly number[];
  readonly hits: ReadonlyMap<number, number>;
}

/** The lcov text (one record per file). */
export function toLcov(files: readonly FileCoverage[]): string {
  return files.map((f) => {
    const covered = f.lines.filter((line) => (f.hits.get(line) ?? 0) > 0).length;
    const da = f.lines.map((line) => `DA:${line},${f.hits.get(line) ?? 0}`);
    return ['TN:', `SF:${f.file}`, ...da, `LF:${f.lines.length}`, `LH:${covered}`, 'end_of_record'].join('\n');
  }).join('\n') + '\n';
}

/** `lua/x.lua: 12/15 lines (80%); not run: 7, 9, 21` */
export function coverageLine(f: FileCoverage): string {
  const missed = f.lines.filter((line) => (f.hits.get(line) ?? 0) === 0);
  const covered = f.lines.length - missed.length;
  const percent = f.lines.length === 0 ? 100 : Math.floor((covered * 100) / f.lines.length);
  return `${f.file}: ${covered}/${f.lines.length} lines (${percent}%)${missed.length > 0 ? `; not run: ${missed.join(', ')}` : ''}`;
}
