/** A unified diff of two texts (3 lines of context), enough to show why a generated file is stale. */
export function unifiedDiff(name: string, before: string, after: string, context = 3): string {
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length * b.length > 4_000_000) return `--- ${name}\n+++ ${name}\n(files differ: ${a.length} vs ${b.length} lines)`;
  const ops = deletionsFirst(editScript(a, b));
  const hunks: string[] = [];
  for (const [first, last] of changeGroups(ops, context)) {
    const slice = ops.slice(Math.max(0, first - context), Math.min(ops.length, last + 1 + context));
    const aStart = slice.find((o) => o.kind !== '+')?.aLine ?? 0;
    const bStart = slice.find((o) => o.kind !== '-')?.bLine ?? 0;
    const aCount = slice.filter((o) => o.kind !== '+').length;
    const bCount = slice.filter((o) => o.kind !== '-').length;
    hunks.push(`@@ -${aStart + 1},${aCount} +${bStart + 1},${bCount} @@`, ...slice.map((o) => o.kind + o.text));
  }
  return [`--- ${name} (on disk)`, `+++ ${name} (generated)`, ...hunks].join('\n');
}

/** [first, last] indexes of runs of changes, merged when fewer than 2*context equal lines part them. */
function changeGroups(ops: readonly Op[], context: number): [number, number][] {
  const groups: [number, number][] = [];
  ops.forEach((op, index) => {
    if (op.kind === ' ') return;
    const current = groups[groups.length - 1];
    if (current && index - current[1] <= context * 2 + 1) current[1] = index;
    else groups.push([index, index]);
  });
  return groups;
}

interface Op {
  readonly kind: ' ' | '-' | '+';
  readonly text: string;
  readonly aLine: number;
  readonly bLine: number;
}

/** Within each run of changes, the `-` lines before the `+` lines, as unified diffs print them. */
function deletionsFirst(ops: readonly Op[]): Op[] {
  const ordered: Op[] = [];
  let run: Op[] = [];
  const flush = () => {
    ordered.push(...run.filter((o) => o.kind === '-'), ...run.filter((o) => o.kind === '+'));
    run = [];
  };
  for (const op of ops) {
    if (op.kind === ' ') {
      flush();
      ordered.push(op);
    } else run.push(op);
  }
  flush();
  return ordered;
}

/** Longest-common-subsequence edit script. */
function editScript(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) ops.push({ kind: ' ', text: a[i], aLine: i++, bLine: j++ });
    else if (j < m && (i >= n || lcs[i][j + 1] >= lcs[i + 1][j])) ops.push({ kind: '+', text: b[j], aLine: i, bLine: j++ });
    else ops.push({ kind: '-', text: a[i], aLine: i++, bLine: j });
  }
  return ops;
}
