/**
 * One input in, certificates and keys out. An input is whatever a user keeps in a secret or a
 * file: PEM (messy or clean, one block or many), base64 of PEM, base64 of DER, DER bytes, a
 * PKCS#7 bundle (PEM, DER or base64) or a PKCS#12 file (raw or base64). The role the user gave it (`certificate`, `private-key`, …) only
 * shapes the messages; everything found is pooled, so a bundle may hold anything in any order.
 */
import { type KeyObject, X509Certificate } from 'node:crypto';
import { type Finding, finding, type Origin } from './findings.ts';
import { isEncryptedPkcs8, parsePrivateKey } from './keys.ts';
import {
  containsPemMarker,
  decodeBase64,
  MAX_PEM_BLOCKS,
  normaliseText,
  type PemBlock,
  scanPem,
  textOf,
  toPem,
} from './pem.ts';
import { plural } from '../plural.ts';
import { pkcs12Opener } from './pkcs12-support.ts';
import { looksLikePkcs7, readPkcs7 } from './pkcs7.ts';
import { type InputName, Inputs } from '../constants.ts';
import { ACTION_WORDS, type Vocabulary } from '../vocabulary.ts';

export type Role = 'certificate' | 'private-key' | 'chain' | 'bundle' | 'pkcs12';

export interface SourceInput {
  role: Role;
  /** How the user named it: the input name (`certificate`) or the file path they gave. */
  name: string;
  /** Workspace-relative path when the value came from a file (for annotations). */
  file?: string;
  /** The input (or manifest part) that named the file, when it came from one: `private-key-file`. */
  input?: string;
  data: string | Uint8Array;
}

/** The passwords, and how a fix tells the user to give them (and the parts) on their surface. */
export interface Passwords {
  keyPassphrase?: string | undefined;
  pkcs12Password?: string | undefined;
  /** Default: the action's inputs. */
  words?: Vocabulary | undefined;
}

/** Where a path to each part is given (`certificate-file`, `--cert`). */
const FILE_INPUTS: Record<Role, InputName> = {
  certificate: Inputs.CertificateFile,
  bundle: Inputs.CertificateFile,
  chain: Inputs.CertificateChainFile,
  'private-key': Inputs.PrivateKeyFile,
  pkcs12: Inputs.Pkcs12File,
};

export interface CertItem {
  cert: X509Certificate;
  origin: Origin;
  /** Read from a PKCS#7 bundle, which never holds a key: NO_PRIVATE_KEY says so. */
  fromPkcs7?: true;
}

export interface KeyItem {
  key: KeyObject;
  origin: Origin;
}

export interface Decoded {
  certs: CertItem[];
  keys: KeyItem[];
  findings: Finding[];
}

const CERT_LABELS = new Set(['CERTIFICATE', 'X509 CERTIFICATE', 'TRUSTED CERTIFICATE']);
const KEY_LABELS = new Set([
  'PRIVATE KEY',
  'RSA PRIVATE KEY',
  'EC PRIVATE KEY',
  'ENCRYPTED PRIVATE KEY',
  'DSA PRIVATE KEY',
]);
/** RFC 7468's PKCS7 and CMS, and the label older Netscape-era tools wrote. */
const PKCS7_LABELS = new Set(['PKCS7', 'CMS', 'PKCS #7 SIGNED DATA']);
const SILENT_LABELS = new Set(['EC PARAMETERS']);
/**
 * A bundle has one key (a second is EXTRA_PRIVATE_KEY), and each encrypted one may cost a key
 * derivation of up to its bound (keys.ts: about 0.2 s), so at most this many are read across all
 * of one certificate's inputs.
 */
export const MAX_KEY_BLOCKS = 4;

/** What is left of the keys one certificate's inputs may have read: one budget for all its sources. */
export interface KeyBudget {
  left: number;
}

export function keyBudget(): KeyBudget {
  return { left: MAX_KEY_BLOCKS };
}

