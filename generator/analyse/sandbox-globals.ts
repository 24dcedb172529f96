import type { Expression, Node } from 'luaparse';
import type { LuagenConfig } from '../config';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { ParsedScript } from '../parse/parsed-script';
import { closest } from '../parse/suggest';
import { serverProfile, type ServerProfile } from '../profiles/server-profiles';
import { reporter, type Report } from './report';
import { isGlobalIdentifier, isLocalIdentifier, walk } from './walk';

/** The globals of Redis 7's Lua sandbox (see shared/redis-lua-facts.md); everything else is nil and read-only. */
export const REDIS_GLOBALS: ReadonlySet<string> = new Set([
  'KEYS', 'ARGV', 'redis', 'cjson', 'cmsgpack', 'bit', 'struct', 'string', 'table', 'math',
  'assert', 'error', 'ipairs', 'pairs', 'next', 'pcall', 'xpcall', 'rawget', 'rawset', 'rawequal', 'select',
  'setmetatable', 'getmetatable', 'tonumber', 'tostring', 'type', 'unpack', 'load', 'loadstring',
  'coroutine', 'collectgarbage', 'gcinfo', '_G', '_VERSION', '__redis__err__handler',
]);

/** The sandbox's globals on one server profile: `os` (os.clock) from Redis 7.4 / Valkey 8.0, `server` on Valkey. */
function globalsOf(profile: ServerProfile): ReadonlySet<string> {
  if (!profile.osClock && !profile.serverApi) return REDIS_GLOBALS;
  return new Set([...REDIS_GLOBALS, ...(profile.osClock ? ['os'] : []), ...(profile.serverApi ? ['server'] : [])]);
}

/** Tables a script may write into: the rest of the sandbox is read-only. */
const WRITABLE_GLOBALS: ReadonlySet<string> = new Set(['KEYS', 'ARGV']);

const MISSING_HELP: Readonly<Record<string, string>> = {
  print: "scripts have no stdout: log with redis.log(redis.LOG_NOTICE, message), or return the value",
  os: "the os library is not loaded before Redis 7.4 / Valkey 8.0 (os.clock only there): use redis.call('TIME') for the clock",
  server: "server.* is Valkey's name for redis.*: write redis.call(...), or build for --server valkey-7.2 or newer",
  io: 'scripts cannot do I/O: pass data in through KEYS/ARGV and return it in the reply',
  require: 'scripts cannot load modules: cjson, cmsgpack, bit and struct are already globals',
  package: 'scripts cannot load modules: cjson, cmsgpack, bit and struct are already globals',
  debug: 'the debug library is not loaded in Redis',
  getfenv: 'getfenv/setfenv are not loaded in Redis: keep state in locals',
  setfenv: 'getfenv/setfenv are not loaded in Redis: keep state in locals',
  dofile: 'scripts cannot read files: pass data in through ARGV',
  loadfile: 'scripts cannot read files: pass data in through ARGV',
};

/**
 * The sandbox: assigning a global or a library table's field (LG204), and reading a global that Redis's Lua
 * does not define (LG205), such as `os`, `print` or a misspelled local.
 */
export function checkSandboxGlobals(script: ParsedScript, config: LuagenConfig): Diagnostic[] {
  if (!script.chunk) return [];
  const diagnostics: Diagnostic[] = [];
  const report = reporter(script, diagnostics);
  const globals = globalsOf(serverProfile(config.server));
  const targets = assignmentTargets(script.chunk);
  const assignedNames = new Set<string>();
  for (const target of targets) checkAssignment(target, report, assignedNames, globals);
  const localNames = new Set<string>();
  walk(script.chunk, (node) => {
    if (isLocalIdentifier(node)) localNames.add(node.name);
  });
  const candidates = [...globals, ...localNames];
  walk(script.chunk, (node) => {
    if (!isGlobalIdentifier(node) || targets.has(node)) return;
    if (globals.has(node.name) || assignedNames.has(node.name)) return;
    report(node, 'LG205', `'${node.name}' is not defined: Redis fails with "Script attempted to access nonexistent global variable '${node.name}'"`, missingHelp(node.name, candidates));
  });
  return diagnostics;
}

/** Every expression the script assigns to (`x = ...`, `t.f = ...`, `function m.f() end`). */
function assignmentTargets(root: Node): Set<Expression> {
  const targets = new Set<Expression>();
  walk(root, (node) => {
    if (node.type === 'AssignmentStatement') for (const variable of node.variables) targets.add(variable);
    if (node.type === 'FunctionDeclaration' && !node.isLocal && node.identifier) targets.add(node.identifier);
  });
  return targets;
}

function checkAssignment(target: Expression, report: Report, assignedNames: Set<string>, globals: ReadonlySet<string>): void {
  if (isGlobalIdentifier(target)) {
    assignedNames.add(target.name);
    const help = `declare it local: 'local ${target.name} = ...' (or 'local function ${target.name}(...)')`;
    report(target, 'LG204', `assignment to global '${target.name}': Redis 7 fails with 'Attempt to modify a readonly table'`, help);
    return;
  }
  if (target.type !== 'MemberExpression' && target.type !== 'IndexExpression') return;
  const base = target.base;
  if (!isGlobalIdentifier(base) || WRITABLE_GLOBALS.has(base.name) || !globals.has(base.name)) return;
  const help = `the sandbox's tables are read-only in Redis 7: keep your value in a local table instead of '${base.name}'`;
  report(target, 'LG204', `assignment into global table '${base.name}': Redis 7 fails with 'Attempt to modify a readonly table'`, help);
}

function missingHelp(name: string, candidates: readonly string[]): string {
  const known = MISSING_HELP[name];
  if (known) return known;
  const suggestion = closest(name, candidates.filter((c) => c !== name));
  if (suggestion) return `did you mean '${suggestion}'?`;
  return `declare it with 'local ${name} = ...' before use, or pass the value in through ARGV`;
}
