export { arg, keySchema } from './arguments.js';
export { bindScript, registerScript, isClusterClient } from './bind.js';
export { CrossSlotError, LuagenError, RequestIdReusedError, ScriptArgumentError, ScriptCodeError, ScriptDeliveryError, ScriptError, ScriptNotSentError, ScriptOutcomeUnknownError, ScriptReplyError, } from './errors.js';
export { bindFunction, loadLibrary, preloadLibrary } from './functions.js';
export * as run from './generated-code.js';
export { preloadScripts } from './preload.js';
export { reply } from './replies.js';
export { defineScript } from './script.js';
export { keySlot } from './slots.js';
