import type { Diagnostic, Position } from '../diagnostics/diagnostic';
import type { DiagnosticCode } from '../diagnostics/codes';
import { ARGUMENT_SCALARS, typeToString, type LuaType } from '../model/lua-type';
import { TEST_CHECK_NAMES, type TestCheck } from '../model/test-checks';
import type { ArgTag, ErrorTag, IdempotentTag, KeyTag, PrefixTag, ReturnTag } from './header-ast';
import { closest } from './suggest';
import { parseTypePrefix } from './type-expression';

/** One `---` line: its text after the dashes and where that text starts. */
export interface TagLine {
  readonly file: string;
  readonly line: number;
  /** 1-based column of `text[0]`. */
  readonly column: number;
  readonly text: string;
}

export type Tag =
  | { tag: 'key'; value: KeyTag }
  | { tag: 'arg'; value: ArgTag }
  | { tag: 'return'; value: ReturnTag }
  | { tag: 'error'; value: ErrorTag }
  | { tag: 'prefix'; value: PrefixTag }
  | { tag: 'readonly'; value: Position }
  | { tag: 'idempotent'; value: IdempotentTag }
  | { tag: 'test-allow'; value: { check: TestCheck; description: string } };

export const TAGS = ['key', 'arg', 'return', 'error', 'prefix', 'readonly', 'idempotent', 'test-allow'] as const;

/** Names other tools use for our tags. */
const TAG_ALIASES: Record<string, string> = { param: 'arg', returns: 'return', keys: 'key', throws: 'error' };

const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
/** Tag names may hold a dash (`@test-allow`). */
const TAG_NAME = /^[A-Za-z_][A-Za-z0-9_-]*/;
const ERROR_CODE = /^[A-Z][A-Z0-9_]*$/;

/**
 * Names every object already has (`Object.prototype`'s members): an input object read by such a name yields
 * the inherited member when the caller leaves it out, and `__proto__` cannot even be written in an object
 * literal. Keys and arguments cannot take them.
 */
const OBJECT_MEMBER_NAMES: ReadonlySet<string> = new Set([
  '__proto__', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__',
  'constructor', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', 'toString', 'valueOf',
]);

interface Cursor {
  /** Offset into `line.text`. */
  offset: number;
}

/** Parses one tag line; reports problems into `diagnostics` and returns undefined for a broken tag. */
export function parseTag(line: TagLine, diagnostics: Diagnostic[]): Tag | undefined {
  const start = line.text.indexOf('@');
  const tagName = TAG_NAME.exec(line.text.slice(start + 1))?.[0] ?? '';
  const cursor: Cursor = { offset: start + 1 + tagName.length };
  const at = (offset: number): Position => ({ line: line.line, column: line.column + offset });
  const report = (offset: number, code: DiagnosticCode, message: string, help: string): undefined => {
    diagnostics.push({ file: line.file, ...at(offset), code, severity: 'error', message, help });
    return undefined;
  };
  const context: TagContext = { line, cursor, at, report };
  switch (tagName) {
    case 'key':
      return parseKey(context, at(start));
    case 'arg':
      return parseArg(context, at(start));
    case 'return':
      return parseReturn(context, at(start));
    case 'error':
      return parseError(context, at(start));
    case 'prefix':
      return parsePrefix(context, at(start));
    case 'readonly':
      return { tag: 'readonly', value: at(start) };
    case 'idempotent':
      return parseIdempotent(context, at(start));
    case 'test-allow':
      return parseTestAllow(context);
    default: {
      const suggestion = TAG_ALIASES[tagName] ?? closest(tagName, TAGS);
      const known = TAGS.map((t) => `@${t}`).join(', ');
      const help = suggestion ? `did you mean @${suggestion}? luagen knows ${known}` : `luagen knows ${known}`;
      return report(start, 'LG003', `unknown tag '@${tagName}'`, help);
    }
  }
}

interface TagContext {
  readonly line: TagLine;
  readonly cursor: Cursor;
  at(offset: number): Position;
  report(offset: number, code: DiagnosticCode, message: string, help: string): undefined;
}

