import { checkNameCollisions } from '../../generator/model/name-collisions';
import { namesFromPath, type ScriptNames } from '../../generator/model/naming';

function names(file: string, srcDir = 'lua'): ScriptNames {
  const result = namesFromPath(file, srcDir);
  if ('code' in result) throw new Error(result.message);
  return result;
}

describe('namesFromPath', () => {
  it.each([
    ['lua/ratelimit/sliding_window.lua', 'lua', 'ratelimit.slidingWindow', 'ratelimitSlidingWindow', 'luagen_ratelimit_slidingWindow', 'ratelimit/slidingWindow'],
    ['lua/get-and-expire.lua', 'lua', 'getAndExpire', 'getAndExpire', 'luagen_getAndExpire', 'getAndExpire'],
    ['app/lua/shop/cart/add_items.lua', 'app/lua', 'shop.cart.addItems', 'shopCartAddItems', 'luagen_shop_cart_addItems', 'shop/cart/addItems'],
    ['x.lua', '.', 'x', 'x', 'luagen_x', 'x'],
    ['../pkg/lua/get.lua', '../pkg/lua', 'get', 'get', 'luagen_get', 'get'],
  ])('%s', (file, srcDir, id, exportName, command, modulePath) => {
    expect(names(file, srcDir)).toMatchObject({ id, exportName, command, modulePath });
  });

  it.each(['lua', './lua', 'lua/', './lua//', 'lua/.'])('takes the script folder spelled %s', (srcDir) => {
    expect(names('lua/a/b_c.lua', srcDir)).toMatchObject({ id: 'a.bC', modulePath: 'a/bC' });
  });

  it.each(['lua/2fa/check.lua', 'lua/a b.lua', 'lua/_private.lua', 'other/x.lua'])('rejects %s with LG104', (file) => {
    expect(namesFromPath(file, 'lua')).toMatchObject({ code: 'LG104', line: 1, column: 1 });
  });

  it('gives every dotted name its own command, which no exported name can equal', () => {
    const all = ['lua/a/b_c.lua', 'lua/a_b/c.lua', 'lua/aB/c.lua', 'lua/luagen_a.lua'].map((f) => names(f));
    expect(all.map((n) => n.command)).toEqual(['luagen_a_bC', 'luagen_aB_c', 'luagen_aB_c', 'luagen_luagenA']);
    expect(all.some((n) => n.exportName.includes('_') || n.id.includes('_'))).toBe(false);
  });
});

describe('checkNameCollisions', () => {
  const check = (...files: string[]) => checkNameCollisions(files.map((file) => ({ file, names: names(file) }))).map((d) => `${d.file} ${d.code}`);

  it('finds scripts that map to one name, script/namespace clashes and exported names', () => {
    expect(check('lua/a/b_c.lua', 'lua/a_b/c.lua')).toEqual(['lua/a_b/c.lua LG101']);
    expect(check('lua/a.lua', 'lua/a_buffer.lua')).toEqual(['lua/a_buffer.lua LG101']);
    expect(check('lua/lock.lua', 'lua/lock/acquire.lua')).toEqual(['lua/lock.lua LG103']);
    expect(check('lua/reply.lua', 'lua/script_code.lua', 'lua/queued.lua', 'lua/scripts.lua')).toEqual(['lua/reply.lua LG105', 'lua/script_code.lua LG105', 'lua/queued.lua LG105', 'lua/scripts.lua LG105']);
  });

  it('finds names that differ only in letter case (one file on macOS and Windows), or whose types would', () => {
    expect(check('lua/Foo.lua', 'lua/foo.lua')).toEqual(['lua/foo.lua LG101']);
    expect(check('lua/Shop/a.lua', 'lua/shop/b.lua')).toEqual(['lua/shop/b.lua LG101']);
    expect(check('lua/a/b_c.lua', 'lua/AB/c.lua')).toEqual(['lua/AB/c.lua LG101']);
    expect(check('lua/Foo.lua', 'lua/foo/x.lua')).toEqual([]);
  });

  it('refuses names JavaScript calls on any object: then, toJSON, Object.prototype members', () => {
    expect(check('lua/then.lua', 'lua/jobs/then.lua', 'lua/toJSON.lua', 'lua/fmt/to_string.lua', 'lua/valueOf/x.lua')).toEqual([
      'lua/then.lua LG106', 'lua/jobs/then.lua LG106', 'lua/toJSON.lua LG106', 'lua/fmt/to_string.lua LG106', 'lua/valueOf/x.lua LG106',
    ]);
    expect(check('lua/then/x.lua', 'lua/to_json/x.lua')).toEqual([]);
  });

  it('accepts ioredis method and command names (commands are luagen_ prefixed), reserved words and globals', () => {
    expect(check('lua/get.lua', 'lua/status.lua', 'lua/mode.lua', 'lua/connect.lua', 'lua/pipeline.lua', 'lua/hgetallBuffer.lua')).toEqual([]);
    expect(check('lua/class.lua', 'lua/default.lua', 'lua/Object.lua', 'lua/Redis.lua', 'lua/exports.lua', 'lua/require.lua')).toEqual([]);
    expect(check('lua/lock/acquire.lua', 'lua/lock/release.lua', 'lua/basic/get.lua')).toEqual([]);
  });
});
