import { closest } from './suggest';
import { SCALAR_KINDS, type LuaType, type ScalarKind, type TupleField } from '../model/lua-type';

/** A type parsed from the start of a piece of header text. */
export interface TypeParseSuccess {
  readonly ok: true;
  readonly type: LuaType;
  /** Characters consumed, including trailing white space. */
  readonly length: number;
}

export interface TypeParseFailure {
  readonly ok: false;
  /** 0-based offset of the offending character in the text. */
  readonly offset: number;
  readonly message: string;
  readonly help: string;
}

export type TypeParseResult = TypeParseSuccess | TypeParseFailure;

interface Token {
  readonly kind: 'ident' | 'string' | 'punct' | 'unterminated' | 'end';
  readonly text: string;
  readonly offset: number;
}

const TYPE_HELP =
  "types are integer, number, string, boolean, ok, nil, json, buffer, raw, 'literal' | 'union', T?, T[], " +
  '[name: T, ...] and table<string, T>';

class TypeSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string,
    readonly suggestion?: string,
  ) {
    super(message);
  }
}

const SPACE = /\s+/y;
const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*/y;
const PUNCTUATION = '[]<>,:|?()';

/**
 * Reads the tokens of a type one at a time, as the parser asks for them: the text after the type (a
 * description) is never read. After an unterminated string literal there is no further token (not even `end`).
 */
class Lexer {
  private offset = 0;
  private finished = false;

  constructor(private readonly text: string) {}

  next(): Token | undefined {
    if (this.finished) return undefined;
    const { text } = this;
    SPACE.lastIndex = this.offset;
    if (SPACE.test(text)) this.offset = SPACE.lastIndex;
    const i = this.offset;
    const ch = text[i];
    IDENTIFIER.lastIndex = i;
    const identifier = i < text.length ? IDENTIFIER.exec(text) : null;
    if (identifier) {
      this.offset += identifier[0].length;
      return { kind: 'ident', text: identifier[0], offset: i };
    }
    if (ch === "'" || ch === '"') return this.stringLiteral(ch, i);
    if (text.startsWith('[]', i)) {
      this.offset += 2;
      return { kind: 'punct', text: '[]', offset: i };
    }
    if (ch !== undefined && PUNCTUATION.includes(ch)) {
      this.offset++;
      return { kind: 'punct', text: ch, offset: i };
    }
    // The end of the text, or anything else: the rest is free text (a description).
    this.finished = true;
    return { kind: 'end', text: '', offset: i };
  }

  private stringLiteral(quote: string, i: number): Token {
    const end = this.text.indexOf(quote, i + 1);
    if (end < 0) {
      // Only an error where a type is expected: a description may well contain an apostrophe.
      this.finished = true;
      return { kind: 'unterminated', text: this.text.slice(i), offset: i };
    }
    this.offset = end + 1;
    return { kind: 'string', text: this.text.slice(i + 1, end), offset: i };
  }
}

class TypeParser {
  private index = 0;
  /** The tokens read so far; the parser looks at most one token ahead. */
  private readonly tokens: Token[] = [];

  constructor(private readonly lexer: Lexer) {}

  get current(): Token {
    while (this.tokens.length <= this.index) {
      const token = this.lexer.next();
      if (!token) break;
      this.tokens.push(token);
    }
    return this.tokens[this.index];
  }

  parseType(): LuaType {
    const first = this.parsePostfix();
    if (!this.isPunct('|')) return first;
    const values = [this.literalOf(first, this.current.offset)];
    while (this.isPunct('|')) {
      this.index++;
      const start = this.current.offset;
      values.push(this.literalOf(this.parsePostfix(), start));
    }
    return { kind: 'literal', values: values.flat() };
  }

  private literalOf(type: LuaType, offset: number): readonly string[] {
    if (type.kind !== 'literal') throw new TypeSyntaxError(offset, 'only string literals can form a union');
    return type.values;
  }

