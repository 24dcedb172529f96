"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.keySlot = exports.defineScript = exports.reply = exports.preloadScripts = exports.run = exports.preloadLibrary = exports.loadLibrary = exports.bindFunction = exports.ScriptReplyError = exports.ScriptOutcomeUnknownError = exports.ScriptNotSentError = exports.ScriptError = exports.ScriptDeliveryError = exports.ScriptCodeError = exports.ScriptArgumentError = exports.RequestIdReusedError = exports.LuagenError = exports.CrossSlotError = exports.isClusterClient = exports.registerScript = exports.bindScript = exports.keySchema = exports.arg = void 0;
var arguments_1 = require("./arguments");
Object.defineProperty(exports, "arg", { enumerable: true, get: function () { return arguments_1.arg; } });
Object.defineProperty(exports, "keySchema", { enumerable: true, get: function () { return arguments_1.keySchema; } });
var bind_1 = require("./bind");
Object.defineProperty(exports, "bindScript", { enumerable: true, get: function () { return bind_1.bindScript; } });
Object.defineProperty(exports, "registerScript", { enumerable: true, get: function () { return bind_1.registerScript; } });
Object.defineProperty(exports, "isClusterClient", { enumerable: true, get: function () { return bind_1.isClusterClient; } });
var errors_1 = require("./errors");
Object.defineProperty(exports, "CrossSlotError", { enumerable: true, get: function () { return errors_1.CrossSlotError; } });
Object.defineProperty(exports, "LuagenError", { enumerable: true, get: function () { return errors_1.LuagenError; } });
Object.defineProperty(exports, "RequestIdReusedError", { enumerable: true, get: function () { return errors_1.RequestIdReusedError; } });
Object.defineProperty(exports, "ScriptArgumentError", { enumerable: true, get: function () { return errors_1.ScriptArgumentError; } });
Object.defineProperty(exports, "ScriptCodeError", { enumerable: true, get: function () { return errors_1.ScriptCodeError; } });
Object.defineProperty(exports, "ScriptDeliveryError", { enumerable: true, get: function () { return errors_1.ScriptDeliveryError; } });
Object.defineProperty(exports, "ScriptError", { enumerable: true, get: function () { return errors_1.ScriptError; } });
Object.defineProperty(exports, "ScriptNotSentError", { enumerable: true, get: function () { return errors_1.ScriptNotSentError; } });
Object.defineProperty(exports, "ScriptOutcomeUnknownError", { enumerable: true, get: function () { return errors_1.ScriptOutcomeUnknownError; } });
Object.defineProperty(exports, "ScriptReplyError", { enumerable: true, get: function () { return errors_1.ScriptReplyError; } });
var functions_1 = require("./functions");
Object.defineProperty(exports, "bindFunction", { enumerable: true, get: function () { return functions_1.bindFunction; } });
Object.defineProperty(exports, "loadLibrary", { enumerable: true, get: function () { return functions_1.loadLibrary; } });
Object.defineProperty(exports, "preloadLibrary", { enumerable: true, get: function () { return functions_1.preloadLibrary; } });
exports.run = __importStar(require("./generated-code"));
var preload_1 = require("./preload");
Object.defineProperty(exports, "preloadScripts", { enumerable: true, get: function () { return preload_1.preloadScripts; } });
var replies_1 = require("./replies");
Object.defineProperty(exports, "reply", { enumerable: true, get: function () { return replies_1.reply; } });
var script_1 = require("./script");
Object.defineProperty(exports, "defineScript", { enumerable: true, get: function () { return script_1.defineScript; } });
var slots_1 = require("./slots");
Object.defineProperty(exports, "keySlot", { enumerable: true, get: function () { return slots_1.keySlot; } });
