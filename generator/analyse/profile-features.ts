import type { LuagenConfig } from '../config';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { ParsedScript } from '../parse/parsed-script';
import { serverProfile, type ServerProfile } from '../profiles/server-profiles';
import { reporter } from './report';
import { isGlobalIdentifier, walk } from './walk';

/** `redis.*` members that appeared in Redis 7.0 (not in 6.2's scripting.c, in 7.0's script_lua.c). */
const API_SINCE_7_0: ReadonlySet<string> = new Set(['REDIS_VERSION', 'REDIS_VERSION_NUM', 'acl_check_cmd']);

/** Redis (7.4+) and Valkey (8.0+) load only this function of the `os` library. */
const OS_FUNCTIONS: ReadonlySet<string> = new Set(['clock']);

function newerProfile(profile: ServerProfile): string {
  return profile.name.startsWith('valkey') ? 'valkey-7.2' : 'redis-7.0';
}

/**
 * What the server profile (`--server`) lacks besides commands (LG218): a `#!lua` shebang before Redis 7.0,
 * `redis.REDIS_VERSION` / `acl_check_cmd` before 7.0, and any `os` function but `os.clock`. Commands are checked
 * in commands.ts (LG217), globals such as `os` and `server` in sandbox-globals.ts (LG205).
 */
export function checkProfileFeatures(script: ParsedScript, config: LuagenConfig): Diagnostic[] {
  const profile = serverProfile(config.server);
  const diagnostics: Diagnostic[] = [];
  const report = reporter(script, diagnostics);
  if (script.header.shebang && !profile.scriptFlags) {
    report({ line: 1, column: 1 }, 'LG218', `a '#!lua' shebang needs Redis 7.0; ${profile.title} fails to compile the script (server profile ${profile.name})`,
      `remove the shebang line (luagen leaves @readonly scripts without one for ${profile.name}), or build for --server ${newerProfile(profile)} or newer`);
  }
  if (!script.chunk) return diagnostics;
  walk(script.chunk, (node) => {
    if (node.type !== 'MemberExpression' || !isGlobalIdentifier(node.base)) return;
    const base = node.base.name;
    const member = node.identifier.name;
    if ((base === 'redis' || base === 'server') && API_SINCE_7_0.has(member) && !profile.scriptFlags) {
      report(node, 'LG218', `${base}.${member} needs Redis 7.0; it is nil on ${profile.title} (server profile ${profile.name})`,
        `build for --server ${newerProfile(profile)} or newer, or do without ${base}.${member}`);
    }
    if (base === 'os' && profile.osClock && !OS_FUNCTIONS.has(member)) {
      report(node, 'LG218', `os.${member} is not loaded: ${profile.title} gives scripts os.clock only`,
        "use redis.call('TIME') for the time of day, os.clock() for elapsed CPU time");
    }
  });
  return diagnostics;
}
