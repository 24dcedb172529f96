/** A tiny SVG writer: elements as text, attributes escaped, numbers rounded so the output is stable. */

export type Attributes = Readonly<Record<string, string | number | undefined>>;

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A coordinate or length with at most one decimal (`12.5`, `-3`), never `-0`. */
export function num(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

function attributeText(attributes: Attributes): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${typeof value === 'number' ? num(value) : escapeXml(value)}"`)
    .join('');
}

/** `<tag a="1">children</tag>`, or `<tag a="1"/>` without children. Children are already SVG text. */
export function el(tag: string, attributes: Attributes, ...children: readonly string[]): string {
  const open = `<${tag}${attributeText(attributes)}`;
  return children.length === 0 ? `${open}/>` : `${open}>${children.join('')}</${tag}>`;
}

export function text(x: number, y: number, content: string, attributes: Attributes = {}): string {
  return el('text', { x, y, ...attributes }, escapeXml(content));
}

export function line(x1: number, y1: number, x2: number, y2: number, attributes: Attributes = {}): string {
  return el('line', { x1, y1, x2, y2, ...attributes });
}

/** A whole document: fixed size, a white background, system fonts, one element per line. */
export function svgDocument(width: number, height: number, title: string, body: readonly string[]): string {
  const root = {
    xmlns: 'http://www.w3.org/2000/svg',
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    'font-family': 'system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif',
    'font-size': 12,
    role: 'img',
  };
  const inner = [el('title', {}, escapeXml(title)), el('rect', { width, height, fill: '#ffffff' }), ...body];
  return `${el('svg', root, '\n', inner.join('\n'), '\n')}\n`;
}

/** A colour-blind-safe palette (Okabe–Ito), in series order. */
export const PALETTE: readonly string[] = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
