/**
 * Public facts about one certificate, in the forms the rest of the action reports and compares:
 * fingerprints as lowercase hex without colons (what DigitalOcean's `sha1_fingerprint` holds),
 * dates as ISO strings, names split out of Node's `subjectAltName` text.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { describeKey, type KeyFacts } from './keys.ts';
import { normaliseText, scanPem } from './pem.ts';
import { signatureAlgorithm } from './signature.ts';

export interface CertFacts {
  subject: string;
  commonName?: string;
  issuer: string;
  issuerCommonName?: string;
  /** Lowercase hex, no colons, no leading-zero padding removed. */
  serial: string;
  notBefore: string;
  notAfter: string;
  /** Whole days from `now` to not-after, rounded down; negative once expired. */
  daysRemaining: number;
  dnsNames: string[];
  ipAddresses: string[];
  key: KeyFacts;
  signatureAlgorithm: string;
  isCA: boolean;
  selfSigned: boolean;
  sha1: string;
  sha256: string;
}

const DAY_MS = 86_400_000;

export function fingerprint(cert: X509Certificate, algorithm: 'sha1' | 'sha256'): string {
  return createHash(algorithm).update(cert.raw).digest('hex');
}

/**
 * Node prints distinguished names one attribute a line; reports want one line. A name can be
 * empty (RFC 5280 allows a subject-less certificate that names itself only in its SAN), and Node
 * then gives `undefined` despite its types.
 */
export function oneLineName(name: string | undefined): string {
  const line = (name ?? '').split('\n').filter(Boolean).join(', ');
  return line === '' ? '(empty name)' : line;
}

export function commonName(name: string | undefined): string | undefined {
  for (const part of (name ?? '').split('\n')) {
    if (part.startsWith('CN=')) return part.slice(3);
  }
  return undefined;
}

/**
 * SHA-256 of the certificate's public key (its SubjectPublicKeyInfo, DER), lowercase hex: equal
 * for two certificates exactly when they certify the same key pair. Only ever the public half.
 */
export function publicKeySha256(cert: X509Certificate): string {
  return createHash('sha256')
    .update(cert.publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}

/**
 * Self-signed: the certificate names itself as issuer and its own key verifies it. Not
 * checkIssued alone: that also wants keyCertSign, which a self-signed server certificate's
 * keyUsage (digitalSignature, keyEncipherment) usually lacks.
 */
export function isSelfSigned(cert: X509Certificate): boolean {
  // Plain equality: an empty subject and issuer (both undefined) is how a nameless certificate
  // names itself; the signature check decides.
  return (cert.subject === cert.issuer || cert.checkIssued(cert)) && verifies(cert, cert);
}

/** Equal and present: two different certificates with empty names say nothing about who issued whom. */
export function sameName(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && a !== '' && a === b;
}

/** Whether `issuer`'s key signed `cert` (never throws: mismatched key types just fail). */
export function verifies(cert: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return cert.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

export function daysUntil(date: Date, now: Date): number {
  return Math.floor((date.getTime() - now.getTime()) / DAY_MS);
}

export function inspectCertificate(cert: X509Certificate, now: Date): CertFacts {
  const names = subjectAltNames(cert.subjectAltName);
  const facts: CertFacts = {
    subject: oneLineName(cert.subject),
    issuer: oneLineName(cert.issuer),
    serial: cert.serialNumber.toLowerCase(),
    notBefore: cert.validFromDate.toISOString(),
    notAfter: cert.validToDate.toISOString(),
    daysRemaining: daysUntil(cert.validToDate, now),
    dnsNames: names.dns,
    ipAddresses: names.ip,
    key: describeKey(cert.publicKey),
    signatureAlgorithm: signatureAlgorithm(cert).name,
    isCA: cert.ca,
    selfSigned: isSelfSigned(cert),
    sha1: fingerprint(cert, 'sha1'),
    sha256: fingerprint(cert, 'sha256'),
  };
  const cn = commonName(cert.subject);
  if (cn !== undefined) facts.commonName = cn;
  const issuerCn = commonName(cert.issuer);
  if (issuerCn !== undefined) facts.issuerCommonName = issuerCn;
  return facts;
}

/**
 * Split Node's `subjectAltName` string (`DNS:a, DNS:"b,c", IP Address:1.2.3.4`). Node quotes a
 * value as a JSON string when it holds a comma or other unusual characters. Decoded, it is the
 * true value (a line break or an escape character included): what is compared is what the
 * certificate holds, and every presentation escapes it (report/escape.ts).
 */
export function subjectAltNames(text: string | undefined): { dns: string[]; ip: string[]; other: string[] } {
  const out = { dns: [] as string[], ip: [] as string[], other: [] as string[] };
  if (!text) return out;
  const entry = /\s*([A-Za-z ]+):("(?:[^"\\]|\\.)*"|[^,]*)(?:,|$)/gy;
  for (let m = entry.exec(text); m && m[0] !== ''; m = entry.exec(text)) {
    const kind = m[1]!;
    let value = m[2]!;
    if (value.startsWith('"')) {
      try {
        value = JSON.parse(value) as string;
      } catch {
        // keep the quoted text as it is
      }
    }
    if (kind === 'DNS') out.dns.push(value);
    else if (kind === 'IP Address') out.ip.push(value);
    else out.other.push(`${kind}:${value}`);
  }
  return out;
}

/**
 * The "CA Issuers" URLs of a certificate's Authority Information Access: where its issuer's
 * certificate is published. Public CAs always write one; private CAs usually do not. Node prints
 * `CA Issuers - URI:http://…` one a line, as a JSON string when the value holds unusual characters.
 * Only read, never fetched.
 */
export function caIssuersUrls(cert: X509Certificate): string[] {
  const out: string[] = [];
  for (const m of (cert.infoAccess ?? '').matchAll(/^CA Issuers - URI:(.*)$/gm)) {
    let value = m[1]!;
    if (value.startsWith('"')) {
      try {
        value = JSON.parse(value) as string;
      } catch {
        // keep the quoted text as it is
      }
    }
    if (value !== '') out.push(value);
  }
  return out;
}

/**
 * Facts of the first certificate in PEM text a provider stored (Dokploy keeps `certificateData`
 * and no fingerprint): what the rotation compares with. Undefined when there is no readable
 * certificate in it.
 */
export function leafOfPem(
  text: string,
): { sha1: string; sha256: string; keySha256: string; notAfter: string; dnsNames: string[] } | undefined {
  const block = scanPem(normaliseText(text)).blocks.find((b) => b.label === 'CERTIFICATE');
  if (!block) return undefined;
  try {
    const cert = new X509Certificate(block.der);
    return {
      sha1: fingerprint(cert, 'sha1'),
      sha256: fingerprint(cert, 'sha256'),
      keySha256: publicKeySha256(cert),
      notAfter: cert.validToDate.toISOString(),
      dnsNames: subjectAltNames(cert.subjectAltName).dns,
    };
  } catch {
    return undefined;
  }
}
