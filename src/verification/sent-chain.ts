/**
 * The chain in the order the server sent it: a second, TLS 1.2-only handshake whose bytes from
 * the server are kept (at most MAX_CAPTURE_BYTES) and read by certificate-message.ts. The main
 * check (handshake.ts) cannot tell: Node re-links the chain by issuer and completes it from the
 * trust store before showing it. A server that speaks only TLS 1.3 encrypts its Certificate
 * message, and the order stays unknown; that is an answer, not a failure.
 */
import { X509Certificate } from 'node:crypto';
import { isIP, Socket } from 'node:net';
import { Duplex } from 'node:stream';
import * as tls from 'node:tls';
import { fingerprint, oneLineName } from '../certs/inspect.ts';
import { MAX_CAPTURE_BYTES, readCertificateMessage } from './certificate-message.ts';
import { DEFAULT_HANDSHAKE_TIMEOUT_MS } from './limits.ts';
import { quote } from './quote.ts';
import type { Target } from './targets.ts';

export interface SentCertificate {
  subject: string;
  issuer: string;
  /** Lowercase hex without colons. */
  sha256: string;
}

export type SentChain = { known: true; certificates: SentCertificate[] } | { known: false; reason: string };

/**
 * A duplex over the TCP socket that keeps a copy of what the server sends. tls.connect over a
 * plain net.Socket reads its handle directly, out of sight of 'data' listeners; over a JS stream
 * every byte passes through here.
 */
function tap(raw: Socket, captured: Buffer[]): Duplex {
  let kept = 0;
  const duplex = new Duplex({
    read() {},
    write(chunk: Buffer, _encoding, done) {
      raw.write(chunk, done);
    },
    final(done) {
      raw.end();
      done();
    },
    destroy(error, done) {
      raw.destroy();
      done(error);
    },
  });
  raw.on('data', (chunk: Buffer) => {
    // One byte past the bound is kept, so the reader can tell "too much" from "just enough".
    if (kept <= MAX_CAPTURE_BYTES) {
      const part = chunk.subarray(0, MAX_CAPTURE_BYTES + 1 - kept);
      captured.push(part);
      kept += part.length;
    }
    duplex.push(chunk);
  });
  raw.on('end', () => duplex.push(null));
  raw.on('error', (error) => duplex.destroy(error));
  return duplex;
}

function describe(ders: readonly Buffer[]): SentChain {
  try {
    return {
      known: true,
      certificates: ders.map((der) => {
        const cert = new X509Certificate(der);
        return {
          subject: oneLineName(cert.subject),
          issuer: oneLineName(cert.issuer),
          sha256: fingerprint(cert, 'sha256'),
        };
      }),
    };
  } catch {
    return { known: false, reason: 'a certificate the server sent could not be read' };
  }
}

/** Why the order is unknown, most specific first: the version, what was read, how it failed. */
function unknownBecause(
  error: (Error & { code?: unknown }) | undefined,
  received: number,
  parsed: string,
): string {
  const code = typeof error?.code === 'string' ? error.code : '';
  if (/PROTOCOL_VERSION|UNSUPPORTED_PROTOCOL/.test(code)) {
    return 'the server does not speak TLS 1.2, and in TLS 1.3 the certificate is encrypted';
  }
  if (received > 0 || error === undefined) return parsed;
  return `the TLS 1.2 handshake failed: ${quote(error.message.slice(0, 200))}`;
}

export function sentChain(target: Target, options: { timeoutMs?: number } = {}): Promise<SentChain> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_HANDSHAKE_TIMEOUT_MS;
  const captured: Buffer[] = [];
  return new Promise((resolve) => {
    let settled = false;
    // Connecting first: a write before connect() fails with "Socket is closed", not queued.
    const raw = new Socket().connect(target.port, target.address);
    const finish = (error?: Error & { code?: unknown }): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      raw.destroy();
      const received = Buffer.concat(captured);
      const message = readCertificateMessage(received);
      if (message.found) resolve(describe(message.ders));
      else resolve({ known: false, reason: unknownBecause(error, received.length, message.reason) });
    };
    const socket = tls.connect({
      socket: tap(raw, captured),
      ...(isIP(target.host) ? {} : { servername: target.host }),
      rejectUnauthorized: false,
      checkServerIdentity: () => undefined,
      // TLS 1.2 at most: the only version whose Certificate message travels in the clear.
      maxVersion: 'TLSv1.2',
      minVersion: 'TLSv1',
      ciphers: `${tls.DEFAULT_CIPHERS}:@SECLEVEL=0`,
    });
    const timer = setTimeout(
      () => finish(new Error(`no TLS 1.2 handshake within ${timeoutMs} ms`)),
      timeoutMs,
    );
    socket.once('secureConnect', () => finish());
    socket.once('error', finish);
    socket.once('close', () => finish());
    raw.once('error', finish);
  });
}