const SPACE = /\s+/y;

function skipSpace({ line, cursor }: TagContext): void {
  SPACE.lastIndex = cursor.offset;
  if (SPACE.test(line.text)) cursor.offset = SPACE.lastIndex;
}

function rest({ line, cursor }: TagContext): string {
  return line.text.slice(cursor.offset).trim();
}

/** Reads `[...]name[?]` at the cursor. */
function readName(context: TagContext, usage: string) {
  skipSpace(context);
  const { line, cursor } = context;
  const offset = cursor.offset;
  const variadic = line.text.startsWith('...', offset);
  if (variadic) cursor.offset += 3;
  NAME.lastIndex = cursor.offset;
  const name = NAME.exec(line.text)?.[0];
  if (!name) {
    const found = line.text.slice(cursor.offset).trim().split(/\s+/)[0] ?? '';
    const what = found === '' ? 'a name is missing' : `'${found}' is not a valid name`;
    return context.report(cursor.offset, found === '' ? 'LG006' : 'LG011', what, `write ${usage}; names are letters, digits and _`);
  }
  if (OBJECT_MEMBER_NAMES.has(name)) {
    return context.report(
      cursor.offset,
      'LG011',
      `'${name}' is a member of every JavaScript object (Object.prototype), so it cannot name a key or argument`,
      `choose another name (e.g. ${name.replace(/^_+|_+$/g, '')}_value)`,
    );
  }
  cursor.offset += name.length;
  const optional = line.text[cursor.offset] === '?';
  if (optional) cursor.offset++;
  return { name, variadic, optional, position: context.at(offset) };
}

function parseKey(context: TagContext, position: Position): Tag | undefined {
  const name = readName(context, '@key name [description]');
  if (!name) return undefined;
  if (name.optional) {
    return context.report(context.cursor.offset - 1, 'LG006', 'keys cannot be optional', 'declare a variadic tail (@key ...name) for a varying number of keys');
  }
  return { tag: 'key', value: { line: position.line, column: position.column, name: name.name, variadic: name.variadic, description: rest(context) } };
}

function parsePrefix(context: TagContext, position: Position): Tag | undefined {
  const name = readName(context, '@prefix name [description]');
  if (!name) return undefined;
  if (name.optional || name.variadic) {
    return context.report(name.position.column - context.line.column, 'LG006', 'write the plain name of a key or argument after @prefix', `@prefix ${name.name}`);
  }
  return { tag: 'prefix', value: { line: position.line, column: position.column, name: name.name, description: rest(context) } };
}

function parseArg(context: TagContext, position: Position): Tag | undefined {
  const name = readName(context, '@arg name type [description]');
  if (!name) return undefined;
  if (name.optional && name.variadic) {
    return context.report(context.cursor.offset - 1, 'LG006', 'a variadic argument cannot also be optional', `it may already be empty: write @arg ...${name.name} type`);
  }
  skipSpace(context);
  const typeOffset = context.cursor.offset;
  const type = readType(context, '@arg name type [description]');
  if (!type) return undefined;
  const problem = argumentTypeProblem(type, name.name);
  if (problem) return context.report(typeOffset, 'LG004', problem.message, problem.help);
  return {
    tag: 'arg',
    value: {
      line: position.line,
      column: position.column,
      name: name.name,
      variadic: name.variadic,
      optional: name.optional,
      type,
      typePosition: context.at(typeOffset),
      description: rest(context),
    },
  };
}

function argumentTypeProblem(type: LuaType, name: string): { message: string; help: string } | undefined {
  if (type.kind === 'optional') {
    return { message: `argument types cannot end in '?'`, help: `mark the argument optional instead: @arg ${name}? ${typeToString(type.inner)}` };
  }
  if (type.kind === 'array') {
    return { message: 'an argument cannot be an array', help: `declare a variadic tail: @arg ...${name} ${typeToString(type.element)}` };
  }
  if (type.kind === 'literal' || (ARGUMENT_SCALARS as readonly string[]).includes(type.kind)) return undefined;
  return {
    message: `'${typeToString(type)}' is not an argument type`,
    help: `arguments are ${ARGUMENT_SCALARS.join(', ')} or a union of string literals ('a' | 'b'); use json for structured values`,
  };
}

