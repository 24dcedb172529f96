/**
 * The lua-language-server (LuaLS) settings `luagen editor` writes into `.luarc.json`, merged into what the file
 * already holds. LuaLS reads a setting flat (`"runtime.version"`, also `"Lua.runtime.version"`) or nested
 * (`"runtime": {"version": ...}`): an existing setting is updated where it is, a new one is added nested.
 */

/** Where `luagen editor` writes the definitions, relative to the project (a dot-folder: never a script). */
export const DEFINITIONS_DIR = '.luals';

/** Libraries LuaLS loads for Lua 5.1 that Redis's sandbox does not have. */
const MISSING_LIBRARIES = ['debug', 'io', 'os', 'package'];

/**
 * Diagnostics luagen's header syntax sets off: a labelled tuple (`@return [from: integer, to: integer]`)
 * is not LuaCATS, so LuaLS reports the `:` (luadoc-miss-symbol) and reads each label as a type name
 * (undefined-doc-name). luagen checks the header itself (`luagen build`).
 */
export const DISABLED_DIAGNOSTICS = ['luadoc-miss-symbol', 'undefined-doc-name'];

type JsonObject = Record<string, unknown>;

export interface LuarcMerge {
  readonly settings: JsonObject;
  /** One line per setting changed, e.g. `runtime.version: "Lua 5.4" -> "Lua 5.1"`. */
  readonly changes: readonly string[];
}

/** `existing` (parsed `.luarc.json`, or `{}`) with luagen's settings merged in; the input is not modified. */
export function mergeLuarc(existing: JsonObject): LuarcMerge {
  const settings = structuredClone(existing);
  const changes: string[] = [];
  const set = (key: string, value: unknown) => {
    const slot = locate(settings, key);
    const before = slot.read();
    if (JSON.stringify(before) === JSON.stringify(value)) return;
    slot.write(value);
    changes.push(`${key}: ${before === undefined ? '(unset)' : JSON.stringify(before)} -> ${JSON.stringify(value)}`);
  };
  const withAll = (key: string, items: readonly string[]) => {
    const current = locate(settings, key).read();
    const list = Array.isArray(current) ? current : [];
    set(key, [...list, ...items.filter((item) => !list.includes(item))]);
  };
  set('runtime.version', 'Lua 5.1');
  const builtin = locate(settings, 'runtime.builtin').read();
  const builtins = isObject(builtin) ? builtin : {};
  set('runtime.builtin', { ...builtins, ...Object.fromEntries(MISSING_LIBRARIES.map((name) => [name, 'disable'])) });
  withAll('workspace.library', [DEFINITIONS_DIR]);
  withAll('diagnostics.disable', DISABLED_DIAGNOSTICS);
  return { settings, changes };
}

interface Slot {
  read(): unknown;
  write(value: unknown): void;
}

/** The place of a dotted setting: a flat key if the file uses one, else the nested path. */
function locate(settings: JsonObject, key: string): Slot {
  const flat = [key, `Lua.${key}`].find((candidate) => candidate in settings);
  if (flat) return { read: () => settings[flat], write: (value) => (settings[flat] = value) };
  const parts = key.split('.');
  const last = parts.pop()!;
  const parent = (create: boolean): JsonObject | undefined => {
    let node: JsonObject = settings;
    for (const part of parts) {
      if (!isObject(node[part])) {
        if (!create) return undefined;
        node[part] = {};
      }
      node = node[part] as JsonObject;
    }
    return node;
  };
  return { read: () => parent(false)?.[last], write: (value) => (parent(true)![last] = value) };
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
