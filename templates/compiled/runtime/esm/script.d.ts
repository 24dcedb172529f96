import type { ArgumentCodec, RedisKey } from './arguments.js';
import type { ScriptCodeError } from './errors.js';
import type { FunctionBinding } from './function-library.js';
import type { ReplyDecoder } from './replies.js';
/** One ARGV slot as the generated module declares it. */
export interface ArgumentSpec {
    readonly name: string;
    readonly codec: ArgumentCodec<unknown>;
    readonly optional?: boolean;
    readonly variadic?: boolean;
}
/** A generated error class; its code parameter is a union of literals, hence `never` here. */
type CodeErrorClass = new (script: string, code: never, detail: string, redisMessage: string, options?: {
    cause?: unknown;
}) => ScriptCodeError;
/** What a generated module declares about its script. */
export interface ScriptDeclaration<Reply> {
    /** Dotted name, e.g. `atomic.transfer`. */
    readonly id: string;
    /** The ioredis command name it is registered under with `defineCommand`. */
    readonly command: string;
    /** The .lua file it came from, for error locations. */
    readonly sourcePath: string;
    /** Lines luagen added above the file's first line. */
    readonly lineOffset: number;
    /** KEYS and ARGV positions (0-based) declared `@prefix`: keys are built from them in the script. */
    readonly prefixes?: {
        readonly keys: readonly number[];
        readonly args: readonly number[];
    };
    /** For a script with includes: `[first line of the script text, file, its line there]`, in order. */
    readonly sources?: readonly (readonly [number, string, number])[];
    readonly lua: string;
    readonly sha1: string;
    readonly readonly: boolean;
    /** `@idempotent`: calls carry a `requestId`, and the script's Lua keeps the first reply this long. */
    readonly idempotent?: {
        readonly ttlSeconds: number;
    };
    /**
     * False when built for a server before Redis 7.0 (`--server redis-6.2`): a read-only script is sent with
     * EVALSHA (which a 6.2 replica runs), never EVALSHA_RO.
     */
    readonly readOnlyCommands?: false;
    /** Names of the KEYS slots; the last one is an array when `variadicKeys`. */
    readonly keys: readonly string[];
    readonly variadicKeys: boolean;
    readonly args: readonly ArgumentSpec[];
    readonly reply: ReplyDecoder<Reply>;
    readonly errorCodes: readonly string[];
    readonly errorClass?: CodeErrorClass;
    /** Set for the Functions target: the script is called with FCALL (see functions.ts). */
    readonly function?: FunctionBinding;
    /**
     * Emitted by luagen: the straight-line `encodeInto` of this script, given how to word a rejection (zod, from
     * `keys` and `args`: the schema stays the rule). Without it, `defineScript` interprets `keys` and `args`.
     */
    readonly encoder?: (reject: (values: readonly unknown[]) => Error) => EncodeInto<unknown>;
    /** Emitted by luagen: the straight-line decoder of `reply` (throws ReplyMismatch). Without it, `reply.decode`. */
    readonly decode?: (raw: unknown) => Reply;
}
/**
 * Appends KEYS then ARGV to `out` (one array per call on the hot path) after validating the input (throws
 * ScriptArgumentError); returns the key count. For an `@idempotent` script, `request.id` receives the validated
 * `requestId` (read once, with the rest).
 */
export type EncodeInto<Input> = (input: Input, out: unknown[], request?: {
    id?: string;
}) => number;
/** A script ready to bind: its declaration plus a validator and an encoder. */
export interface ScriptSpec<Input, Reply> extends ScriptDeclaration<Reply> {
    /** `numberOfKeys` for defineCommand; undefined when the count varies per call. */
    readonly numberOfKeys: number | undefined;
    /** Validates the input (throws ScriptArgumentError) and returns KEYS and ARGV. */
    readonly encode: (input: Input) => {
        keys: RedisKey[];
        args: (string | Buffer)[];
    };
    /** The same, appending KEYS then ARGV to `out`: see EncodeInto. */
    readonly encodeInto: EncodeInto<Input>;
    /** Phantom field carrying the input type. */
    readonly __input?: Input;
}
/** Called by every generated module: completes a declaration into a bindable script. */
export declare function defineScript<Input, Reply>(declaration: ScriptDeclaration<Reply>): ScriptSpec<Input, Reply>;
export {};
