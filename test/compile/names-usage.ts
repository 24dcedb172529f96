// Compiled (never run) by test/generator/compile.test.ts: scripts named with reserved words, with names the
// generated code uses itself (Redis, Object, exports ...) and with ioredis methods (status, get, connect)
// compile and keep their types; the raw commands are luagen_ prefixed.
import Redis from 'ioredis';
import names, { bindScripts, class as classSpec, Object as objectSpec, TypeError as TypeScriptError, type ConnectReply } from '../.generated/compile-names';

export async function namesUsage(redis: Redis): Promise<string[]> {
  const scripts = bindScripts(redis);
  const reserved: string[] = await Promise.all([scripts.class(), scripts.default(), scripts.delete(), scripts.new(), scripts.await(), scripts.package.new()]);
  const shadows: string[] = await Promise.all([scripts.Redis(), scripts.Cluster(), scripts.Object(), scripts.exports(), scripts.require(), scripts.arguments()]);
  const counter: number = await scripts.status({ counter: 'k', by: 1 });
  const value: string | null = await scripts.get({ key: 'k' });
  const mode: string = await scripts.mode({ mode: 'fast' });
  const reply: ConnectReply = await scripts.connect({ default: 'k', new: 'v', callback: 2 });
  const raw = await redis.luagen_status('k', 1);
  const ids = [classSpec.id, objectSpec.id, names.id];
  try {
    await scripts.type({ fail: true });
  } catch (error) {
    if (error instanceof TypeScriptError) ids.push(error.code);
  }
  return [...reserved, ...shadows, String(counter), String(value), mode, reply.constructor, String(raw), ...ids];
}
