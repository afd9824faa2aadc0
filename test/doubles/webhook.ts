/**
 * An incoming-webhook receiver on a real loopback socket, as Slack, Mattermost and Rocket.Chat
 * run one: POST JSON to a secret path, `200 ok` back. It records every message and answers each
 * as told, including the ways a receiver goes wrong: an error status (with `retry-after`), no
 * answer at all, an answer whose body never ends, or one that trickles a byte now and then.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Behaviour =
  | { kind: 'reply'; status: number; body?: string; headers?: Record<string, string> }
  /** Read the message, answer nothing, hold the connection until the client goes. */
  | { kind: 'stall' }
  /** 200 and a body that never ends: a chunk every few milliseconds until the client goes. */
  | { kind: 'endless' }
  /** 200 and one byte every `everyMs`: never slow enough for a between-chunks timeout. */
  | { kind: 'trickle'; everyMs: number };

export interface Received {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  raw: string;
  /** Parsed JSON, or undefined. */
  body: unknown;
}

export class WebhookReceiver {
  readonly received: Received[] = [];
  /** The path a real webhook's token is in: random per receiver, like Slack's. */
  readonly secretPath = `/services/T${hex(4)}/B${hex(4)}/${randomBytes(18).toString('base64url')}`;
  /** How to answer the n-th message (1-based); default `200 ok`. */
  behave: (n: number) => Behaviour = () => ({ kind: 'reply', status: 200, body: 'ok' });
  private origin = '';
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      this.received.push({
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        raw,
        body: parse(raw),
      });
      this.answer(this.behave(this.received.length), res);
    });
  });

  static async start(): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver();
    receiver.server.on('connection', (socket) => {
      receiver.sockets.add(socket);
      socket.on('close', () => receiver.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    receiver.origin = `http://127.0.0.1:${(receiver.server.address() as AddressInfo).port}`;
    return receiver;
  }

  /** The webhook URL, token and all: the secret the action must never show. */
  get url(): string {
    return `${this.origin}${this.secretPath}`;
  }

  /** The messages that reached the secret path. */
  messages(): unknown[] {
    return this.received.filter((r) => r.path === this.secretPath).map((r) => r.body);
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private answer(behaviour: Behaviour, res: ServerResponse): void {
    if (behaviour.kind === 'reply') {
      res.writeHead(behaviour.status, { 'content-type': 'text/plain', ...behaviour.headers });
      res.end(behaviour.body ?? '');
      return;
    }
    if (behaviour.kind === 'stall') return;
    res.writeHead(200, { 'content-type': 'text/plain' });
    const chunk = behaviour.kind === 'endless' ? 'x'.repeat(4096) : 'x';
    const timer = setInterval(
      () => {
        if (res.destroyed || res.writableEnded) {
          clearInterval(timer);
          this.timers.delete(timer);
        } else res.write(chunk);
      },
      behaviour.kind === 'endless' ? 2 : behaviour.everyMs,
    );
    this.timers.add(timer);
  }
}

function hex(bytes: number): string {
  return randomBytes(bytes).toString('hex').toUpperCase();
}

function parse(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}
