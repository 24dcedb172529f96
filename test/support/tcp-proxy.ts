/**
 * A TCP proxy on loopback between a client and a Redis, for fault injection: lose a reply after the request
 * reached Redis (so the command ran and the client never hears of it), hold replies, refuse connections, or run
 * something (e.g. SCRIPT FLUSH on another connection) before each request is forwarded.
 */
import * as net from 'node:net';

interface Pair {
  readonly client: net.Socket;
  readonly upstream: net.Socket;
  /** Replies from Redis are dropped (not forwarded). */
  holding: boolean;
  /** Close both sides as soon as Redis sends anything back. */
  closeOnReply: boolean;
  /** Client data waiting for the `beforeForward` hook, in order. */
  chain: Promise<void>;
}

export interface TcpProxy {
  readonly port: number;
  readonly url: string;
  /** Connections accepted so far. */
  readonly accepted: number;
  /**
   * The next request chunk containing `match` is forwarded to Redis; once Redis answers, the reply is dropped
   * and both sides are closed. Resolves when the connection was closed that way.
   */
  loseNextReply(match: string): Promise<void>;
  /** From now on replies are dropped (connections stay open) until `closeAll()`. */
  holdReplies(): void;
  /** New connections are accepted and closed at once while true. */
  refuseConnections(refuse: boolean): void;
  /** Runs before each client chunk is forwarded (chunks of a connection stay in order). */
  beforeForward(hook: (() => Promise<void>) | undefined): void;
  closeAll(): void;
  stop(): Promise<void>;
}

export async function startProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const pairs = new Set<Pair>();
  let accepted = 0;
  let refusing = false;
  let hook: (() => Promise<void>) | undefined;
  let pendingLoss: { match: string; done: () => void } | undefined;
  let holdAll = false;

  const close = (pair: Pair): void => {
    pair.client.destroy();
    pair.upstream.destroy();
    pairs.delete(pair);
  };

  const forward = (pair: Pair, chunk: Buffer): void => {
    if (pendingLoss && chunk.includes(pendingLoss.match)) {
      const { done } = pendingLoss;
      pendingLoss = undefined;
      pair.closeOnReply = true;
      pair.upstream.once('close', done);
    }
    pair.upstream.write(chunk);
  };

  const server = net.createServer((client) => {
    accepted++;
    if (refusing) {
      client.destroy();
      return;
    }
    const upstream = net.connect(target.port, target.host);
    const pair: Pair = { client, upstream, holding: holdAll, closeOnReply: false, chain: Promise.resolve() };
    pairs.add(pair);
    client.on('data', (chunk: Buffer) => {
      if (!hook) {
        forward(pair, chunk);
        return;
      }
      const run = hook;
      pair.chain = pair.chain.then(run).then(() => forward(pair, chunk), () => close(pair));
    });
    upstream.on('data', (chunk: Buffer) => {
      if (pair.closeOnReply) close(pair);
      else if (!pair.holding) client.write(chunk);
    });
    for (const socket of [client, upstream]) {
      socket.on('error', () => close(pair));
      socket.on('close', () => close(pair));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;

  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    get accepted() {
      return accepted;
    },
    loseNextReply: (match) => new Promise<void>((done) => (pendingLoss = { match, done })),
    holdReplies() {
      holdAll = true;
      for (const pair of pairs) pair.holding = true;
    },
    refuseConnections(refuse) {
      refusing = refuse;
    },
    beforeForward(next) {
      hook = next;
    },
    closeAll() {
      holdAll = false;
      for (const pair of [...pairs]) close(pair);
    },
    async stop() {
      for (const pair of [...pairs]) close(pair);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
