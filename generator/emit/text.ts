/** Small helpers for writing TypeScript source text. */

const NEEDS_ESCAPE = /[\\'\n\r\u2028\u2029]/;

/** A single-quoted TypeScript string literal. */
export function quote(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return `'${value}'`;
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `'${escaped}'`;
}

const TEMPLATE_ESCAPES = /[\\`\r]|\$\{/;

/**
 * A template literal holding `value` verbatim (multi-line text such as a Lua script stays readable). A CR is
 * written as `\r`: raw, JavaScript would read it (and CRLF) as LF, and the value would no longer be `value`.
 */
export function templateLiteral(value: string): string {
  if (!TEMPLATE_ESCAPES.test(value)) return `\`${value}\``;
  return '`' + value.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${').replace(/\r/g, '\\r') + '`';
}

/** Text safe inside a `/** ... *\/` comment. */
export function docText(value: string): string {
  return value.replace(/\*\//g, '*\\/');
}

/** Text safe on one `//` comment line: line breaks become spaces. */
export function lineCommentText(value: string): string {
  return value.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

/** A property key: bare when it is an identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : quote(name);
}
