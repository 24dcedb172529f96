import type { LuagenConfig } from '../config';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { ParsedScript } from '../parse/parsed-script';
import { lookupCommand } from './command-table';
import { findRedisCalls } from './redis-call';
import { reporter } from './report';

const SCANS = new Set(['KEYS', 'SCAN']);

/**
 * `KEYS` / `SCAN` inside a script (LG216): on Redis Cluster they see only the keys of the node the script runs
 * on, and the keys they return were not declared; on any server `KEYS` walks the whole key space while the
 * script blocks every other client. A warning; an error under `--cluster`.
 */
export function checkKeyspaceScans(script: ParsedScript, config: LuagenConfig): Diagnostic[] {
  if (!script.chunk) return [];
  const diagnostics: Diagnostic[] = [];
  const report = reporter(script, diagnostics);
  for (const call of findRedisCalls(script.chunk)) {
    const lookup = lookupCommand(call);
    if (lookup.kind !== 'known' || !call.nameLiteral || !SCANS.has(lookup.info.display)) continue;
    const message = `${lookup.info.display} in a script reads the key space: it blocks the server while it runs, and on Redis Cluster it sees only the node the script runs on`;
    const help = 'keep an index of the keys (a set or sorted set passed in KEYS) and read that; scan from the client when you must';
    report(call.nameLiteral, 'LG216', message, help, config.cluster ? 'error' : undefined);
  }
  return diagnostics;
}
