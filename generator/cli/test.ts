/** `luagen test`: proves every script's header on a real Redis (generator/prove/, docs/testing.md). */
import Redis from 'ioredis';
import { startRedis, type RedisHandle } from '../../testing/redis-server';
import type { DiagnosticFormat } from '../diagnostics/format';
import type { ServerProfileName } from '../profiles/server-profiles';
import { loadClient } from '../prove/load-client';
import { proveScript, type ScriptReport } from '../prove/prove-script';
import { findingCount, formatSummary } from '../prove/report';
import { EXIT, type CliIO } from './io';
import { countLine, runGenerate } from './run-generate';
import { instrumentedClient, writeCoverage, type InstrumentedClient } from './test-coverage';

export interface TestOptions {
  readonly src: string;
  readonly format: DiagnosticFormat;
  readonly runs: number;
  readonly seed?: number;
  /** A Redis whose database luagen may flush (default: $REDIS_URL); otherwise luagen starts one. */
  readonly redisUrl?: string;
  /** Only the scripts whose dotted name starts with one of these. */
  readonly only?: readonly string[];
  /** The server profile of the config file (analysis); the scripts always run as EVALSHA scripts. */
  readonly server?: ServerProfileName;
  /** Write line coverage (lcov) here; runs on a redis-server luagen starts (it reads the server's log). */
  readonly lcov?: string;
}

export async function testCommand(options: TestOptions, io: CliIO): Promise<number> {
  const print = options.format === 'json' ? io.err : io.out;
  // Nothing is written: the client is loaded from memory.
  const common = { src: options.src, out: 'generated', format: options.format === 'json' ? 'text' : options.format, cluster: false, strict: false, esm: false, server: options.server } as const;
  const generated = await runGenerate(common, io, { client: false, useCache: false });
  if (generated.result.files.length === 0) {
    print(`luagen test: ${countLine(generated)}; fix the errors above`);
    return EXIT.scriptErrors;
  }
  const scripts = generated.result.scripts.filter((s) => !options.only || options.only.some((prefix) => s.id.startsWith(prefix)));
  const seed = options.seed ?? (Date.now() ^ (Math.random() * 0x7fffffff)) >>> 0;
  const instrumented: InstrumentedClient | undefined = options.lcov ? await instrumentedClient(common, io, generated.result) : undefined;
  const client = loadClient(instrumented ? instrumented.files : generated.result.files);
  const server = await testServer(options.lcov ? undefined : options.redisUrl);
  const redis = new Redis(server.url, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: true });
  const startedAt = performance.now();
  let ours = false;
  try {
    await redis.connect();
    await requireEmptyDatabase(redis, server);
    ours = true;
    const reports: ScriptReport[] = [];
    for (const script of scripts) reports.push(await proveScript(redis, client, script, { runs: options.runs, seed }));
    const summary = { seed, runsPerScript: options.runs, reports, elapsedMs: performance.now() - startedAt };
    io.out(formatSummary(summary, options.format));
    if (instrumented && options.lcov) {
      if (!server.logFile) throw new Error('--lcov needs a redis-server from PATH (it reads the server log); none was found');
      print((await writeCoverage(instrumented, scripts, server.logFile, options.lcov, io.cwd)).join('\n'));
    }
    return findingCount(summary) > 0 ? EXIT.stale : EXIT.ok;
  } finally {
    if (ours) await redis.flushdb().catch(() => undefined);
    redis.disconnect();
    await server.stop();
  }
}

/** $REDIS_URL (or --redis-url) when given, else a private redis-server on a free port (else testcontainers). */
async function testServer(url: string | undefined): Promise<RedisHandle> {
  if (url) {
    return { url, host: '', port: 0, source: 'env', restart: () => Promise.reject(new Error('not ours')), stop: () => Promise.resolve() };
  }
  return startRedis({ dedicated: true });
}

/** luagen flushes its database before every run and compares all of it: it must hold nothing of anyone else. */
async function requireEmptyDatabase(redis: Redis, server: RedisHandle): Promise<void> {
  if (server.source !== 'env') return;
  const size = await redis.dbsize();
  if (size > 0) {
    throw new Error(`the database at ${server.url} holds ${size} key(s); luagen test flushes and compares its whole database, ` +
      'so give it an empty one of its own (e.g. redis://host:6379/15), or unset REDIS_URL to let it start a redis-server');
  }
}
