import { tickLabel, type Scale } from './axis';
import { el, line, num, text } from './svg';

/** The frame every chart shares: width, margins, plot height. */
export const WIDTH = 760;
export const MARGIN = { top: 44, right: 16, bottom: 56, left: 76 } as const;
export const PLOT_HEIGHT = 260;
export const PLOT_BOTTOM = MARGIN.top + PLOT_HEIGHT;

export interface LegendEntry {
  readonly name: string;
  readonly colour: string;
  /** A dashed line rather than a filled swatch. */
  readonly dashed: boolean;
}

/** Rows of three legend entries take 18 px each. */
export function legendHeight(entries: number): number {
  return Math.ceil(entries / 3) * 18;
}

/** The title, the horizontal grid with its labels, the y axis label and the x axis line. */
export function frame(title: string, yLabel: string, y: Scale): string[] {
  const middle = MARGIN.top + PLOT_HEIGHT / 2;
  return [
    text(WIDTH / 2, 22, title, { 'text-anchor': 'middle', 'font-size': 15, 'font-weight': 'bold' }),
    ...y.ticks.flatMap((tick) => [
      line(MARGIN.left, y(tick), WIDTH - MARGIN.right, y(tick), { stroke: '#e0e0e0' }),
      text(MARGIN.left - 6, y(tick) + 4, tickLabel(tick), { 'text-anchor': 'end', fill: '#444' }),
    ]),
    text(16, middle, yLabel, { 'text-anchor': 'middle', transform: `rotate(-90 16 ${num(middle)})` }),
    line(MARGIN.left, PLOT_BOTTOM, WIDTH - MARGIN.right, PLOT_BOTTOM, { stroke: '#444' }),
  ];
}

/** Legend entries, three per row, starting at `top`. */
export function legend(entries: readonly LegendEntry[], top: number): string[] {
  const column = (WIDTH - MARGIN.left - MARGIN.right) / 3;
  return entries.flatMap((entry, i) => {
    const x = MARGIN.left + (i % 3) * column;
    const y = top + Math.floor(i / 3) * 18;
    const swatch = entry.dashed
      ? line(x, y - 4, x + 18, y - 4, { stroke: entry.colour, 'stroke-width': 2, 'stroke-dasharray': '5 3' })
      : el('rect', { x, y: y - 9, width: 18, height: 10, fill: entry.colour });
    return [swatch, text(x + 24, y, entry.name)];
  });
}

/** A small grey note in the bottom right corner. */
export function note(content: string, height: number): string {
  return text(WIDTH - MARGIN.right, height - 6, content, { 'text-anchor': 'end', fill: '#666', 'font-size': 11 });
}
