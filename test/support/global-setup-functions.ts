/**
 * jest globalSetup of the `functions` project: the library suite (test/library) runs a second time against
 * the client built from the same lua/ with `--target functions`. That client is written to
 * test/.generated/library-functions/, which jest.config.js maps `../../generated` to for this project.
 */
import globalSetup from './global-setup';
import { generateFixture } from './generate-fixture';

export default async function functionsSetup(): Promise<void> {
  await globalSetup();
  await generateFixture('library-functions', 'lua', { target: 'functions' });
}