export function decodeSource(
  input: SourceInput,
  passwords: Passwords,
  budget: KeyBudget = keyBudget(),
): Decoded {
  const out: Decoded = { certs: [], keys: [], findings: [] };
  const origin: Origin = { source: input.name };
  if (input.file !== undefined) origin.file = input.file;
  if (input.input !== undefined) origin.input = input.input;
  const bytes = typeof input.data === 'string' ? undefined : Buffer.from(input.data);
  const text = typeof input.data === 'string' ? input.data : textOf(bytes!);

  if (text !== undefined && text.trim() === '') {
    out.findings.push(
      finding(
        'EMPTY_INPUT',
        'error',
        `The ${describe(input, passwords)} is empty.`,
        emptyFix(input, passwords),
        {
          origin,
        },
      ),
    );
    return out;
  }
  if (text !== undefined && containsPemMarker(normaliseText(text))) {
    readPemText(normaliseText(text), origin, passwords, out, budget);
    return out;
  }
  const binary = bytes && text === undefined ? bytes : text !== undefined ? decodeBase64(text) : undefined;
  if (binary) {
    const inner = textOf(binary);
    if (inner !== undefined && containsPemMarker(inner)) {
      // base64 of a PEM file: line numbers point into the decoded text, so drop them from the
      // origins (annotations) and say so in the messages.
      const nested: Decoded = { certs: [], keys: [], findings: [] };
      const decodedName = { ...origin, source: `${origin.source} (after base64 decoding)` };
      readPemText(normaliseText(inner), decodedName, passwords, nested, budget);
      for (const f of nested.findings) if (f.origin) f.origin = origin;
      for (const c of nested.certs) out.certs.push({ ...c, origin });
      for (const k of nested.keys) out.keys.push({ ...k, origin });
      for (const f of nested.findings) out.findings.push(f);
      return out;
    }
    readBinary(binary, input, origin, passwords, out, budget);
    return out;
  }
  out.findings.push(notPem(input, origin, text ?? '', passwords));
  return out;
}

/**
 * Whether decoding this source may meet a PKCS#12 file: anything but text with PEM lines in it
 * or a binary PKCS#7 bundle (PKCS#12 is read from binary data and base64 only). Then PKCS#12
 * support must be loaded first.
 */
export function mayHoldPkcs12(input: SourceInput): boolean {
  const bytes = typeof input.data === 'string' ? undefined : Buffer.from(input.data);
  const text = bytes === undefined ? (input.data as string) : textOf(bytes);
  if (text === undefined) return !looksLikePkcs7(bytes!);
  return !containsPemMarker(normaliseText(text));
}

function describe(input: SourceInput, passwords: Passwords): string {
  return input.file === undefined ? wordsOf(passwords).value(input.name) : `file ${input.file}`;
}

function wordsOf(passwords: Passwords): Vocabulary {
  return passwords.words ?? ACTION_WORDS;
}

function emptyFix(input: SourceInput, passwords: Passwords): string {
  return input.file === undefined
    ? wordsOf(passwords).missing
    : 'Check the path and that an earlier step wrote the file.';
}

function notPem(input: SourceInput, origin: Origin, text: string, passwords: Passwords): Finding {
  const trimmed = text.trim();
  const looksLikePath = !/\s/.test(trimmed) && /\.(pem|crt|cer|key|p12|pfx|der)$/i.test(trimmed);
  return finding(
    'NOT_PEM',
    'error',
    looksLikePath
      ? `The ${describe(input, passwords)} looks like a file name, not certificate data.`
      : `The ${describe(input, passwords)} is neither PEM (no "-----BEGIN" line), nor base64, nor DER (${plural(trimmed.length, 'character')}).`,
    looksLikePath
      ? `Pass the path ${wordsOf(passwords).via(FILE_INPUTS[input.role])} instead, or put the file's contents here.`
      : 'Store the whole PEM file including its "-----BEGIN …-----" and "-----END …-----" lines, or base64 of the file (`base64 -w0 file`).',
    { origin },
  );
}

