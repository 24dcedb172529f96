import * as path from 'node:path';

/**
 * The emitted encoders and decoders read `run.*` on every call. Compiled to CommonJS, a re-export
 * (`export { x } from`) becomes a getter that runs on each read (it cost about 0.1 µs per call of a small
 * script in a pipeline); every `run.*` must be a plain property.
 */
describe('run.* in the compiled CommonJS runtime', () => {
  for (const flavour of ['runtime', 'runtime-node-redis']) {
    it(`are plain properties (${flavour})`, () => {
      const index = path.join(__dirname, '../../templates/compiled', flavour, 'cjs/index.js');
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const run = (require(index) as { run: object }).run;
      const names = Object.keys(run).filter((name) => name !== '__esModule');
      expect(names).toEqual(expect.arrayContaining(['inputFields', 'isKey', 'encodeKey', 'decodeInteger', 'decodeBoolean', 'ReplyMismatch']));
      const getters = names.filter((name) => Object.getOwnPropertyDescriptor(run, name)?.get !== undefined);
      expect(getters).toEqual([]);
    });
  }
});
