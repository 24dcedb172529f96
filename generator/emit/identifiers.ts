/**
 * Words that cannot name a parameter or variable in a module (ECMAScript reserved words, the strict-mode
 * ones, `await` in modules, and `arguments`/`eval`, which strict code cannot bind).
 */
const RESERVED = new Set([
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum',
  'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null',
  'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with',
  'implements', 'interface', 'let', 'package', 'private', 'protected', 'public', 'static', 'yield', 'await',
  'arguments', 'eval',
]);

/**
 * A parameter name for a header name (`@key`, `@arg`) in a generated signature. Header names are letters,
 * digits and `_`, so `$` marks a renamed one and never collides: `new` → `new$`; `taken` holds names the
 * signature already uses (`callback`).
 */
export function parameterName(name: string, taken: ReadonlySet<string> = new Set()): string {
  return RESERVED.has(name) || taken.has(name) ? `${name}$` : name;
}