function readPemText(
  text: string,
  origin: Origin,
  passwords: Passwords,
  out: Decoded,
  budget: KeyBudget,
): void {
  const scan = scanPem(text);
  if (scan.tooMany !== undefined) {
    out.findings.push(
      finding(
        'BAD_CERTIFICATE',
        'error',
        `The text of ${origin.source} holds ${scan.tooMany} PEM BEGIN or END lines; at most ${MAX_PEM_BLOCKS} are read (a certificate with its chain and key is a handful), so none was.`,
        'Give the leaf certificate, its intermediates and its key only; a trust store or a whole collection of certificates is not a chain.',
        { origin },
      ),
    );
    return;
  }
  for (const problem of scan.problems) {
    const at = { ...origin, line: problem.line };
    if (problem.kind === 'truncated') {
      out.findings.push(
        finding(
          'PEM_TRUNCATED',
          'error',
          `The "${problem.label}" block starting on line ${problem.line} of ${origin.source} has no END line: the value was cut short.`,
          'Copy the whole file, through its "-----END …-----" line.',
          { origin: at },
        ),
      );
    } else if (problem.kind === 'mismatched') {
      out.findings.push(
        finding(
          'PEM_TRUNCATED',
          'error',
          `The "${problem.label}" block starting on line ${problem.line} of ${origin.source} ends with "END ${problem.endLabel}": two blocks were spliced together.`,
          'Store each block whole, from its BEGIN line to the END line with the same label.',
          { origin: at },
        ),
      );
    } else if (problem.kind === 'no-begin') {
      const isKey = KEY_LABELS.has(problem.label);
      const needed = isKey || CERT_LABELS.has(problem.label) || PKCS7_LABELS.has(problem.label);
      out.findings.push(
        finding(
          isKey ? 'BAD_PRIVATE_KEY' : needed ? 'BAD_CERTIFICATE' : 'UNSUPPORTED_PEM_BLOCK',
          needed ? 'error' : 'warning',
          `The "${problem.label}" block ending on line ${problem.line} of ${origin.source} has no readable BEGIN line (it must read exactly "-----BEGIN ${problem.label}-----")${needed ? '' : '; it is ignored'}.`,
          'Copy the file again without editing it, including its first line.',
          { origin: at },
        ),
      );
    } else {
      const isKey = KEY_LABELS.has(problem.label);
      out.findings.push(
        finding(
          isKey ? 'BAD_PRIVATE_KEY' : 'BAD_CERTIFICATE',
          'error',
          `The "${problem.label}" block starting on line ${problem.line} of ${origin.source} has damaged base64 between its BEGIN and END lines.`,
          'Copy the file again without editing it; line breaks and indentation are fine, other characters are not.',
          { origin: at },
        ),
      );
    }
  }
  // Each encrypted key may cost up to its key-derivation bound (keys.ts): only a few are decrypted.
  const keyBlocks = scan.blocks.filter((block) => KEY_LABELS.has(block.label)).length;
  const readKeys = keyBlocks <= budget.left;
  if (readKeys) budget.left -= keyBlocks;
  else
    out.findings.push(
      tooManyKeys(`The text of ${origin.source} holds ${plural(keyBlocks, 'private key')}`, origin),
    );
  for (const block of scan.blocks) {
    if (!readKeys && KEY_LABELS.has(block.label)) continue;
    readBlock(block, { ...origin, line: block.line }, passwords, out);
  }
  if (scan.blocks.length === 0 && scan.problems.length === 0) {
    out.findings.push(
      finding(
        'NOT_PEM',
        'error',
        `The text of ${origin.source} has a "-----BEGIN" line, but no PEM block in it could be read.`,
        'Store the whole PEM file unedited: "-----BEGIN LABEL-----" and "-----END LABEL-----" lines with the upper-case label and five dashes each side.',
        { origin },
      ),
    );
  }
}

function tooManyKeys(what: string, origin: Origin): Finding {
  return finding(
    'BAD_PRIVATE_KEY',
    'error',
    `${what}; at most ${MAX_KEY_BLOCKS} are read in one certificate's inputs, so these were not.`,
    'Give the one private key that belongs to the certificate.',
    { origin },
  );
}

function readBlock(block: PemBlock, origin: Origin, passwords: Passwords, out: Decoded): void {
  const where = `The "${block.label}" block on line ${block.line} of ${origin.source}`;
  // Windows (certutil -encode, AD CS "Base 64" chain downloads) labels a PKCS#7 bundle CERTIFICATE.
  if (PKCS7_LABELS.has(block.label) || (CERT_LABELS.has(block.label) && looksLikePkcs7(block.der))) {
    readPkcs7Bundle(block.der, where, origin, out);
    return;
  }
  if (CERT_LABELS.has(block.label)) {
    const cert = parseCertificate(block.der);
    if (cert) out.certs.push({ cert, origin });
    else
      out.findings.push(
        finding(
          'BAD_CERTIFICATE',
          'error',
          `${where} is not a valid X.509 certificate (the data between its BEGIN and END lines is damaged).`,
          'Download the certificate again from your CA or renewal tool and store it unedited.',
          { origin },
        ),
      );
    return;
  }
  if (KEY_LABELS.has(block.label)) {
    const encrypted = block.label === 'ENCRYPTED PRIVATE KEY' || block.encryptionHeaders !== undefined;
    const parsed = parsePrivateKey({
      data: toPem(block.label, block.der, block),
      encrypted,
      passphrase: encrypted ? passwords.keyPassphrase : undefined,
      origin,
      what: `The private key on line ${block.line} of ${origin.source}`,
      words: wordsOf(passwords),
    });
    if (parsed.ok) out.keys.push({ key: parsed.key, origin });
    else out.findings.push(parsed.finding);
    return;
  }
  if (SILENT_LABELS.has(block.label)) return;
  out.findings.push(otherBlock(block, where, origin));
}

