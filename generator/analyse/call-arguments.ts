import type { Expression } from 'luaparse';
import type { LuagenConfig } from '../config';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { ParsedScript } from '../parse/parsed-script';
import { findRedisCalls } from './redis-call';
import { reporter } from './report';

const REFUSED = "Redis fails with 'Lua redis lib command arguments must be strings or integers'";

/** Literal values `redis.call` refuses as arguments: booleans, nil, tables and functions (LG209). */
export function checkCallArguments(script: ParsedScript, _config: LuagenConfig): Diagnostic[] {
  if (!script.chunk) return [];
  const diagnostics: Diagnostic[] = [];
  const report = reporter(script, diagnostics);
  for (const call of findRedisCalls(script.chunk)) {
    call.args.forEach((arg, index) => {
      const problem = refusedArgument(arg);
      if (!problem) return;
      const position = index === 0 ? 'the command name' : `argument ${index + 1}`;
      report(arg, 'LG209', `redis.${call.method} ${position} is ${problem.what}: ${REFUSED}`, problem.help);
    });
  }
  return diagnostics;
}

function refusedArgument(arg: Expression): { what: string; help: string } | undefined {
  switch (arg.type) {
    case 'BooleanLiteral':
      return { what: `'${arg.value}'`, help: "pass a string or an integer, e.g. '1' / '0' (or tostring(flag))" };
    case 'NilLiteral':
      return { what: "'nil'", help: 'leave the argument out, or pass a string such as an empty string' };
    case 'TableConstructorExpression':
      return { what: 'a table', help: 'pass the elements themselves with unpack(t), or a string made with cjson.encode(t)' };
    case 'FunctionDeclaration':
      return { what: 'a function', help: 'pass strings or integers only' };
    default:
      return undefined;
  }
}
