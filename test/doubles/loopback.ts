/**
 * A real HTTP server on 127.0.0.1 with an ephemeral port, for the provider doubles: it records
 * every request and injects faults by rule. Faults are what real networks and APIs do: an error
 * status, a connection reset before the request is handled, a reset AFTER it was handled (the
 * write happened, the client never heard: the ambiguous case), a stall past the client's
 * timeout, latency.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface RecordedRequest {
  seq: number;
  method: string;
  /** The request target as sent: origin-form ("/v2/x?y=1"), or absolute-form through a proxy. */
  target: string;
  /** Path without the query. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body, or undefined. */
  body: unknown;
  rawBody: string;
  /** The fault this request got, if any. */
  fault?: Fault['kind'];
  /** What was answered (absent when the connection was dropped): for contract tests. */
  reply?: Reply;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Sent as it is instead of `body` as JSON: escapes JSON.stringify never writes (`\/`). */
  raw?: string;
}

export type Handler = (req: RecordedRequest) => Reply | Promise<Reply>;

export type Fault =
  /** Answer with this status instead of handling (`afterHandling`: handle first, then answer this). */
  | {
      kind: 'status';
      status: number;
      headers?: Record<string, string>;
      body?: unknown;
      afterHandling?: boolean;
    }
  /** Destroy the connection without handling the request. */
  | { kind: 'reset' }
  /** Handle the request (its effects happen), then destroy the connection instead of answering. */
  | { kind: 'reset-after' }
  /**
   * Send nothing for `ms` (past the client's timeout), then destroy the connection; sooner if the
   * client gives up first (so no timer outlives the test). Not handled.
   */
  | { kind: 'stall'; ms: number }
  /** Handle and answer normally, `ms` late. */
  | { kind: 'delay'; ms: number }
  /**
   * Answer with this status and a body written from the request (not handled): a server whose
   * error replies echo what was sent, the way `render` writes it (test/doubles/echo-forms.ts).
   */
  | { kind: 'echo'; status: number; render: (req: RecordedRequest) => string };

export interface FaultRule {
  method?: string;
  /** Exact path, or a pattern. */
  path?: string | RegExp;
  /** The n-th matching request (1-based, counted from when the rule was added) is the first to get it. Default 1. */
  nth?: number;
  /** How many matching requests in a row get it, from the n-th on. Default 1; Infinity for all. */
  times?: number;
  fault: Fault;
}

interface ActiveRule extends FaultRule {
  seen: number;
}

export class LoopbackServer {
  readonly requests: RecordedRequest[] = [];
  /** Added to every answer. */
  latencyMs = 0;
  url = '';
  private rules: ActiveRule[] = [];
  private readonly sockets = new Set<Socket>();
  private readonly server;
  private readonly handler: Handler;

  private constructor(handler: Handler) {
    this.handler = handler;
    this.server = createServer((req, res) => {
      void this.serve(req, res);
    });
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  /** `port`: a fixed one (to bring a server up where a client was refused); default ephemeral. */
  static async start(handler: Handler, options: { port?: number } = {}): Promise<LoopbackServer> {
    const server = new LoopbackServer(handler);
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.server.listen(options.port ?? 0, '127.0.0.1', () => {
        server.server.off('error', reject);
        resolve();
      });
    });
    const { port } = server.server.address() as AddressInfo;
    server.url = `http://127.0.0.1:${port}`;
    return server;
  }

  inject(rule: FaultRule): void {
    this.rules.push({ ...rule, seen: 0 });
  }

  clearFaults(): void {
    this.rules = [];
  }

  /** Requests whose path matches, in order. */
  requestsTo(method: string, path: string | RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && matches(path, r.path));
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawBody = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const recorded: RecordedRequest = {
      seq: this.requests.length + 1,
      method: req.method ?? 'GET',
      target: req.url ?? '/',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: parseJson(rawBody),
      rawBody,
    };
    this.requests.push(recorded);
    const fault = this.faultFor(recorded);
    if (fault) recorded.fault = fault.kind;

    if (fault?.kind === 'reset') return destroy(req);
    if (fault?.kind === 'stall') {
      await sleepUnlessClosed(fault.ms, req.socket);
      return destroy(req);
    }
    if (fault?.kind === 'echo') {
      await sleep(this.latencyMs);
      recorded.reply = { status: fault.status, raw: fault.render(recorded) };
      return send(res, recorded.reply);
    }
    if (fault?.kind === 'status' && !fault.afterHandling) {
      await sleep(this.latencyMs);
      recorded.reply = { status: fault.status, headers: fault.headers ?? {}, body: fault.body ?? {} };
      return send(res, recorded.reply);
    }
    let reply: Reply;
    try {
      reply = await this.handler(recorded);
    } catch (thrown) {
      reply = { status: 500, body: { message: `double failed: ${String(thrown)}` } };
    }
    if (fault?.kind === 'reset-after') return destroy(req);
    await sleep(this.latencyMs + (fault?.kind === 'delay' ? fault.ms : 0));
    recorded.reply =
      fault?.kind === 'status'
        ? { status: fault.status, headers: fault.headers ?? {}, body: fault.body ?? {} }
        : reply;
    send(res, recorded.reply);
  }

  /** Every matching rule counts the request; the first rule that fires on it wins. */
  private faultFor(req: RecordedRequest): Fault | undefined {
    let chosen: Fault | undefined;
    for (const rule of this.rules) {
      if (rule.method !== undefined && rule.method !== req.method) continue;
      if (rule.path !== undefined && !matches(rule.path, req.path)) continue;
      rule.seen++;
      const first = rule.nth ?? 1;
      const times = rule.times ?? 1;
      if (chosen === undefined && rule.seen >= first && rule.seen < first + times) chosen = rule.fault;
    }
    return chosen;
  }
}

function matches(pattern: string | RegExp, path: string): boolean {
  return typeof pattern === 'string' ? pattern === path : pattern.test(path);
}

function destroy(req: IncomingMessage): void {
  req.socket.destroy();
}

function send(res: ServerResponse, reply: Reply): void {
  const body = reply.raw ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
  const headers: Record<string, string> = { ...(reply.headers ?? {}) };
  if (body !== '' && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
    headers['content-type'] = 'application/json; charset=utf-8';
  }
  res.writeHead(reply.status, headers);
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Wait `ms`, or until the peer closes the connection, whichever comes first. */
function sleepUnlessClosed(ms: number, socket: Socket): Promise<void> {
  if (socket.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      socket.off('close', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    socket.once('close', done);
  });
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
