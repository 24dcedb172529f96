/**
 * luagen/testing: a real, disposable Redis for your own tests, a fresh key space per test, and your generated
 * scripts bound to it. See docs/testing.md.
 */
export { startTestRedis, type TestKeySpace, type TestRedis, type TestRedisOptions } from './test-redis';
export { isolatedKeySpace, type KeySpace } from './key-space';
export { startRedis, redisServerBin, type RedisHandle, type RedisSource, type StartRedisOptions } from './redis-server';
export { startCluster, type ClusterHandle, type ClusterNode, type StartClusterOptions } from './redis-cluster';