  private parsePostfix(): LuaType {
    let type = this.parsePrimary();
    for (;;) {
      if (this.isPunct('[]')) {
        this.index++;
        type = { kind: 'array', element: type };
      } else if (this.isPunct('?')) {
        if (type.kind === 'optional') throw new TypeSyntaxError(this.current.offset, "'?' is repeated");
        this.index++;
        type = { kind: 'optional', inner: type };
      } else {
        return type;
      }
    }
  }

  private parsePrimary(): LuaType {
    const token = this.current;
    if (token.kind === 'string') {
      this.index++;
      return { kind: 'literal', values: [token.text] };
    }
    if (token.kind === 'unterminated') throw new TypeSyntaxError(token.offset, 'unterminated string literal');
    if (this.isPunct('(')) {
      this.index++;
      const inner = this.parseType();
      this.expect(')');
      return inner;
    }
    if (this.isPunct('[')) return this.parseTuple();
    if (token.kind === 'ident' && token.text === 'table') return this.parseRecord();
    if (token.kind === 'ident' && (SCALAR_KINDS as readonly string[]).includes(token.text)) {
      this.index++;
      return { kind: token.text as ScalarKind };
    }
    if (token.kind === 'ident') {
      throw new TypeSyntaxError(token.offset, `unknown type '${token.text}'`, closest(token.text, [...SCALAR_KINDS, 'table']));
    }
    const found = token.kind === 'end' ? 'end of line' : `'${token.text}'`;
    throw new TypeSyntaxError(token.offset, `expected a type, found ${found}`);
  }

  private parseTuple(): LuaType {
    this.expect('[');
    const fields: TupleField[] = [];
    do {
      if (fields.length > 0) this.expect(',');
      const name = this.current;
      if (name.kind !== 'ident') throw new TypeSyntaxError(name.offset, 'expected a field name (as in [name: type])');
      if (name.text === '__proto__') {
        throw new TypeSyntaxError(name.offset, `a field named '__proto__' would set the prototype of the decoded object`);
      }
      if (fields.some((f) => f.name === name.text)) {
        throw new TypeSyntaxError(name.offset, `field '${name.text}' is repeated`);
      }
      this.index++;
      this.expect(':');
      fields.push({ name: name.text, type: this.parseType() });
    } while (this.isPunct(','));
    this.expect(']');
    return { kind: 'tuple', fields };
  }

  private parseRecord(): LuaType {
    this.index++;
    this.expect('<');
    const keyType = this.current;
    if (keyType.kind !== 'ident' || keyType.text !== 'string') {
      throw new TypeSyntaxError(keyType.offset, 'table keys must be string (as in table<string, T>)');
    }
    this.index++;
    this.expect(',');
    const value = this.parseType();
    this.expect('>');
    return { kind: 'record', value };
  }

  private isPunct(text: string): boolean {
    return this.current.kind === 'punct' && this.current.text === text;
  }

  private expect(text: string): void {
    if (!this.isPunct(text)) {
      const found = this.current.kind === 'end' ? 'end of line' : `'${this.current.text}'`;
      throw new TypeSyntaxError(this.current.offset, `expected '${text}', found ${found}`);
    }
    this.index++;
  }
}

/**
 * Parses a type from the start of `text`. What follows the type (a description) is left unconsumed.
 */
export function parseTypePrefix(text: string): TypeParseResult {
  try {
    const parser = new TypeParser(new Lexer(text));
    const type = parser.parseType();
    const rest = parser.current.offset;
    const length = rest + (/^\s*/.exec(text.slice(rest))?.[0].length ?? 0);
    return { ok: true, type, length };
  } catch (error) {
    if (error instanceof TypeSyntaxError) {
      const help = error.suggestion ? `did you mean '${error.suggestion}'? ${TYPE_HELP}` : TYPE_HELP;
      return { ok: false, offset: error.offset, message: error.message, help };
    }
    throw error;
  }
}
