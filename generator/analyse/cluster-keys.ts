import type { LuagenConfig } from '../config';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { ParsedScript } from '../parse/parsed-script';
import { keyPositions, lookupCommand } from './command-table';
import { keyOrigin, type PrefixSlots } from './key-origin';
import { findRedisCalls, literalText, type RedisCall } from './redis-call';
import { reporter, type Report } from './report';
import { resolveScopes, type Scopes } from './scope';

/**
 * Cluster safety (LG210): every key a command touches must come from KEYS, or Redis Cluster cannot route the
 * script to the node owning it. A warning, an error when the configuration says the scripts run on a cluster.
 */
export function checkClusterKeys(script: ParsedScript, config: LuagenConfig): Diagnostic[] {
  if (!script.chunk || script.header.shebang?.flags.includes('no-cluster')) return [];
  const diagnostics: Diagnostic[] = [];
  const report = reporter(script, diagnostics);
  const chunk = script.chunk;
  let resolved: Scopes | undefined;
  // Resolving locals costs a pass over the tree: only do it when a key argument is a local.
  const scopes: Scopes = { bindingOf: (identifier) => (resolved ??= resolveScopes(chunk)).bindingOf(identifier) };
  const prefixes = prefixSlots(script);
  for (const call of findRedisCalls(chunk)) checkCallKeys(call, scopes, prefixes, config, report);
  return diagnostics;
}

/** The 1-based KEYS and ARGV slots that `@prefix` lines name. */
function prefixSlots({ header }: ParsedScript): PrefixSlots {
  const slots = (params: readonly { name: string }[]) =>
    new Set(params.flatMap((param, index) => (header.prefixes.some((p) => p.name === param.name) ? [index + 1] : [])));
  return { KEYS: slots(header.keys), ARGV: slots(header.args) };
}

function checkCallKeys(call: RedisCall, scopes: Scopes, prefixes: PrefixSlots, config: LuagenConfig, report: Report): void {
  const lookup = lookupCommand(call);
  if (lookup.kind !== 'known') return;
  const { info } = lookup;
  if ((call.spreads && info.flags.includes('movablekeys')) || info.flags.includes('pubsub')) return;
  const visible = call.args.slice(1, call.spreads ? -1 : undefined);
  const words = visible.map(literalText);
  const positions = keyPositions(info, words);
  for (const position of positions ?? []) {
    const arg = visible[position];
    if (!arg || isSortPattern(info.name, words[position - 1])) continue;
    const origin = keyOrigin(arg, scopes, prefixes);
    if (origin?.kind !== 'other') continue;
    const message = `${info.display} uses ${origin.what} as a key, not a key passed in KEYS: on Redis Cluster the script may run on a node that does not own it`;
    const help = origin.what.includes('concatenation')
      ? "declare the key with '--- @key name' and pass it in KEYS; or, when the name starts with a key or string argument that carries the call's {hash tag}, declare that one with '--- @prefix name'"
      : "declare the key with '--- @key name' and pass it in KEYS; a key derived from another needs its own KEYS slot (share a {hash tag} to keep them in one slot)";
    report(arg, 'LG210', message, help, config.cluster ? 'error' : 'warning');
  }
}

/** SORT's BY and GET take patterns (`weight_*`, `nosort`, `#`), which @ioredis/commands lists as keys. */
function isSortPattern(command: string, previousWord: string | undefined): boolean {
  if (command !== 'sort' && command !== 'sort_ro') return false;
  const option = previousWord?.toUpperCase();
  return option === 'BY' || option === 'GET';
}
