import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import Redis from 'ioredis';
import * as luaparse from 'luaparse';
import { REDIS_GLOBALS } from '../../generator/analyse/sandbox-globals';
import { sharedRedisUrl } from '../runtime/clients';
import { REPO_ROOT } from '../support/generate-fixture';

/**
 * The LuaLS definitions luagen ships (templates/luals/redis.lua) against the sandbox of the real server: every
 * table, function and constant an EVAL script sees is declared, nothing else is, and the constants hold the
 * server's values.
 */
const LIBRARIES = ['redis', 'cjson', 'cmsgpack', 'bit', 'struct'] as const;

interface Declared {
  readonly globals: Set<string>;
  /** `library.member` -> 'function' or the declared value's Lua text (`@field`s: 'field'). */
  readonly members: Map<string, string>;
}

async function declared(): Promise<Declared> {
  const text = await fs.readFile(path.join(REPO_ROOT, 'templates', 'luals', 'redis.lua'), 'utf8');
  const chunk = luaparse.parse(text, { luaVersion: '5.1', comments: false });
  const globals = new Set<string>();
  const members = new Map<string, string>();
  const nameOf = (node: luaparse.Expression | luaparse.Identifier | luaparse.MemberExpression | null): string | undefined =>
    node?.type === 'Identifier' ? node.name : node?.type === 'MemberExpression' && node.base.type === 'Identifier' ? `${node.base.name}.${node.identifier.name}` : undefined;
  for (const statement of chunk.body) {
    if (statement.type === 'FunctionDeclaration') members.set(nameOf(statement.identifier)!, 'function');
    if (statement.type !== 'AssignmentStatement') continue;
    const name = nameOf(statement.variables[0]!)!;
    const init = statement.init[0]!;
    if (name.includes('.')) members.set(name, init.type === 'NumericLiteral' ? String(init.value) : init.type);
    else globals.add(name);
  }
  // `---@field name` lines describe the table assigned after them.
  let fields: string[] = [];
  for (const line of text.split('\n')) {
    const field = /^---@field (\w+)/.exec(line);
    if (field) fields.push(field[1]!);
    const assigned = /^(\w+) = \{\}/.exec(line);
    if (assigned) {
      for (const name of fields) members.set(`${assigned[1]}.${name}`, 'field');
      fields = [];
    }
  }
  return { globals, members };
}

/** `library.member` -> Lua type (and value, for numbers) as the server's sandbox has it. */
async function live(redis: Redis): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  for (const library of LIBRARIES) {
    const lua = `local r = {} for k, v in pairs(${library}) do r[#r + 1] = k; r[#r + 1] = type(v) == 'number' and tostring(v) or type(v) end return r`;
    const flat = (await redis.eval(lua, 0)) as string[];
    for (let i = 0; i < flat.length; i += 2) result.set(`${library}.${flat[i]}`, flat[i + 1]!);
  }
  return result;
}

describe('the LuaLS definitions of the Redis sandbox', () => {
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(sharedRedisUrl());
  });
  afterAll(() => redis?.quit());

  it('declare every global of the sandbox that Lua 5.1 itself lacks', async () => {
    const { globals } = await declared();
    const lua51 = ['string', 'table', 'math', 'coroutine', '_G', '_VERSION', 'assert', 'error', 'ipairs', 'pairs', 'next', 'pcall', 'xpcall',
      'rawget', 'rawset', 'rawequal', 'select', 'setmetatable', 'getmetatable', 'tonumber', 'tostring', 'type', 'unpack', 'load',
      'loadstring', 'collectgarbage', 'gcinfo', '__redis__err__handler'];
    expect([...globals].sort()).toEqual([...REDIS_GLOBALS].filter((name) => !lua51.includes(name)).sort());
  });

  it('declare exactly the members the real server exposes, functions as functions, constants with their values', async () => {
    const { members } = await declared();
    const server = await live(redis);
    expect([...members.keys()].sort()).toEqual([...server.keys()].sort());
    for (const [name, kind] of server) {
      const mine = members.get(name)!;
      if (kind === 'function') expect(`${name}: ${mine}`).toBe(`${name}: function`);
      else if (name === 'redis.REDIS_VERSION' || name === 'redis.REDIS_VERSION_NUM') expect(mine).not.toBe('function');
      else if (/^-?\d+$/.test(kind)) expect(`${name}: ${mine}`).toBe(`${name}: ${kind}`);
      else expect(`${name}: ${mine}`).not.toBe(`${name}: function`);
    }
  });
});
