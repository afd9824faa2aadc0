/**
 * Findings: everything the certificate engine has to say about a bundle. Each has a stable code
 * (the summary, annotations and exit code are derived from codes, never from message text), a
 * level, a message saying what is wrong, and a fix saying what to do about it.
 *
 * Messages and fixes only ever quote public facts (subjects, dates, fingerprints, input names,
 * line numbers). They never quote the input text itself: a malformed private key must not leak
 * into a log through its own error message.
 */

export type Level = 'error' | 'warning' | 'notice';

export const FINDING_CODES = [
  // reading
  'EMPTY_INPUT',
  'NOT_PEM',
  'PEM_TRUNCATED',
  'NOT_CERTIFICATE',
  'BAD_CERTIFICATE',
  'UNSUPPORTED_PEM_BLOCK',
  'NO_CERTIFICATE',
  'NO_PRIVATE_KEY',
  'BAD_PRIVATE_KEY',
  'KEY_PASSPHRASE_NEEDED',
  'KEY_PASSPHRASE_WRONG',
  'PKCS12_INVALID',
  'PKCS12_PASSWORD_NEEDED',
  'PKCS12_PASSWORD_WRONG',
  'PKCS12_UNSUPPORTED',
  // the key and the leaf
  'KEY_MISMATCH',
  'EXTRA_PRIVATE_KEY',
  'AMBIGUOUS_LEAF',
  'LEAF_IS_CA',
  // dates
  'EXPIRED',
  'NOT_YET_VALID',
  'EXPIRES_SOON',
  'EXPIRING',
  // the chain
  'CHAIN_ORDER',
  'CHAIN_REPAIRED',
  'CHAIN_INCOMPLETE',
  'CHAIN_MISSING',
  'CHAIN_WRONG_ISSUER',
  'UNRELATED_CERTIFICATE',
  'DUPLICATE_CERTIFICATE',
  'ROOT_INCLUDED',
  'SELF_SIGNED',
  // names
  'HOSTNAME_NOT_COVERED',
  'NO_SAN',
  // strength
  'WEAK_KEY',
  'WEAK_SIGNATURE',
  'UNUSUAL_KEY',
  // the provider (rotation/key-reuse.ts): added once the plan is made
  'KEY_REUSED',
  // what one endpoint serves (verification/assess.ts); dates and strength reuse the codes above
  'SERVED_UNREACHABLE',
  'SERVED_NAME_MISMATCH',
  'SERVED_CHAIN_INCOMPLETE',
  'SERVED_UNTRUSTED',
  'SERVED_CHAIN_ORDER',
  'SERVED_OLD_TLS',
] as const;

export type FindingCode = (typeof FINDING_CODES)[number];

/** Where a finding points: an input (or file) and, when known, the line its PEM block starts on. */
export interface Origin {
  /** The input or file the value came from, as the user named it: `certificate`, `./certs/fullchain.pem`. */
  source: string;
  /** A path in the workspace, when the value was read from a file (for annotations). */
  file?: string;
  /** The input (or manifest part) that named the file, when the value was read from one: `private-key-file`. */
  input?: string;
  /** 1-based line of the PEM block's BEGIN line inside that source. */
  line?: number;
}

export interface Finding {
  code: FindingCode;
  level: Level;
  message: string;
  fix: string;
  /** The certificate the finding is about, by subject, when it is about one. */
  subject?: string;
  origin?: Origin;
}

export function finding(
  code: FindingCode,
  level: Level,
  message: string,
  fix: string,
  extra: { subject?: string | undefined; origin?: Origin | undefined } = {},
): Finding {
  const f: Finding = { code, level, message, fix };
  if (extra.subject !== undefined) f.subject = extra.subject;
  if (extra.origin !== undefined) f.origin = extra.origin;
  return f;
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.level === 'error');
}

/**
 * A source as a sentence names it: `private-key-file keys/site.key`, `the certificate input`,
 * `file certs/site.pem` (a file whose input is not known).
 */
export function sourcePhrase(origin: Origin): string {
  if (origin.input !== undefined) return `${origin.input} ${origin.source}`;
  return origin.file === undefined ? `the ${origin.source} input` : `file ${origin.source}`;
}

export function describeOrigin(origin: Origin | undefined): string {
  if (!origin) return '';
  return origin.line === undefined ? ` (${origin.source})` : ` (${origin.source}, line ${origin.line})`;
}
