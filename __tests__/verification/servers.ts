/**
 * Real loopback servers for the live checks: a TLS server that serves a certificate per SNI name
 * (and can switch what it serves mid-test), one that resets every connection, and one that
 * accepts and never answers. Each records the SNI names it was asked for.
 */
import * as net from 'node:net';
import * as tls from 'node:tls';
import type { Issued } from '../../test/support/pki.ts';

export interface Served {
  leaf: Issued;
  /** Certificates sent after the leaf (intermediates); empty serves the leaf alone. */
  chain: Issued[];
}

export interface Listening {
  port: number;
  close(): Promise<void>;
}

export interface TlsDouble extends Listening {
  /** SNI names asked for, in order (a client that sends none adds nothing). */
  readonly names: string[];
  /** What is served from now on, for every name. */
  serve(next: Served): void;
}

/** How the server speaks TLS: e.g. an old server that stops at TLS 1.1, or one capped at TLS 1.2. */
export interface ServerTls {
  minVersion?: tls.SecureVersion;
  maxVersion?: tls.SecureVersion;
}

/**
 * Security level 0 on the server, so it can serve what clients should refuse (an RSA 1024 key,
 * TLS 1.0/1.1): OpenSSL 3 at its default level will not even load such a certificate.
 */
function serverOptions(versions: ServerTls): tls.SecureContextOptions {
  return { ciphers: `${tls.DEFAULT_CIPHERS}:@SECLEVEL=0`, ...versions };
}

function contextFor(served: Served, versions: ServerTls): tls.SecureContext {
  return tls.createSecureContext({
    ...serverOptions(versions),
    key: served.leaf.keyPem,
    cert: [served.leaf.certPem, ...served.chain.map((c) => c.certPem)].join(''),
  });
}

function listen(server: net.Server, host: string, port = 0): Promise<Listening> {
  const sockets = new Set<net.Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address() as net.AddressInfo;
      resolve({
        port: address.port,
        close: () =>
          new Promise((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

/** `port` 0 picks a free one; give one to put a second address of a name on the same port. */
export async function tlsServer(
  host: string,
  initial: Served,
  port = 0,
  versions: ServerTls = {},
): Promise<TlsDouble> {
  let current = contextFor(initial, versions);
  const names: string[] = [];
  const server = tls.createServer({
    ...serverOptions(versions),
    key: initial.leaf.keyPem,
    cert: initial.leaf.certPem,
    SNICallback: (name, done) => {
      names.push(name);
      done(null, current);
    },
  });
  // Without SNI the callback never runs: the default context serves, so it follows `current` too.
  server.on('secureConnection', (socket: tls.TLSSocket) => {
    socket.on('error', () => {});
    socket.end();
  });
  server.on('tlsClientError', () => {});
  const listening = await listen(server, host, port);
  return {
    ...listening,
    names,
    serve(next) {
      current = contextFor(next, versions);
      server.setSecureContext({
        ...serverOptions(versions),
        key: next.leaf.keyPem,
        cert: [next.leaf.certPem, ...next.chain.map((c) => c.certPem)].join(''),
      });
    },
  };
}

/** Accepts, then destroys every connection at once: a crashed proxy, a firewall's RST. */
export function resettingServer(host: string): Promise<Listening> {
  const server = net.createServer((socket) => socket.resetAndDestroy());
  return listen(server, host);
}

/** Accepts TCP and never says a word: the handshake stalls until the client gives up. */
export function stallingServer(host: string): Promise<Listening> {
  const server = net.createServer((socket) => socket.on('error', () => {}));
  return listen(server, host);
}

/** Answers in plain text: a port that does not speak TLS at all. */
export function plainServer(host: string): Promise<Listening> {
  const server = net.createServer((socket) => {
    socket.on('error', () => {});
    socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
  });
  return listen(server, host);
}

/** A port nobody listens on (bound, then released). */
export async function closedPort(host: string): Promise<number> {
  const listening = await listen(net.createServer(), host);
  await listening.close();
  return listening.port;
}

/** Whether this machine can listen on ::1 (containers often run without IPv6). */
export async function ipv6Loopback(): Promise<boolean> {
  try {
    const listening = await listen(net.createServer(), '::1');
    await listening.close();
    return true;
  } catch {
    return false;
  }
}
