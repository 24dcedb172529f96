import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { Cluster } from 'ioredis';
import { startCluster, type ClusterHandle } from '../support/redis-cluster';
import { analyseSource, FIXTURES, REPO_ROOT } from './analyse-source';

/**
 * LG216 on a real 3-master cluster: KEYS inside a script sees only the keys of the node it runs on, so a
 * script that "finds every session" by pattern silently misses the ones on the other masters.
 */
let cluster: ClusterHandle;
let redis: Cluster;
beforeAll(async () => {
  cluster = await startCluster();
  redis = new Cluster(cluster.nodes.map((n) => ({ host: n.host, port: n.port })));
}, 120_000);
afterAll(async () => {
  await redis?.quit();
  await cluster?.stop();
});

it('KEYS in a script on a cluster misses keys held by other masters', async () => {
  const file = `${FIXTURES}/defects/keys-in-script.lua`;
  const source = await fs.readFile(path.join(REPO_ROOT, file), 'utf8');
  expect(analyseSource(source, file, { cluster: true }).map((d) => `${d.severity} ${d.code}`)).toContain('error LG216');

  const user = `u${process.pid}${Date.now()}`;
  const sessions = Array.from({ length: 30 }, (_, i) => `session:${user}:${i}`);
  for (const key of sessions) await redis.set(key, '1');
  const index = `index:{${user}}`;
  const found = Number(await redis.eval(source, 1, index, user));
  expect(found).toBeGreaterThan(0);
  expect(found).toBeLessThan(sessions.length); // 30 keys spread over 3 masters: the script saw one master's share
  await Promise.all(sessions.map((key) => redis.del(key)));
}, 60_000);
