/**
 * The TLS side of a provider double: a real node:tls server on 127.0.0.1 that answers each
 * handshake with whatever certificate the double says it serves for the requested name (SNI),
 * so a test sees on the wire what a client would. The double decides per handshake (`pick`), so a
 * rebind, a reload or a delay shows up on the next connection. Key material stays in memory,
 * nowhere else: nothing here logs.
 */
import { X509Certificate } from 'node:crypto';
import type { AddressInfo, Socket } from 'node:net';
import { createSecureContext, createServer, type SecureContext, type Server } from 'node:tls';

/** A certificate (leaf first, then its chain) and its private key, both PEM. */
export interface ServedPair {
  cert: string;
  key: string;
}

/** What the double serves for a name; undefined: nothing (the fallback, or a failed handshake). */
export type PickServed = (servername: string) => ServedPair | undefined;

export const TLS_ADDRESS = '127.0.0.1';

export class TlsFront {
  readonly address = TLS_ADDRESS;
  readonly port: number;
  private readonly server: Server;
  private readonly sockets: Set<Socket>;

  private constructor(server: Server, port: number, sockets: Set<Socket>) {
    this.server = server;
    this.port = port;
    this.sockets = sockets;
  }

  /** `fallback`: served for an unknown name and for a client that sends no SNI at all. */
  static async start(pick: PickServed, fallback?: ServedPair): Promise<TlsFront> {
    const contexts = new WeakMap<ServedPair, SecureContext>();
    const contextOf = (pair: ServedPair): SecureContext => {
      let context = contexts.get(pair);
      if (!context) {
        context = createSecureContext({ cert: pair.cert, key: pair.key });
        contexts.set(pair, context);
      }
      return context;
    };
    const sockets = new Set<Socket>();
    const server = createServer(
      {
        ...(fallback ? { cert: fallback.cert, key: fallback.key } : {}),
        SNICallback: (servername, done) => {
          try {
            const pair = pick(servername) ?? fallback;
            if (pair) done(null, contextOf(pair));
            else done(new Error(`the double serves nothing for ${servername}`));
          } catch (error) {
            // A row the double cannot serve (Dokploy stores anything): the handshake fails.
            done(error as Error);
          }
        },
      },
      (socket) => socket.end(),
    );
    // A failed handshake is an answer the test looks at from the client side, not a crash here.
    server.on('tlsClientError', () => {});
    server.on('connection', (socket: Socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, TLS_ADDRESS, () => resolve());
    });
    return new TlsFront(server, (server.address() as AddressInfo).port, sockets);
  }

  close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/**
 * Whether a certificate name covers a host name, as browsers and Traefik match: case-insensitive,
 * a wildcard stands for exactly one whole left-most label (`*.example.test` covers `a.example.test`,
 * not `example.test` nor `a.b.example.test`).
 */
export function nameCovers(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase().replace(/\.$/, '');
  const h = host.toLowerCase().replace(/\.$/, '');
  if (p === '' || h === '') return false;
  if (!p.startsWith('*.')) return p === h;
  const dot = h.indexOf('.');
  return dot > 0 && h.slice(dot + 1) === p.slice(2);
}

/** The names a leaf certificate is served for: its SAN DNS names and its CN (as Traefik indexes them). */
export function namesOf(certPem: string): string[] {
  const leaf = new X509Certificate(certPem);
  const names = new Set<string>();
  const cn = /(?:^|\n)CN=([^\n]+)/.exec(leaf.subject)?.[1];
  if (cn) names.add(cn);
  for (const entry of (leaf.subjectAltName ?? '').split(', ')) {
    if (entry.startsWith('DNS:')) names.add(entry.slice(4));
  }
  return [...names];
}
