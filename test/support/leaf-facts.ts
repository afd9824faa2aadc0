/**
 * A leaf's facts as the report carries them, for tests of the presentations (summary, text, chart)
 * that need a certificate row but no real certificate: subject and names from one common name.
 */
import type { CertFacts } from '../../src/certs/inspect.ts';

export function leafFacts(cn: string, notAfter: string, daysRemaining: number): CertFacts {
  return {
    subject: `CN=${cn}`,
    commonName: cn,
    issuer: 'CN=Issuer',
    issuerCommonName: 'Issuer',
    serial: '01',
    notBefore: '2026-01-01T00:00:00.000Z',
    notAfter,
    daysRemaining,
    dnsNames: [cn],
    ipAddresses: [],
    key: { type: 'ec', bits: 256, curve: 'P-256' },
    signatureAlgorithm: 'ecdsa-with-SHA256',
    isCA: false,
    selfSigned: false,
    sha1: 'a'.repeat(40),
    sha256: 'b'.repeat(64),
  };
}
