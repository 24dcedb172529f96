import type { LuagenConfig } from '../config';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { ParsedScript } from '../parse/parsed-script';
import { lookupCommand } from './command-table';
import { findRedisCalls } from './redis-call';
import { reporter } from './report';

/** A `@readonly` (or `flags=no-writes`) script that calls a write command (LG211). */
export function checkReadonlyWrites(script: ParsedScript, _config: LuagenConfig): Diagnostic[] {
  const { chunk, header } = script;
  const declared = header.readonly ? '@readonly' : header.shebang?.flags.includes('no-writes') ? 'flags=no-writes' : undefined;
  if (!chunk || !declared) return [];
  const diagnostics: Diagnostic[] = [];
  const report = reporter(script, diagnostics);
  for (const call of findRedisCalls(chunk)) {
    const lookup = lookupCommand(call);
    if (lookup.kind !== 'known' || !call.nameLiteral || !lookup.info.flags.includes('write')) continue;
    const message = `${lookup.info.display} writes, but the script is declared ${declared}: Redis fails with 'Write commands are not allowed from read-only scripts'`;
    const help = `remove ${declared} if the script is meant to write, or move the write into another script`;
    report(call.nameLiteral, 'LG211', message, help);
  }
  return diagnostics;
}
