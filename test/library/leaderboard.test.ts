import { ScriptArgumentError, scripts as specs } from '../../generated';
import { connectLibrary, evalRaw, expectCode, expectRawCode, snapshot, type LibraryClient } from './connect';

let lib: LibraryClient;
beforeAll(() => {
  lib = connectLibrary('leaderboard');
});
afterAll(() => lib.close());

function newBoard(): string {
  return lib.key(`lb:${lib.unique()}`);
}

describe('leaderboard.updateScore', () => {
  it('takes scores only in decimal form: hexadecimal, spaces, inf and nan are refused before writing', async () => {
    const board = newBoard();
    for (const score of [' 1', '1 ', '0x10', 'inf', 'nan', '1e', '', '+1', '1-5']) {
      await expectRawCode(evalRaw(lib.redis, specs['leaderboard.updateScore'], [board], ['ann', score]), 'INVALID_ARGUMENT');
    }
    expect(await lib.redis.exists(board)).toBe(0);
    for (const [score, stored] of [['1500.5', '1500.5'], ['-2', '-2'], ['1e+21', '1e+21'], ['.5', '0.5'], ['5e-324', '4.9406564584124654e-324']]) {
      await evalRaw(lib.redis, specs['leaderboard.updateScore'], [board], ['ann', score]);
      expect(await lib.redis.zscore(board, 'ann')).toBe(stored);
    }
  });

  it('sets scores with full float precision and returns the rank', async () => {
    const board = newBoard();
    expect(await lib.scripts.leaderboard.updateScore({ board, player: 'ann', score: 1500.5 })).toEqual({ score: 1500.5, rank: 1 });
    expect(await lib.scripts.leaderboard.updateScore({ board, player: 'bob', score: 2000.25, mode: 'set' })).toEqual({ score: 2000.25, rank: 1 });
    expect(await lib.scripts.leaderboard.updateScore({ board, player: 'cy', score: 0.1 })).toEqual({ score: 0.1, rank: 3 });
    expect(await lib.redis.zscore(board, 'ann')).toBe('1500.5');
  });

  it('increments (a missing player starts at 0), negative and zero steps included', async () => {
    const board = newBoard();
    expect(await lib.scripts.leaderboard.updateScore({ board, player: 'ann', score: 0.5, mode: 'increment' })).toEqual({ score: 0.5, rank: 1 });
    expect((await lib.scripts.leaderboard.updateScore({ board, player: 'ann', score: 1000, mode: 'increment' })).score).toBe(1000.5);
    expect((await lib.scripts.leaderboard.updateScore({ board, player: 'ann', score: -2000.25, mode: 'increment' })).score).toBe(-999.75);
    expect((await lib.scripts.leaderboard.updateScore({ board, player: 'ann', score: 0, mode: 'increment' })).score).toBe(-999.75);
  });

  it('keeps extreme finite scores intact', async () => {
    const board = newBoard();
    for (const score of [Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 1e-300, 123456789.123456]) {
      expect((await lib.scripts.leaderboard.updateScore({ board, player: 'p', score })).score).toBe(score);
    }
  });

  it('refuses NaN, infinities, an empty player, an unknown mode and an overflowing increment without writing', async () => {
    const board = newBoard();
    await lib.scripts.leaderboard.updateScore({ board, player: 'big', score: Number.MAX_VALUE });
    const before = await snapshot(lib.redis, board);
    await expect(lib.scripts.leaderboard.updateScore({ board, player: 'x', score: NaN })).rejects.toThrow(ScriptArgumentError);
    await expect(lib.scripts.leaderboard.updateScore({ board, player: 'x', score: Infinity })).rejects.toThrow(ScriptArgumentError);
    await expectCode(lib.scripts.leaderboard.updateScore({ board, player: '', score: 1 }), 'INVALID_ARGUMENT');
    await expectCode(lib.scripts.leaderboard.updateScore({ board, player: 'big', score: Number.MAX_VALUE, mode: 'increment' }), 'OUT_OF_RANGE');
    for (const args of [['x', 'nan'], ['x', 'inf'], ['x', '-inf'], ['x', ''], ['x', 'abc'], ['x', '1', 'add'], ['x'], ['x', '1e999']]) {
      await expectRawCode(evalRaw(lib.redis, specs['leaderboard.updateScore'], [board], args), 'INVALID_ARGUMENT');
    }
    expect(await snapshot(lib.redis, board)).toEqual(before);
  });
});

describe('leaderboard.playerStats', () => {
  it('returns score, 1-based rank and total', async () => {
    const board = newBoard();
    await lib.redis.zadd(board, 10.5, 'a', 30.25, 'b', 20, 'c');
    expect(await lib.scripts.leaderboard.playerStats({ board, player: 'b' })).toEqual({ score: 30.25, rank: 1, total: 3 });
    expect(await lib.scripts.leaderboard.playerStats({ board, player: 'a' })).toEqual({ score: 10.5, rank: 3, total: 3 });
  });

  it('returns null for an absent player or board', async () => {
    const board = newBoard();
    expect(await lib.scripts.leaderboard.playerStats({ board, player: 'nobody' })).toBeNull();
    await lib.redis.zadd(board, 1, 'a');
    expect(await lib.scripts.leaderboard.playerStats({ board, player: 'nobody' })).toBeNull();
    expect(await lib.scripts.leaderboard.playerStats({ board, player: '' })).toBeNull();
  });

  it('is read-only', () => {
    expect(specs['leaderboard.playerStats'].readonly).toBe(true);
    expect(specs['leaderboard.playerStats'].lua.startsWith('#!lua flags=no-writes')).toBe(true);
  });
});

describe('leaderboard.top', () => {
  it('lists the best players with float scores and ranks', async () => {
    const board = newBoard();
    await lib.redis.zadd(board, 1500.5, 'ann', 2000.75, 'bob', 99.125, 'cy', 1500.5, 'dee');
    expect(await lib.scripts.leaderboard.top({ board, count: 3 })).toEqual([
      { player: 'bob', score: 2000.75, rank: 1 },
      { player: 'dee', score: 1500.5, rank: 2 },
      { player: 'ann', score: 1500.5, rank: 3 },
    ]);
  });

  it('returns every player when count is larger, and [] for an empty board', async () => {
    const board = newBoard();
    expect(await lib.scripts.leaderboard.top({ board, count: 10 })).toEqual([]);
    await lib.redis.zadd(board, 1, 'a');
    expect(await lib.scripts.leaderboard.top({ board, count: Number.MAX_SAFE_INTEGER })).toEqual([{ player: 'a', score: 1, rank: 1 }]);
  });

  it('refuses count 0 (which would otherwise mean ZREVRANGE 0 -1: everyone) and negative counts', async () => {
    const board = newBoard();
    await lib.redis.zadd(board, 1, 'a');
    await expectCode(lib.scripts.leaderboard.top({ board, count: 0 }), 'INVALID_ARGUMENT');
    await expectCode(lib.scripts.leaderboard.top({ board, count: -3 }), 'INVALID_ARGUMENT');
    await expectRawCode(evalRaw(lib.redis, specs['leaderboard.top'], [board], ['ten']), 'INVALID_ARGUMENT');
  });
});
