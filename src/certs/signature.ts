/**
 * The algorithm a certificate is signed with. Node 24.9+ reports it (`signatureAlgorithmOid`);
 * older Node 24 releases, which a runner may still have, do not, so the OID is read from the
 * DER then: Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signature }.
 */
import type { X509Certificate } from 'node:crypto';

export interface SignatureAlgorithm {
  oid: string;
  name: string;
  /** The digest is broken for signatures (MD2, MD5, SHA-1). */
  weak: boolean;
}

const KNOWN: Record<string, { name: string; weak?: true }> = {
  '1.2.840.113549.1.1.2': { name: 'md2WithRSAEncryption', weak: true },
  '1.2.840.113549.1.1.4': { name: 'md5WithRSAEncryption', weak: true },
  '1.2.840.113549.1.1.5': { name: 'sha1WithRSAEncryption', weak: true },
  '1.2.840.10045.4.1': { name: 'ecdsa-with-SHA1', weak: true },
  '1.2.840.10040.4.3': { name: 'dsa-with-SHA1', weak: true },
  '1.3.14.3.2.29': { name: 'sha1WithRSASignature', weak: true },
  '1.2.840.113549.1.1.11': { name: 'sha256WithRSAEncryption' },
  '1.2.840.113549.1.1.12': { name: 'sha384WithRSAEncryption' },
  '1.2.840.113549.1.1.13': { name: 'sha512WithRSAEncryption' },
  '1.2.840.113549.1.1.10': { name: 'RSASSA-PSS' },
  '1.2.840.10045.4.3.2': { name: 'ecdsa-with-SHA256' },
  '1.2.840.10045.4.3.3': { name: 'ecdsa-with-SHA384' },
  '1.2.840.10045.4.3.4': { name: 'ecdsa-with-SHA512' },
  '1.3.101.112': { name: 'Ed25519' },
  '1.3.101.113': { name: 'Ed448' },
};

export function signatureAlgorithm(cert: X509Certificate): SignatureAlgorithm {
  const fromNode = (cert as { signatureAlgorithmOid?: string }).signatureAlgorithmOid;
  const oid = fromNode ?? signatureOidFromDer(cert.raw) ?? 'unknown';
  const known = KNOWN[oid];
  return { oid, name: known?.name ?? oid, weak: known?.weak === true };
}

/** Read the outer signatureAlgorithm OID of a DER certificate; undefined if the DER is odd. */
export function signatureOidFromDer(der: Uint8Array): string | undefined {
  const outer = readHeader(der, 0);
  if (!outer || der[0] !== 0x30) return undefined;
  const tbs = readHeader(der, outer.contentStart);
  if (!tbs) return undefined;
  const algorithm = readHeader(der, tbs.end);
  if (!algorithm || der[tbs.end] !== 0x30) return undefined;
  const oid = readHeader(der, algorithm.contentStart);
  if (!oid || der[algorithm.contentStart] !== 0x06) return undefined;
  return decodeOid(der.subarray(oid.contentStart, oid.end));
}

function readHeader(der: Uint8Array, at: number): { contentStart: number; end: number } | undefined {
  if (at + 2 > der.length) return undefined;
  let length = der[at + 1]!;
  let contentStart = at + 2;
  if (length & 0x80) {
    const octets = length & 0x7f;
    if (octets === 0 || octets > 4 || contentStart + octets > der.length) return undefined;
    length = 0;
    for (let i = 0; i < octets; i++) length = length * 256 + der[contentStart + i]!;
    contentStart += octets;
  }
  const end = contentStart + length;
  return end <= der.length ? { contentStart, end } : undefined;
}

function decodeOid(bytes: Uint8Array): string | undefined {
  // Empty, or the last arc is cut off (its final byte still has the continuation bit).
  if (bytes.length === 0 || bytes[bytes.length - 1]! & 0x80) return undefined;
  const parts: number[] = [];
  let value = 0;
  for (const byte of bytes) {
    value = value * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      parts.push(value);
      value = 0;
    }
  }
  const first = parts.shift();
  if (first === undefined) return undefined;
  const head = first < 40 ? [0, first] : first < 80 ? [1, first - 40] : [2, first - 80];
  return [...head, ...parts].join('.');
}
