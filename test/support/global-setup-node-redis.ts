/**
 * jest globalSetup of the `node-redis` project: the library suite (test/library) runs a third time, on the
 * client built from the same lua/ with `--client node-redis`. That client is written to
 * test/.generated/library-node-redis/, which jest.config.js maps `../../generated` to for this project (and
 * `./library-client` to test/library/library-client-node-redis.ts).
 */
import globalSetup from './global-setup';
import { generateFixture } from './generate-fixture';

export default async function nodeRedisSetup(): Promise<void> {
  await globalSetup();
  await generateFixture('library-node-redis', 'lua', { client: 'node-redis' });
}