function parseReturn(context: TagContext, position: Position): Tag | undefined {
  skipSpace(context);
  const type = readType(context, '@return type');
  if (!type) return undefined;
  return { tag: 'return', value: { line: position.line, column: position.column, type, description: rest(context) } };
}

function parseError(context: TagContext, position: Position): Tag | undefined {
  skipSpace(context);
  const { line, cursor } = context;
  const code = line.text.slice(cursor.offset).split(/\s+/)[0] ?? '';
  if (!ERROR_CODE.test(code)) {
    const what = code === '' ? 'an error code is missing' : `'${code}' is not a valid error code`;
    return context.report(cursor.offset, code === '' ? 'LG006' : 'LG009', what, 'error codes are UPPER_SNAKE_CASE words, as in @error INSUFFICIENT_FUNDS description');
  }
  cursor.offset += code.length;
  return { tag: 'error', value: { line: position.line, column: position.column, code, description: rest(context) } };
}

/** One day: long enough for any client retry, short enough that request records do not pile up. */
export const DEFAULT_IDEMPOTENT_TTL_SECONDS = 86_400;

const DURATION = /^(\d+)(s|m|h|d)?$/;
const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3_600, d: 86_400 };

/** `@idempotent [ttl]`, the ttl as `90s`, `30m`, `24h`, `7d` or plain seconds. */
function parseIdempotent(context: TagContext, position: Position): Tag | undefined {
  skipSpace(context);
  const text = rest(context).split(/\s+/)[0] ?? '';
  if (text === '') return { tag: 'idempotent', value: { ...position, ttlSeconds: DEFAULT_IDEMPOTENT_TTL_SECONDS } };
  const match = DURATION.exec(text);
  const ttlSeconds = match ? Number(match[1]) * UNIT_SECONDS[match[2] ?? 's'] : NaN;
  if (!match || !(ttlSeconds >= 1 && ttlSeconds <= 365 * 86_400)) {
    return context.report(context.cursor.offset, 'LG006', `'${text}' is not a request-record lifetime`, 'write @idempotent 24h (s, m, h or d, from 1s up to 365d), or @idempotent alone for one day');
  }
  return { tag: 'idempotent', value: { ...position, ttlSeconds } };
}

function readType(context: TagContext, usage: string): LuaType | undefined {
  const { line, cursor } = context;
  const parsed = parseTypePrefix(line.text.slice(cursor.offset));
  if (!parsed.ok) {
    const code = line.text.slice(cursor.offset).trim() === '' ? 'LG006' : 'LG004';
    const message = code === 'LG006' ? `a type is missing (${usage})` : `malformed type: ${parsed.message}`;
    return context.report(cursor.offset + parsed.offset, code, message, parsed.help);
  }
  cursor.offset += parsed.length;
  return parsed.type;
}

/** `@test-allow <check> <reason>`: `luagen test` skips that check for this script (docs/testing.md). */
function parseTestAllow(context: TagContext): Tag | undefined {
  skipSpace(context);
  const { line, cursor } = context;
  const check = line.text.slice(cursor.offset).split(/\s+/)[0] ?? '';
  const usage = `write @test-allow <check> <why it cannot hold>; checks: ${TEST_CHECK_NAMES.join(', ')}`;
  if (!(TEST_CHECK_NAMES as readonly string[]).includes(check)) {
    const suggestion = closest(check, TEST_CHECK_NAMES);
    const what = check === '' ? 'a check name is missing' : `unknown check '${check}'`;
    return context.report(cursor.offset, 'LG006', what, suggestion ? `did you mean ${suggestion}? ${usage}` : usage);
  }
  cursor.offset += check.length;
  const reason = rest(context);
  if (reason === '') return context.report(cursor.offset, 'LG006', `@test-allow ${check} needs a reason`, usage);
  return { tag: 'test-allow', value: { check: check as TestCheck, description: reason } };
}
