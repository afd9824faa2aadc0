/**
 * The algorithm a certificate is signed with. Node 24.9+ reports it (`signatureAlgorithmOid`);
 * older Node 24 releases, which a runner may still have, do not, so the OID is read from the
 * DER then: Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signature }.
 */
import type { X509Certificate } from 'node:crypto';
import { decodeOid, derElements, inside } from './der.ts';

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
  const [certificate] = derElements(der);
  const [, algorithm] = inside(der, certificate);
  const [oid] = inside(der, algorithm);
  if (oid?.tag !== 0x06) return undefined;
  return decodeOid(der.subarray(oid.contentStart, oid.end));
}
