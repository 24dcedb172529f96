import type { ScriptDeclaration } from './script';
/** Redis answered that the script is not in its cache: it did not run, so sending it in full is safe. */
export declare function isNoScript(error: unknown): boolean;
/**
 * Maps an error raised while a script ran to a typed error (declared code) or a located ScriptError. Anything
 * but an error reply from Redis (`isReplyError`) is returned as it is.
 */
export declare function scriptFailure(declaration: ScriptDeclaration<unknown>, error: unknown, isReplyError?: (error: Error) => boolean): unknown;
/** Decodes a reply, naming the script when it does not match the declared type. */
export declare function decodeReply<Reply>(declaration: ScriptDeclaration<Reply>, raw: unknown): Reply;
