export { arg, keySchema, type ArgumentCodec, type RedisKey } from './arguments';
export { type QueuedReply } from './batch';
export { bindScript, registerScript, isClusterClient, type RedisClient, type ScriptFunction } from './bind';
export { CrossSlotError, LuagenError, RequestIdReusedError, ScriptArgumentError, ScriptCodeError, ScriptDeliveryError, ScriptError, ScriptNotSentError, ScriptOutcomeUnknownError, ScriptReplyError, } from './errors';
export { bindFunction, loadLibrary, preloadLibrary, type FunctionBinding, type FunctionLibrary } from './functions';
export { preloadScripts } from './preload';
export { reply, type ReplyDecoder } from './replies';
export { defineScript, type ArgumentSpec, type ScriptDeclaration, type ScriptSpec } from './script';
export { keySlot } from './slots';
