import { pascalCase } from './case';

/** The names one script's module exports (and the index re-exports). */
export interface ExportedNames {
  readonly spec: string;
  readonly input: string;
  readonly reply: string;
  readonly errorCode: string;
  readonly errorClass: string;
}

export function exportedNames(command: string): ExportedNames {
  const base = pascalCase(command);
  return {
    spec: command,
    input: `${base}Input`,
    reply: `${base}Reply`,
    errorCode: `${base}ErrorCode`,
    errorClass: `${base}Error`,
  };
}

/**
 * What `generated/index.ts` exports besides the scripts: its own helpers and everything of the runtime
 * (`templates/runtime/index.ts`; test/model/generated-names.test.ts keeps the two in step).
 */
export const CLIENT_EXPORTS: readonly string[] = [
  // index.ts
  'bindScripts', 'preload', 'scripts', 'Scripts',
  // runtime/index.ts
  'arg', 'ArgumentCodec', 'ArgumentSpec', 'bindFunction', 'EncodeInto', 'bindScript', 'FunctionBinding', 'FunctionLibrary', 'loadLibrary',
  'preloadLibrary', 'CrossSlotError', 'defineScript', 'isClusterClient', 'keySchema',
  'keySlot', 'LuagenError', 'preloadScripts', 'QueuedReply', 'RedisClient', 'RedisKey', 'registerScript', 'reply',
  'ReplyDecoder', 'RequestIdReusedError', 'run', 'ScriptArgumentError', 'ScriptCodeError', 'ScriptDeclaration', 'ScriptDeliveryError', 'ScriptError',
  'ScriptFunction', 'ScriptNotSentError', 'ScriptOutcomeUnknownError', 'ScriptReplyError', 'ScriptSpec',
];

/** What `generated/index.ts` exports besides CLIENT_EXPORTS under --target functions. */
export const FUNCTIONS_EXPORTS: readonly string[] = ['library'];
