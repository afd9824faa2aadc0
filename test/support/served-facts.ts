/**
 * What a handshake reads, made by hand for tests that need no socket (the poller, the verdicts):
 * a plausible served certificate whose fields a test overrides where it matters.
 */
import type { ServedCertificate } from '../../src/verification/served.ts';

export function servedFacts(overrides: Partial<ServedCertificate> & { sha1: string }): ServedCertificate {
  const subject = overrides.subject ?? 'CN=app.example.test';
  return {
    sha256: '0'.repeat(64),
    subject,
    notBefore: '2026-12-01T00:00:00.000Z',
    notAfter: '2027-03-01T00:00:00.000Z',
    key: { type: 'ec', bits: 256, curve: 'P-256' },
    names: { dns: [subject.replace(/^CN=/, '')], ip: [] },
    namesTruncated: false,
    chain: [subject],
    certificates: [],
    protocol: 'TLSv1.3',
    trusted: true,
    nameMatches: true,
    ...overrides,
  };
}
