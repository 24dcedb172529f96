/**
 * node-redis 5 (the devDependency alias `@redis/client5`) and 6 (`@redis/client`) side by side, for the
 * benches that compare them (node-redis-reconnect.ts, node-redis-timeout.ts).
 */

/** What these benches use of a node-redis client, typed loosely: the two majors' generic types differ. */
export interface LooseNodeRedisClient {
  on(event: 'error', listener: (error: Error) => void): unknown;
  connect(): Promise<unknown>;
  sendCommand(args: string[]): Promise<unknown>;
  multi(): { addCommand(args: string[]): unknown; exec(): Promise<unknown>; execAsPipeline(): Promise<unknown> };
  destroy(): void;
}

export interface NodeRedisMajor {
  readonly version: string;
  readonly createClient: (options: object) => LooseNodeRedisClient;
}

/* eslint-disable @typescript-eslint/no-require-imports */
export const NODE_REDIS_5: NodeRedisMajor = {
  version: require('@redis/client5/package.json').version,
  createClient: require('@redis/client5').createClient,
};
export const NODE_REDIS_6: NodeRedisMajor = {
  version: require('@redis/client/package.json').version,
  createClient: require('@redis/client').createClient,
};
/* eslint-enable @typescript-eslint/no-require-imports */
