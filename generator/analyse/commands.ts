import type { LuagenConfig } from '../config';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { ParsedScript } from '../parse/parsed-script';
import { closest } from '../parse/suggest';
import { COMMAND_NAMES, lookupCommand, type CommandInfo } from './command-table';
import { findRedisCalls, literalText, type RedisCall } from './redis-call';
import { reporter, type Report } from './report';
import { commandAvailability, serverProfile, type ServerProfile } from '../profiles/server-profiles';
import type { Node } from 'luaparse';

/**
 * `redis.call` / `redis.pcall` with a literal command name: the command exists (LG206), scripts may run it
 * (LG207), and it gets a number of arguments Redis accepts (LG208). What the table cannot answer is skipped.
 */
export function checkCommands(script: ParsedScript, config: LuagenConfig): Diagnostic[] {
  if (!script.chunk) return [];
  const diagnostics: Diagnostic[] = [];
  const report = reporter(script, diagnostics);
  const profile = serverProfile(config.server);
  for (const call of findRedisCalls(script.chunk)) checkCall(call, report, profile);
  return diagnostics;
}

function checkCall(call: RedisCall, report: Report, profile: ServerProfile): void {
  const lookup = lookupCommand(call);
  const at = call.nameLiteral;
  if (!at) return;
  if (lookup.kind === 'no-such-command' && commandAvailability(profile, lookup.name).kind === 'available') return;
  if (lookup.kind === 'no-such-command') {
    const suggestion = closest(lookup.name.toUpperCase(), COMMAND_NAMES);
    const help = suggestion ? `did you mean '${suggestion}'?` : 'check the spelling against https://redis.io/commands';
    report(at, 'LG206', `'${lookup.name}' is not a Redis command (Redis fails with 'Unknown Redis command called from script')`, help);
    return;
  }
  if (lookup.kind !== 'known') return;
  if (!checkProfile(lookup.info, profile, at, report)) return;
  const refused = refusalReason(lookup.info, call);
  if (refused) {
    report(at, 'LG207', `${lookup.info.display} is not allowed in scripts (${refused})`, refusalHelp(lookup.info));
    return;
  }
  const arityProblem = arityMismatch(lookup.info, call);
  if (arityProblem) report(at, 'LG208', arityProblem, `see https://redis.io/commands/${lookup.info.display.toLowerCase().replace(' ', '-')} for its syntax`);
}

/**
 * LG217: the command is newer than the server profile, or only the other product has it. True when it is
 * available (or the command metadata does not know it: nothing is certain then).
 */
function checkProfile(info: CommandInfo, profile: ServerProfile, at: Node, report: Report): boolean {
  const availability = commandAvailability(profile, info.display);
  const choose = '--server (or "server" in luagen.config.json)';
  if (availability.kind === 'newer') {
    report(at, 'LG217', `${info.display} needs ${profile.title.split(' ')[0]} ${availability.since}; the server profile is ${profile.name} (${profile.title})`,
      `build for a release that has it with ${choose}, or do without ${info.display}`);
    return false;
  }
  if (availability.kind === 'absent') {
    report(at, 'LG217', `${info.display} does not exist on ${profile.title} (it is a ${availability.elsewhere} command); the server profile is ${profile.name}`,
      `choose the server you run with ${choose}, or do without ${info.display}`);
    return false;
  }
  return true;
}

/** Why Redis 7 refuses the command inside a script, or undefined when it runs it. */
function refusalReason(info: CommandInfo, call: RedisCall): string | undefined {
  if (info.flags.includes('noscript')) return 'Redis fails with \'This Redis command is not allowed from script\'';
  if (!info.flags.includes('blocking')) return undefined;
  if (info.name === 'xread' || info.name === 'xreadgroup') {
    const blocks = call.args.slice(1).some((arg) => literalText(arg)?.toUpperCase() === 'BLOCK');
    return blocks ? `a script cannot block: Redis fails with '${info.display} command is not allowed with BLOCK option from scripts'` : undefined;
  }
  return 'a script cannot block: Redis fails with \'This Redis command is not allowed from script\'';
}

function refusalHelp(info: CommandInfo): string {
  if (info.flags.includes('blocking')) {
    return 'use the non-blocking form (LPOP, ZPOPMIN, LMOVE, XREAD without BLOCK) and let the client wait and retry';
  }
  return 'run this command from the client, outside the script';
}

/** A message when the literal argument count cannot satisfy the command's arity. */
function arityMismatch(info: CommandInfo, call: RedisCall): string | undefined {
  if (call.spreads) return undefined;
  const given = call.args.length - info.nameWords;
  const expected = Math.abs(info.arity) - info.nameWords;
  const exact = info.arity > 0;
  if (exact ? given === expected : given >= expected) return undefined;
  const wanted = `${exact ? 'exactly' : 'at least'} ${plural(expected, 'argument')}`;
  return `${info.display} takes ${wanted}, this call passes ${given} (Redis fails with 'Wrong number of args calling Redis command from script')`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
