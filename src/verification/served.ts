/**
 * What one address served, as data: either the certificate facts a client saw, or why there were
 * none. A failure here is a finding for the report, never a throw.
 */
import type { KeyFacts } from '../certs/keys.ts';
import type { Target } from './targets.ts';

/** Why no certificate was seen. */
export type CheckErrorKind = 'refused' | 'reset' | 'timeout' | 'unreachable' | 'handshake' | 'connect';

/** One certificate of the chain a client built, with what it takes to judge it on its own. */
export interface ChainCertificate {
  subject: string;
  issuer: string;
  /** ISO 8601. */
  notBefore: string;
  notAfter: string;
  /** Lowercase hex without colons. */
  sha256: string;
  /** Names itself as issuer and its own key verifies it: a root (or a self-signed leaf). */
  selfSigned: boolean;
  key: KeyFacts;
  /** e.g. sha256WithRSAEncryption; `weakSignature` for MD5 and SHA-1. */
  signature: string;
  weakSignature: boolean;
}

export interface ServedCertificate {
  /** The served leaf's SHA-1, lowercase hex without colons (as the rest of the action writes it). */
  sha1: string;
  sha256: string;
  subject: string;
  /** ISO 8601: with notAfter, the lifetime a percent threshold is measured against. */
  notBefore: string;
  /** ISO 8601. */
  notAfter: string;
  /** The leaf's public key: type and size (RSA bits, EC curve, Ed25519). */
  key: KeyFacts;
  /** The leaf's subjectAltName entries, at most MAX_SERVED_NAMES of each kind. */
  names: { dns: string[]; ip: string[] };
  /** More names than were kept: a report says so instead of listing a partial set as whole. */
  namesTruncated: boolean;
  /**
   * One-line subjects from the leaf up, as the client built the chain: what the server sent,
   * completed from the trusted roots when it reaches one.
   */
  chain: string[];
  /**
   * The same chain, leaf first, with each certificate's facts (at most MAX_CHAIN_LENGTH). Node
   * re-links what the server sent by issuer and completes it from the trust store, so this is not
   * the order the server sent: a missing intermediate shows as a chain that stops at the leaf.
   */
  certificates: ChainCertificate[];
  /** e.g. TLSv1.3. */
  protocol: string;
  /** The chain verifies to Node's default roots or to one of the extra CA certificates given. */
  trusted: boolean;
  /** OpenSSL's reason when untrusted (e.g. UNABLE_TO_VERIFY_LEAF_SIGNATURE), and what it means. */
  trustError?: { code: string; meaning: string };
  /** The leaf covers the host (or the IP literal) it was asked for. */
  nameMatches: boolean;
}

export interface CheckResult extends Target {
  served?: ServedCertificate;
  error?: { kind: CheckErrorKind; message: string };
  /** Wall time of the attempt, for the report (never compared in tests). */
  elapsedMs: number;
}

const TRUST_MEANINGS: Record<string, string> = {
  UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    'the server sent the leaf without the intermediate that signed it (or its issuer is unknown)',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    'the chain does not reach a trusted root: an intermediate is missing or the root is not trusted',
  UNABLE_TO_GET_ISSUER_CERT: 'the chain does not reach a trusted root: an intermediate is missing',
  SELF_SIGNED_CERT_IN_CHAIN: 'the chain ends at a root that is not trusted',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the served certificate is self-signed',
  CERT_HAS_EXPIRED: 'a certificate in the chain has expired',
  CERT_NOT_YET_VALID: 'a certificate in the chain is not valid yet',
  CERT_SIGNATURE_FAILURE: 'a signature in the chain does not verify',
};

export function trustMeaning(code: string): string {
  return TRUST_MEANINGS[code] ?? 'the chain does not verify';
}

/** The socket error codes a report can name; the rest are handshake or connect failures. */
export function errorKind(error: Error & { code?: unknown }): CheckErrorKind {
  switch (error.code) {
    case 'ECONNREFUSED':
      return 'refused';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'reset';
    case 'ETIMEDOUT':
      return 'timeout';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EADDRNOTAVAIL':
      return 'unreachable';
  }
  const code = typeof error.code === 'string' ? error.code : '';
  return code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS') || /ssl|tls/i.test(error.message)
    ? 'handshake'
    : 'connect';
}
