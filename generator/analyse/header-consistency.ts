import type { Diagnostic, Position } from '../diagnostics/diagnostic';
import type { DiagnosticCode } from '../diagnostics/codes';
import type { ParsedScript } from '../parse/parsed-script';

/**
 * The header against itself: unique names and codes, variadic and optional parameters last, one @return.
 */
export function checkHeaderConsistency(script: ParsedScript): Diagnostic[] {
  const { header, file } = script;
  const diagnostics: Diagnostic[] = [];
  const report = (at: Position, code: DiagnosticCode, message: string, help: string) =>
    diagnostics.push({ file, line: at.line, column: at.column, code, severity: 'error', message, help });

  const seen = new Map<string, Position>();
  for (const param of [...header.keys, ...header.args]) {
    const first = seen.get(param.name);
    if (first) {
      report(param, 'LG005', `'${param.name}' is declared twice (first at line ${first.line})`, 'keys and arguments share one input object: give each a distinct name');
    } else {
      seen.set(param.name, param);
    }
  }
  const codes = new Set<string>();
  for (const error of header.errors) {
    if (codes.has(error.code)) report(error, 'LG005', `error code ${error.code} is declared twice`, 'remove the repeated @error line');
    codes.add(error.code);
  }

  header.keys.forEach((key, index) => {
    if (key.variadic && index < header.keys.length - 1) {
      report(key, 'LG007', `variadic key '...${key.name}' must be the last @key`, 'move it below the other @key lines');
    }
  });
  let optionalSeen: string | undefined;
  header.args.forEach((arg, index) => {
    if (arg.variadic && index < header.args.length - 1) {
      report(arg, 'LG007', `variadic argument '...${arg.name}' must be the last @arg`, 'move it below the other @arg lines');
    }
    if (arg.variadic && optionalSeen) {
      report(arg, 'LG007', `variadic '...${arg.name}' cannot follow optional '${optionalSeen}'`, 'make the optional arguments required, or pass them inside the variadic tail');
    }
    if (!arg.optional && !arg.variadic && optionalSeen) {
      report(arg, 'LG007', `required argument '${arg.name}' follows optional '${optionalSeen}'`, 'optional arguments must come last: reorder the @arg lines');
    }
    if (arg.optional) optionalSeen ??= arg.name;
  });

  checkPrefixes(script, report);
  diagnostics.push(...checkIdempotent(script));

  if (header.endLine > 0 && header.returns.length === 0 && !header.brokenTags.includes('return')) {
    report({ line: header.endLine, column: 1 }, 'LG008', 'the header has no @return', "declare the reply, e.g. '--- @return integer', or '--- @return nil' when it is not used");
  }
  for (const extra of header.returns.slice(1)) {
    report(extra, 'LG008', '@return is declared more than once', 'a script has one reply: describe several values as a tuple, e.g. [a: integer, b: string]');
  }
  return diagnostics;
}

/** Each `@prefix` names a declared key (not a variadic tail) or a required, plain `string` argument, once. */
function checkPrefixes(script: ParsedScript, report: (at: Position, code: DiagnosticCode, message: string, help: string) => void): void {
  const named = new Set<string>();
  for (const prefix of script.header.prefixes) {
    const key = script.header.keys.find((k) => k.name === prefix.name);
    const arg = script.header.args.find((a) => a.name === prefix.name);
    const help = 'name a key declared with @key, or a required argument declared with @arg name string';
    if (named.has(prefix.name)) report(prefix, 'LG005', `@prefix ${prefix.name} is declared twice`, 'remove the repeated @prefix line');
    else if (key?.variadic) report(prefix, 'LG017', `@prefix cannot name the variadic keys '...${prefix.name}'`, help);
    else if (arg && (arg.optional || arg.variadic || arg.type.kind !== 'string')) {
      report(prefix, 'LG017', `@prefix ${prefix.name} must name a required string argument`, `declare it as '--- @arg ${prefix.name} string'`);
    } else if (!key && !arg) report(prefix, 'LG017', `@prefix names '${prefix.name}', which is neither a key nor an argument`, help);
    named.add(prefix.name);
  }
}

/** The name of the request id in the input of an `@idempotent` script. */
export const REQUEST_ID = 'requestId';

/**
 * `@idempotent` needs a script that writes, a first key (its request record lives in that key's slot) and the
 * input field `requestId` for itself.
 */
function checkIdempotent(script: ParsedScript): Diagnostic[] {
  const { header, file } = script;
  const tag = header.idempotent;
  if (!tag) return [];
  const problem = (message: string, help: string): Diagnostic[] => [
    { file, line: tag.line, column: tag.column, code: 'LG012', severity: 'error', message, help },
  ];
  if (header.readonly || header.shebang?.flags.includes('no-writes')) {
    return problem('a read-only script cannot be @idempotent', 'it writes nothing, so running it twice is harmless: remove @idempotent');
  }
  if (header.keys.length === 0) {
    return problem('an @idempotent script needs a @key', 'its request record is stored next to the first key (same hash slot): declare the keys the script uses');
  }
  const clash = [...header.keys, ...header.args].find((p) => p.name === REQUEST_ID || p.name === 'requestRecordKey');
  if (clash) {
    return problem(`'${clash.name}' is a name luagen gives the request of an @idempotent script`, `rename the ${header.keys.includes(clash as never) ? 'key' : 'argument'} declared at line ${clash.line}`);
  }
  return [];
}
