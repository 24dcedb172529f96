import { checkNameCollisions, namesFromPath, type ScriptNames } from '../../generator/model/naming';

function names(file: string, srcDir = 'lua'): ScriptNames {
  const result = namesFromPath(file, srcDir);
  if ('code' in result) throw new Error(result.message);
  return result;
}

describe('namesFromPath', () => {
  it.each([
    ['lua/ratelimit/sliding_window.lua', 'lua', 'ratelimit.slidingWindow', 'ratelimitSlidingWindow', 'ratelimit/slidingWindow'],
    ['lua/get-and-expire.lua', 'lua', 'getAndExpire', 'getAndExpire', 'getAndExpire'],
    ['app/lua/shop/cart/add_items.lua', 'app/lua', 'shop.cart.addItems', 'shopCartAddItems', 'shop/cart/addItems'],
    ['x.lua', '.', 'x', 'x', 'x'],
  ])('%s', (file, srcDir, id, command, modulePath) => {
    expect(names(file, srcDir)).toMatchObject({ id, command, modulePath });
  });

  it.each(['lua/2fa/check.lua', 'lua/a b.lua', 'lua/_private.lua'])('rejects %s with LG104', (file) => {
    expect(namesFromPath(file, 'lua')).toMatchObject({ code: 'LG104', line: 1, column: 1 });
  });
});

describe('checkNameCollisions', () => {
  const check = (...files: string[]) => checkNameCollisions(files.map((file) => ({ file, names: names(file) }))).map((d) => `${d.file} ${d.code}`);

  it('finds scripts that map to one name, ioredis methods, and script/namespace clashes', () => {
    expect(check('lua/a/b_c.lua', 'lua/a_b/c.lua')).toEqual(['lua/a_b/c.lua LG101']);
    expect(check('lua/a.lua', 'lua/a_buffer.lua')).toEqual(['lua/a_buffer.lua LG101']);
    expect(check('lua/get.lua', 'lua/pipeline.lua', 'lua/hgetallBuffer.lua')).toEqual(['lua/get.lua LG102', 'lua/pipeline.lua LG102', 'lua/hgetallBuffer.lua LG102']);
    expect(check('lua/lock.lua', 'lua/lock/acquire.lua')).toEqual(['lua/lock.lua LG103']);
    expect(check('lua/reply.lua', 'lua/script_code.lua', 'lua/queued.lua', 'lua/scripts.lua')).toEqual(['lua/reply.lua LG105', 'lua/script_code.lua LG105', 'lua/queued.lua LG105', 'lua/scripts.lua LG105']);
  });

  it('accepts distinct names', () => {
    expect(check('lua/lock/acquire.lua', 'lua/lock/release.lua', 'lua/basic/get.lua')).toEqual([]);
  });
});
