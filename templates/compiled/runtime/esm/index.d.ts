export { arg, keySchema, type ArgumentCodec, type RedisKey } from './arguments.js';
export { type QueuedReply } from './batch.js';
export { bindScript, registerScript, isClusterClient, type RedisClient, type ScriptFunction } from './bind.js';
export { CrossSlotError, LuagenError, RequestIdReusedError, ScriptArgumentError, ScriptCodeError, ScriptDeliveryError, ScriptError, ScriptNotSentError, ScriptOutcomeUnknownError, ScriptReplyError, } from './errors.js';
export { bindFunction, loadLibrary, preloadLibrary, type FunctionBinding, type FunctionLibrary } from './functions.js';
export { preloadScripts } from './preload.js';
export { reply, type ReplyDecoder } from './replies.js';
export { defineScript, type ArgumentSpec, type ScriptDeclaration, type ScriptSpec } from './script.js';
export { keySlot } from './slots.js';
