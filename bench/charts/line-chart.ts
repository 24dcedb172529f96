import { linearScale, logScale, tickLabel } from './axis';
import type { LineChartData } from './data';
import { frame, legend, legendHeight, MARGIN, note, PLOT_BOTTOM, WIDTH } from './layout';
import { el, line, num, PALETTE, svgDocument, text } from './svg';

/** Lines over a logarithmic x axis (medians), a min–max bar at each point, reference series dashed. */
export function lineChart(data: LineChartData): string {
  const height = PLOT_BOTTOM + MARGIN.bottom + 18 + legendHeight(data.series.length);
  const points = data.series.flatMap((s) => s.points);
  const xs = points.map((p) => p.x);
  const x = logScale(Math.min(...xs), Math.max(...xs), MARGIN.left + 20, WIDTH - MARGIN.right - 20);
  const y = linearScale(Math.max(...points.map((p) => p.max)), PLOT_BOTTOM, MARGIN.top);
  const body = frame(data.title, data.yLabel, y);
  for (const tick of x.ticks) {
    body.push(line(x(tick), PLOT_BOTTOM, x(tick), PLOT_BOTTOM + 5, { stroke: '#444' }));
    body.push(text(x(tick), PLOT_BOTTOM + 18, tickLabel(tick), { 'text-anchor': 'middle', fill: '#444' }));
  }
  body.push(text((MARGIN.left + WIDTH - MARGIN.right) / 2, PLOT_BOTTOM + 36, data.xLabel, { 'text-anchor': 'middle' }));
  data.series.forEach((series, s) => {
    const colour = PALETTE[s % PALETTE.length]!;
    const sorted = [...series.points].sort((a, b) => a.x - b.x);
    const d = sorted.map((p, i) => `${i === 0 ? 'M' : 'L'}${num(x(p.x))} ${num(y(p.median))}`).join(' ');
    body.push(el('path', { d, fill: 'none', stroke: colour, 'stroke-width': 2, 'stroke-dasharray': series.reference ? '6 4' : undefined }));
    for (const p of sorted) {
      const label = `${series.name}, ${tickLabel(p.x)}: median ${tickLabel(p.median)} (min ${tickLabel(p.min)}, max ${tickLabel(p.max)})`;
      body.push(line(x(p.x), y(p.min), x(p.x), y(p.max), { stroke: colour, 'stroke-width': 1.2 }));
      body.push(el('circle', { cx: x(p.x), cy: y(p.median), r: 3.5, fill: colour }, el('title', {}, label)));
    }
  });
  const entries = data.series.map((sr, s) => ({ name: sr.name, colour: PALETTE[s % PALETTE.length]!, dashed: sr.reference === true }));
  body.push(...legend(entries, PLOT_BOTTOM + 58));
  body.push(note('points: median; bars: min–max of the runs; x axis logarithmic', height));
  return svgDocument(WIDTH, height, data.title, body);
}
