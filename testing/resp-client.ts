/**
 * Minimal one-shot RESP2 client used by the test harness itself (health
 * checks, cluster administration). It deliberately does not use ioredis so
 * that the harness does not depend on the client library under test.
 */
import * as net from 'node:net';

export type RespValue = string | number | null | RespValue[];

/** A `-ERR ...` reply from the server. `message` is the raw error text. */
export class RespError extends Error {
  override name = 'RespError';
}

function encode(args: ReadonlyArray<string | number>): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)];
  for (const a of args) {
    const b = Buffer.from(String(a));
    parts.push(Buffer.from(`$${b.length}\r\n`), b, Buffer.from('\r\n'));
  }
  return Buffer.concat(parts);
}

type Parsed = { value: RespValue | RespError; end: number } | undefined;

/** Parses one reply starting at `pos`; undefined if the buffer is incomplete. */
function parse(buf: Buffer, pos: number): Parsed {
  const lineEnd = buf.indexOf('\r\n', pos);
  if (lineEnd < 0) return undefined;
  const type = String.fromCharCode(buf[pos]!);
  const line = buf.toString('utf8', pos + 1, lineEnd);
  const next = lineEnd + 2;
  switch (type) {
    case '+':
      return { value: line, end: next };
    case '-':
      return { value: new RespError(line), end: next };
    case ':':
      return { value: Number(line), end: next };
    case '$': {
      const len = Number(line);
      if (len < 0) return { value: null, end: next };
      if (buf.length < next + len + 2) return undefined;
      return { value: buf.toString('utf8', next, next + len), end: next + len + 2 };
    }
    case '*': {
      const count = Number(line);
      if (count < 0) return { value: null, end: next };
      const items: RespValue[] = [];
      let at = next;
      for (let i = 0; i < count; i++) {
        const item = parse(buf, at);
        if (!item) return undefined;
        if (item.value instanceof RespError) throw item.value;
        items.push(item.value);
        at = item.end;
      }
      return { value: items, end: at };
    }
    default:
      throw new Error(`resp-client: unexpected reply type ${JSON.stringify(type)}`);
  }
}

/**
 * Opens a connection, sends one command, returns its reply and closes.
 * Rejects with RespError on an error reply, with a plain Error on
 * connection problems or when `timeoutMs` elapses.
 */
export function respCommand(
  host: string,
  port: number,
  args: ReadonlyArray<string | number>,
  timeoutMs = 5000,
): Promise<RespValue> {
  return new Promise<RespValue>((resolve, reject) => {
    const socket = net.connect({ host, port });
    let buf = Buffer.alloc(0);
    let settled = false;
    const finish = (err: Error | undefined, value?: RespValue): void => {
      if (settled) return;
      settled = true;
      socket.destroy();
      if (err) reject(err);
      else resolve(value ?? null);
    };
    socket.setTimeout(timeoutMs, () =>
      finish(new Error(`resp-client: timeout after ${timeoutMs}ms on ${host}:${port} (${String(args[0])})`)),
    );
    socket.on('error', (e) => finish(e));
    socket.on('close', () => finish(new Error(`resp-client: connection to ${host}:${port} closed`)));
    socket.on('connect', () => socket.write(encode(args)));
    socket.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      try {
        const parsed = parse(buf, 0);
        if (!parsed) return;
        if (parsed.value instanceof RespError) finish(parsed.value);
        else finish(undefined, parsed.value);
      } catch (e) {
        finish(e as Error);
      }
    });
  });
}

/** Like respCommand but asserts a string reply (bulk or status). */
export async function respString(host: string, port: number, args: ReadonlyArray<string | number>): Promise<string> {
  const v = await respCommand(host, port, args);
  if (typeof v !== 'string') throw new Error(`resp-client: expected string reply to ${String(args[0])}, got ${JSON.stringify(v)}`);
  return v;
}
