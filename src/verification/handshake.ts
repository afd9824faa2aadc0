/**
 * One TLS handshake with one address, read for what a client is served. The effect at the edge:
 * everything else in this folder is pure.
 *
 * The handshake never rejects on trust (`rejectUnauthorized: false`): an unknown root is a
 * finding to report, and must not hide which certificate the address serves. Trust is judged by
 * OpenSSL against Node's default roots plus the extra CA certificates given (the socket's
 * `authorized`), and the name separately, so a wrong name and a wrong chain read apart.
 */
import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import * as tls from 'node:tls';
import { covers } from '../certs/hostnames.ts';
import { fingerprint, isSelfSigned, oneLineName, subjectAltNames } from '../certs/inspect.ts';
import { describeKey } from '../certs/keys.ts';
import { signatureAlgorithm } from '../certs/signature.ts';
import { DEFAULT_HANDSHAKE_TIMEOUT_MS, MAX_CHAIN_LENGTH, MAX_SERVED_NAMES } from './limits.ts';
import {
  type ChainCertificate,
  type CheckResult,
  errorKind,
  type ServedCertificate,
  trustMeaning,
} from './served.ts';
import type { Target } from './targets.ts';

export interface HandshakeOptions {
  /** Connect plus handshake, per attempt. A server that accepts and never answers ends here. */
  timeoutMs?: number;
  /** PEM CA certificates trusted besides Node's default roots (a private CA). */
  extraCaPems?: readonly string[];
}

/** Checks one target; the poller takes another in tests that need no sockets. */
export type CheckTarget = (target: Target) => Promise<CheckResult>;

const MESSAGE_LIMIT = 200;

/** Certificates from the leaf up; Node links a root to itself, hence the seen-set and the bound. */
function chainFromLeaf(peer: tls.DetailedPeerCertificate): X509Certificate[] {
  const certs: X509Certificate[] = [];
  const seen = new Set<string>();
  let current: tls.DetailedPeerCertificate | undefined = peer;
  while (current?.raw && certs.length < MAX_CHAIN_LENGTH && !seen.has(current.fingerprint256)) {
    seen.add(current.fingerprint256);
    certs.push(new X509Certificate(current.raw));
    current = current.issuerCertificate;
  }
  return certs;
}

function chainCertificate(cert: X509Certificate): ChainCertificate {
  const signature = signatureAlgorithm(cert);
  return {
    subject: oneLineName(cert.subject),
    issuer: oneLineName(cert.issuer),
    notBefore: cert.validFromDate.toISOString(),
    notAfter: cert.validToDate.toISOString(),
    sha256: fingerprint(cert, 'sha256'),
    selfSigned: isSelfSigned(cert),
    key: describeKey(cert.publicKey),
    signature: signature.name,
    weakSignature: signature.weak,
  };
}

function readServed(socket: tls.TLSSocket, target: Target): ServedCertificate | undefined {
  // One read of the peer, and the leaf parsed from it: on Node 24.21, getPeerCertificate()
  // returns {} once getPeerX509Certificate() has been called on the same socket.
  const peer = socket.getPeerCertificate(true);
  if (!peer?.raw) return undefined;
  const chain = chainFromLeaf(peer);
  const leaf = chain[0]!;
  const code = socket.authorized ? undefined : String(socket.authorizationError ?? 'UNKNOWN');
  const names = subjectAltNames(leaf.subjectAltName);
  return {
    sha1: fingerprint(leaf, 'sha1'),
    sha256: fingerprint(leaf, 'sha256'),
    subject: oneLineName(leaf.subject),
    notBefore: leaf.validFromDate.toISOString(),
    notAfter: leaf.validToDate.toISOString(),
    key: describeKey(leaf.publicKey),
    names: { dns: names.dns.slice(0, MAX_SERVED_NAMES), ip: names.ip.slice(0, MAX_SERVED_NAMES) },
    namesTruncated: names.dns.length > MAX_SERVED_NAMES || names.ip.length > MAX_SERVED_NAMES,
    chain: chain.map((cert) => oneLineName(cert.subject)),
    certificates: chain.map(chainCertificate),
    protocol: socket.getProtocol() ?? 'unknown',
    trusted: socket.authorized,
    ...(code === undefined ? {} : { trustError: { code, meaning: trustMeaning(code) } }),
    // The project's own matching rule (SANs only, RFC 6125 wildcards, IPs in any spelling),
    // on every name (the bound above is for the report only).
    nameMatches: covers(names, target.host),
  };
}

export function checkTarget(target: Target, options: HandshakeOptions = {}): Promise<CheckResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_HANDSHAKE_TIMEOUT_MS;
  const extra = options.extraCaPems ?? [];
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: Pick<CheckResult, 'served' | 'error'>): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ ...target, ...outcome, elapsedMs: Math.round(performance.now() - started) });
    };
    const fail = (kind: NonNullable<CheckResult['error']>['kind'], message: string): void =>
      finish({ error: { kind, message: message.slice(0, MESSAGE_LIMIT) } });

    const socket = tls.connect({
      host: target.address,
      port: target.port,
      // SNI carries names only (RFC 6066): an IP-literal host sends none.
      ...(isIP(target.host) ? {} : { servername: target.host }),
      rejectUnauthorized: false,
      // Names are judged apart from the chain (readServed), so `authorized` speaks of the chain alone.
      checkServerIdentity: () => undefined,
      ...(extra.length > 0 ? { ca: [...tls.getCACertificates('default'), ...extra] } : {}),
      // Accept what clients should refuse (TLS 1.0/1.1, RSA 1024, SHA-1 signatures) so the report
      // can name it: at Node's defaults the handshake fails with "protocol version" or verification
      // ends in a bare UNSPECIFIED, and the address would read as unreachable instead of weak.
      // Judging is assess.ts's work, which holds these to what clients accept.
      minVersion: 'TLSv1',
      ciphers: `${tls.DEFAULT_CIPHERS}:@SECLEVEL=0`,
    });
    const timer = setTimeout(() => fail('timeout', `no TLS handshake within ${timeoutMs} ms`), timeoutMs);
    socket.once('secureConnect', () => {
      try {
        const served = readServed(socket, target);
        if (served) finish({ served });
        else fail('handshake', 'the server sent no certificate');
      } catch (error) {
        fail('handshake', `the served certificate could not be read: ${(error as Error).message}`);
      }
    });
    socket.once('error', (error: Error & { code?: unknown }) => fail(errorKind(error), error.message));
    socket.once('close', () => fail('reset', 'the connection closed before the handshake ended'));
  });
}
