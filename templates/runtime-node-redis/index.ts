export { arg, keySchema, type ArgumentCodec, type RedisKey } from '../runtime/arguments';
export { type Batch, type QueuedReply } from './batch';
export { bindScript, type ScriptFunction } from './bind';
export { isClusterClient, type NodeRedisClient, type NodeRedisCluster, type RedisClient } from './client';
export {
  CrossSlotError,
  LuagenError,
  RequestIdReusedError,
  ScriptArgumentError,
  ScriptCodeError,
  ScriptDeliveryError,
  ScriptError,
  ScriptNotSentError,
  ScriptOutcomeUnknownError,
  ScriptReplyError,
} from '../runtime/errors';
export { type FunctionBinding, type FunctionLibrary } from '../runtime/function-library';
export { loadLibrary, preloadLibrary } from './functions';
export { preloadScripts } from './preload';
export * as run from '../runtime/generated-code';
export { reply, type ReplyDecoder } from '../runtime/replies';
export { defineScript, type ArgumentSpec, type ScriptDeclaration, type ScriptSpec } from '../runtime/script';
export { keySlot } from '../runtime/slots';
