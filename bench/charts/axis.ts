/** Axis scales and tick values for the charts. */

export interface Scale {
  (value: number): number;
  readonly ticks: readonly number[];
}

/** 1, 2 or 5 times a power of ten: the step that gives about `count` ticks over [0, max]. */
function niceStep(max: number, count: number): number {
  const raw = max / Math.max(count, 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw);
  return step ?? 10 * power;
}

/** A linear scale from 0 to a round number at or above `max`, onto [from, to] (pixels; `to` may be below `from`). */
export function linearScale(max: number, from: number, to: number, count = 5): Scale {
  const top = max > 0 ? max : 1;
  const step = niceStep(top, count);
  const end = Math.ceil(top / step - 1e-9) * step;
  const ticks = Array.from({ length: Math.round(end / step) + 1 }, (_, i) => Number((i * step).toPrecision(12)));
  return Object.assign((value: number) => from + (value / end) * (to - from), { ticks });
}

/** A base-10 logarithmic scale over [min, max] (rounded out to powers of ten), onto [from, to]. */
export function logScale(min: number, max: number, from: number, to: number): Scale {
  const low = Math.floor(Math.log10(min));
  const high = Math.max(Math.ceil(Math.log10(max)), low + 1);
  const ticks = Array.from({ length: high - low + 1 }, (_, i) => 10 ** (low + i));
  return Object.assign((value: number) => from + ((Math.log10(value) - low) / (high - low)) * (to - from), { ticks });
}

/** Tick label: `250,000`, `1.5`, `0.25`. */
export function tickLabel(value: number): string {
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  return String(Number(value.toPrecision(3)));
}
