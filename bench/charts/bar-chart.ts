import { linearScale, tickLabel } from './axis';
import type { BarChartData } from './data';
import { frame, legend, legendHeight, MARGIN, note, PLOT_BOTTOM, WIDTH } from './layout';
import { el, line, PALETTE, svgDocument, text } from './svg';

/** Grouped bars (median) with a min–max whisker on each, and a legend below. */
export function barChart(data: BarChartData): string {
  const groupWidth = (WIDTH - MARGIN.left - MARGIN.right) / Math.max(data.groups.length, 1);
  const labels = data.groups.map((g) => wrap(g.label, groupWidth));
  const labelLines = Math.max(1, ...labels.map((l) => l.length));
  const legendTop = PLOT_BOTTOM + 26 + labelLines * 14;
  const height = legendTop + legendHeight(data.series.length) + 14;
  const max = Math.max(...data.groups.flatMap((g) => g.values.map((v) => v?.max ?? 0)));
  const y = linearScale(max, PLOT_BOTTOM, MARGIN.top);
  const mostBars = Math.max(1, ...data.groups.map((g) => g.values.filter(Boolean).length));
  const barWidth = Math.min((groupWidth * 0.8) / mostBars, 36);
  const body = frame(data.title, data.yLabel, y);
  data.groups.forEach((group, g) => {
    const present = group.values.filter(Boolean).length;
    const left = MARGIN.left + (g + 0.5) * groupWidth - (present * barWidth) / 2;
    let slot = 0;
    group.values.forEach((value, s) => {
      if (!value) return;
      const x = left + slot++ * barWidth;
      const label = `${data.series[s]}, ${group.label}: median ${tickLabel(value.median)} (min ${tickLabel(value.min)}, max ${tickLabel(value.max)})`;
      const bar = { x: x + 1, y: y(value.median), width: barWidth - 2, height: PLOT_BOTTOM - y(value.median), fill: PALETTE[s % PALETTE.length] };
      body.push(el('rect', bar, el('title', {}, label)));
      const mid = x + barWidth / 2;
      const whisker = { stroke: '#222', 'stroke-width': 1.2 };
      body.push(line(mid, y(value.min), mid, y(value.max), whisker));
      body.push(line(mid - 4, y(value.min), mid + 4, y(value.min), whisker), line(mid - 4, y(value.max), mid + 4, y(value.max), whisker));
    });
    labels[g]!.forEach((part, i) => body.push(text(MARGIN.left + (g + 0.5) * groupWidth, PLOT_BOTTOM + 18 + i * 14, part, { 'text-anchor': 'middle' })));
  });
  body.push(...legend(data.series.map((name, s) => ({ name, colour: PALETTE[s % PALETTE.length]!, dashed: false })), legendTop));
  body.push(note('bars: median; whiskers: min–max of the runs', height));
  return svgDocument(WIDTH, height, data.title, body);
}

/** Splits a label into lines that fit `width` pixels (about 6.5 px a character at 12 px). */
export function wrap(label: string, width: number): string[] {
  const perLine = Math.max(8, Math.floor(width / 6.5));
  const lines: string[] = [];
  for (const word of label.split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= perLine) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}
