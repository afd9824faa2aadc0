/**
 * Cryptographic strength. Errors for what clients refuse or attackers break (RSA under 2048
 * bits, DSA, MD5/SHA-1 signatures); warnings for what many clients do not accept (curves other
 * than P-256/P-384, EdDSA certificates).
 */
import type { X509Certificate } from 'node:crypto';
import { type Finding, finding } from './findings.ts';
import { oneLineName } from './inspect.ts';
import { describeKey, type KeyFacts, keyLabel } from './keys.ts';
import { signatureAlgorithm } from './signature.ts';

const COMMON_CURVES = new Set(['P-256', 'P-384']);

export function strengthFindings(cert: X509Certificate, role: 'leaf' | 'intermediate'): Finding[] {
  const subject = oneLineName(cert.subject);
  const what = role === 'leaf' ? `The certificate "${subject}"` : `The intermediate certificate "${subject}"`;
  return [
    ...keyStrengthFindings(describeKey(cert.publicKey), role, what, subject),
    ...signatureStrengthFindings(signatureAlgorithm(cert), what, subject),
  ];
}

/**
 * The key rules on a key's facts alone, so they apply as well to a certificate a server served
 * (verification/assess.ts), which is judged from facts read during the handshake. `what` begins
 * the message ("The certificate "CN=…"", or one naming where it was served).
 */
export function keyStrengthFindings(
  key: KeyFacts,
  role: 'leaf' | 'intermediate',
  what: string,
  subject: string,
): Finding[] {
  if ((key.type === 'rsa' || key.type === 'rsa-pss') && key.bits < 2048) {
    return [
      finding(
        'WEAK_KEY',
        'error',
        `${what} has a ${key.bits}-bit RSA key; clients require at least 2048 bits.`,
        'Issue a new certificate with an RSA 2048+ or ECDSA P-256 key.',
        { subject },
      ),
    ];
  }
  if (key.type === 'dsa') {
    return [
      finding(
        'WEAK_KEY',
        'error',
        `${what} has a DSA key, which TLS clients no longer accept.`,
        'Issue a new certificate with an RSA 2048+ or ECDSA P-256 key.',
        { subject },
      ),
    ];
  }
  if (role === 'leaf' && key.type === 'ec' && !COMMON_CURVES.has(key.curve ?? '')) {
    return [
      finding(
        'UNUSUAL_KEY',
        'warning',
        `${what} uses the curve ${key.curve}; many clients and load balancers accept only P-256 and P-384.`,
        'Prefer a P-256 or P-384 key (e.g. certbot --key-type ecdsa --elliptic-curve secp256r1).',
        { subject },
      ),
    ];
  }
  if (role === 'leaf' && (key.type === 'ed25519' || key.type === 'ed448')) {
    return [
      finding(
        'UNUSUAL_KEY',
        'warning',
        `${what} has an ${keyLabel(key)} key; browsers and most load balancers do not accept EdDSA certificates.`,
        'Use an ECDSA P-256 or RSA 2048+ certificate for public sites.',
        { subject },
      ),
    ];
  }
  return [];
}

/** The signature rule on the algorithm's name and verdict (signature.ts), for the same reason. */
export function signatureStrengthFindings(
  signature: { name: string; weak: boolean },
  what: string,
  subject: string,
): Finding[] {
  if (!signature.weak) return [];
  return [
    finding(
      'WEAK_SIGNATURE',
      'error',
      `${what} is signed with ${signature.name}; clients reject MD5 and SHA-1 signatures.`,
      'Have it re-issued with a SHA-256 (or stronger) signature.',
      { subject },
    ),
  ];
}