function otherBlock(block: PemBlock, where: string, origin: Origin): Finding {
  const label = block.label;
  if (label.includes('CERTIFICATE REQUEST')) {
    return finding(
      'NOT_CERTIFICATE',
      'error',
      `${where} is a certificate signing request (CSR), not a certificate.`,
      'Use the certificate your CA issued for this request, not the request itself.',
      { origin },
    );
  }
  if (label === 'OPENSSH PRIVATE KEY') {
    return finding(
      'BAD_PRIVATE_KEY',
      'error',
      `${where} is an OpenSSH key, not a TLS private key.`,
      'Use the private key that belongs to the certificate (usually privkey.pem or *.key).',
      { origin },
    );
  }
  const isPublic = label.includes('PUBLIC KEY');
  return finding(
    'UNSUPPORTED_PEM_BLOCK',
    'warning',
    isPublic
      ? `${where} is a public key; it is ignored (the private key is needed).`
      : `${where} is not a certificate or a private key; it is ignored.`,
    'Remove it, or leave it: it is not uploaded.',
    { origin },
  );
}

/**
 * A certificate the rest of the engine can use. Node decodes the public key and the dates only
 * when they are read: a damaged key throws then, and a damaged date prints as "Bad time value"
 * while its Date object holds garbage (or is invalid).
 */
function parseCertificate(der: Uint8Array): X509Certificate | undefined {
  try {
    const cert = new X509Certificate(der);
    cert.publicKey;
    const dates: [string, Date][] = [
      [cert.validFrom, cert.validFromDate],
      [cert.validTo, cert.validToDate],
    ];
    if (dates.some(([text, date]) => text === 'Bad time value' || Number.isNaN(date.getTime())))
      return undefined;
    return cert;
  } catch {
    return undefined;
  }
}

/** PKCS#7 bundle, DER certificate, DER private key, or PKCS#12: try them in that order. */
function readBinary(
  bytes: Buffer,
  input: SourceInput,
  origin: Origin,
  passwords: Passwords,
  out: Decoded,
  budget: KeyBudget,
): void {
  if (looksLikePkcs7(bytes)) {
    readPkcs7Bundle(bytes, `The ${describe(input, passwords)}`, origin, out);
    return;
  }
  if (input.role !== 'pkcs12') {
    const cert = parseCertificate(bytes);
    if (cert) {
      out.certs.push({ cert, origin });
      return;
    }
    const tryKey = (derType: 'pkcs8' | 'pkcs1' | 'sec1', encrypted = false) =>
      parsePrivateKey({
        data: bytes,
        derType,
        encrypted,
        passphrase: encrypted ? passwords.keyPassphrase : undefined,
        origin,
        what: `The ${describe(input, passwords)}`,
        words: wordsOf(passwords),
      });
    for (const derType of ['pkcs8', 'pkcs1', 'sec1'] as const) {
      const parsed = tryKey(derType);
      if (parsed.ok) {
        out.keys.push({ key: parsed.key, origin });
        return;
      }
    }
    // An encrypted DER key: say the passphrase is missing or wrong, not "unknown binary data".
    if (isEncryptedPkcs8(bytes)) {
      if (budget.left <= 0) {
        out.findings.push(tooManyKeys(`The ${describe(input, passwords)} is one more private key`, origin));
        return;
      }
      budget.left--;
      const parsed = tryKey('pkcs8', true);
      if (parsed.ok) out.keys.push({ key: parsed.key, origin });
      else out.findings.push(parsed.finding);
      return;
    }
    if (passwords.keyPassphrase !== undefined) {
      const parsed = tryKey('pkcs8', true);
      if (parsed.ok) {
        out.keys.push({ key: parsed.key, origin });
        return;
      }
    }
  }
  readPkcs12(bytes, input, origin, passwords, out);
}

