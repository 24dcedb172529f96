import { list as redisCommands } from '@ioredis/commands';

/**
 * Members of ioredis `Redis`, `Cluster` and `Pipeline` objects that are not Redis commands. A script's
 * command name must not shadow any of them (test/model/reserved-names.test.ts checks this list against the
 * real prototypes of ioredis 5 and 6).
 */
const CLIENT_MEMBERS = [
  'addBuiltinCommand', 'addListener', 'addedBuiltinSet', 'autoPipelineQueueSize', 'call', 'clearNodesRefreshInterval',
  'commandQueue', 'connect', 'connectionEpoch', 'connectionPool', 'connector', 'constructor', 'createBuiltinCommand',
  'createScanStream', 'createShardedSubscriberGroup', 'defineCommand', 'delayQueue', 'delayUntilReady', 'disconnect',
  'dnsLookup', 'duplicate', 'emit', 'end', 'eventNames', 'exec', 'executeOfflineCommands', 'flushQueue',
  'getBlockingTimeoutInMs', 'getBuiltinCommands', 'getConfiguredBlockingTimeout', 'getInfoFromNode', 'getMaxListeners',
  'handleCloseEvent', 'handleError', 'handleReconnection', 'hscanBufferStream', 'hscanStream',
  'invokeReadyDelayedCallbacks', 'isCluster', 'isRefreshing', 'length', 'listenerCount', 'listeners',
  'manuallyClosing', 'mode', 'natMapper', 'nodes', 'off', 'offlineQueue', 'on', 'once', 'options', 'parseOptions',
  'pipeline', 'prependListener', 'prependOnceListener', 'promise', 'rawListeners', 'readyCheck', 'reconnectTimeout',
  'recoverFromFatalError', 'redis', 'refreshSlotsCache', 'removeAllListeners', 'removeListener', 'resetCommandQueue',
  'resetNodesRefreshInterval', 'resetOfflineQueue', 'resolveSrv', 'resolveStartupNodeHostnames', 'retryAttempts',
  'scanBufferStream', 'scanStream', 'scriptsSet', 'sendCommand', 'send_command', 'sentinel', 'setMaxListeners',
  'setSocketTimeout', 'setStatus', 'silentEmit', 'slots', 'sscanBufferStream', 'sscanStream', 'startupNodes',
  'status', 'subscriber', 'toString', 'valueOf', 'hasOwnProperty', 'zscanBufferStream', 'zscanStream',
  '__proto__', 'addBatch', 'callBuffer', 'fillResult', 'isPipeline', 'reject', 'replyPending', 'resolve',
  'sentinelBuffer',
];

let reserved: Set<string> | undefined;

/** Every name an ioredis client or pipeline already uses (commands with their `...Buffer` twins, and methods). */
export function ioredisReservedNames(): ReadonlySet<string> {
  reserved ??= new Set([...CLIENT_MEMBERS, ...redisCommands, ...redisCommands.map((c) => `${c}Buffer`)]);
  return reserved;
}