/** The certificates of a PKCS#7 bundle; `where` names it for messages ("The file certs/chain.p7b"). */
function readPkcs7Bundle(der: Uint8Array, where: string, origin: Origin, out: Decoded): void {
  const result = readPkcs7(der);
  if (!result.ok) {
    out.findings.push(
      finding(
        'BAD_CERTIFICATE',
        'error',
        `${where} is a PKCS#7 bundle that cannot be read: ${result.detail}.`,
        'Export the chain again (Windows: "PKCS #7 Certificates (.P7B)" with "Include all certificates in the certification path"), or give the PEM files instead (`openssl pkcs7 -print_certs -in bundle.p7b -out chain.pem`).',
        { origin },
      ),
    );
    return;
  }
  if (result.certificates.length === 0) {
    out.findings.push(
      finding(
        'NOT_CERTIFICATE',
        'error',
        `${where} is a PKCS#7 bundle with no certificate in it.`,
        'Export the certificate as PKCS#7 with "Include all certificates in the certification path" checked, or give the PEM certificate file.',
        { origin },
      ),
    );
    return;
  }
  result.certificates.forEach((bytes, i) => {
    const cert = parseCertificate(bytes);
    if (cert) out.certs.push({ cert, origin, fromPkcs7: true });
    else
      out.findings.push(
        finding(
          'BAD_CERTIFICATE',
          'error',
          `${where} is a PKCS#7 bundle whose certificate ${i + 1} (of ${result.certificates.length}) is not a valid X.509 certificate.`,
          'Export the chain again from where it came from, or give the PEM files instead.',
          { origin },
        ),
      );
  });
}

function readPkcs12(
  bytes: Buffer,
  input: SourceInput,
  origin: Origin,
  passwords: Passwords,
  out: Decoded,
): void {
  const result = pkcs12Opener()(bytes, passwords.pkcs12Password);
  if (result.ok) {
    for (const der of result.certificates) {
      const cert = parseCertificate(der);
      if (cert) out.certs.push({ cert, origin });
    }
    for (const der of result.keys) {
      const parsed = parsePrivateKey({
        data: der,
        derType: 'pkcs8',
        encrypted: false,
        passphrase: undefined,
        origin,
        what: `The private key inside the PKCS#12 ${describe(input, passwords)}`,
        words: wordsOf(passwords),
      });
      if (parsed.ok) out.keys.push({ key: parsed.key, origin });
      else out.findings.push(parsed.finding);
    }
    return;
  }
  const subject = `The ${describe(input, passwords)}`;
  const words = wordsOf(passwords);
  const findings: Record<typeof result.failure, Finding> = {
    'password-needed': finding(
      'PKCS12_PASSWORD_NEEDED',
      'error',
      `${subject} is a password-protected PKCS#12 file and no password was given.`,
      `Pass its password ${words.via(Inputs.Pkcs12Password)}.`,
      { origin },
    ),
    'password-wrong': finding(
      'PKCS12_PASSWORD_WRONG',
      'error',
      `${subject} is a PKCS#12 file, but the given password is wrong (its integrity check failed).`,
      `Check the password given ${words.via(Inputs.Pkcs12Password)} (no trailing newline or spaces); \`openssl pkcs12 -in file.p12 -noout\` tests it.`,
      { origin },
    ),
    unsupported: finding(
      'PKCS12_UNSUPPORTED',
      'error',
      `${subject} is a PKCS#12 file that cannot be opened: ${result.detail}.`,
      'Re-export it with OpenSSL 3 defaults: `openssl pkcs12 -in old.p12 -nodes | openssl pkcs12 -export -out new.p12`.',
      { origin },
    ),
    invalid:
      input.role === 'pkcs12'
        ? finding(
            'PKCS12_INVALID',
            'error',
            `${subject} is not a PKCS#12 file (${result.detail}).`,
            `Store the .p12/.pfx file as base64 (\`base64 -w0 cert.p12\`), or pass the PEM certificate ${words.via(Inputs.Certificate)} and the key ${words.via(Inputs.PrivateKey)}.`,
            { origin },
          )
        : input.role === 'private-key'
          ? finding(
              'BAD_PRIVATE_KEY',
              'error',
              `${subject} holds ${plural(bytes.length, 'byte')} of binary data that are not a readable private key (DER PKCS#8, PKCS#1 or SEC1) nor a PKCS#12 file: the data is damaged or cut short.`,
              'Re-export the key from its source, e.g. `openssl pkey -in key.pem -out key-clean.pem`, and store the whole PEM file (or base64 of it).',
              { origin },
            )
          : finding(
              'NOT_CERTIFICATE',
              'error',
              `${subject} holds ${plural(bytes.length, 'byte')} of binary data that are neither a DER certificate, a DER private key nor a PKCS#12 file.`,
              'Store the PEM file itself, or base64 of a DER certificate/key or of a .p12 file.',
              { origin },
            ),
  };
  out.findings.push(findings[result.failure]);
}
