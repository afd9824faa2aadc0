/**
 * Private keys: RSA (PKCS#1, PKCS#8), EC (SEC1, PKCS#8), Ed25519, plain or encrypted. All
 * parsing is Node's (OpenSSL underneath). Failures become findings that never quote the key.
 */
import { createPrivateKey, createPublicKey, type KeyObject, type X509Certificate } from 'node:crypto';
import { errorCode } from '../errors.ts';
import { contentHex, type DerElement, derElements, inside } from './der.ts';
import { type Finding, finding, type Origin } from './findings.ts';
import { scanPem } from './pem.ts';
import { Inputs } from '../constants.ts';
import { ACTION_WORDS, type Vocabulary } from '../vocabulary.ts';

export interface KeyFacts {
  /** `rsa`, `ec`, `ed25519`, `rsa-pss`, `dsa`, … as Node names them. */
  type: string;
  /** RSA modulus length, or the curve's size in bits, or 256 for Ed25519. */
  bits: number;
  /** The NIST name (`P-256`) when there is one, else OpenSSL's curve name. */
  curve?: string;
}

const CURVES: Record<string, { name: string; bits: number }> = {
  prime256v1: { name: 'P-256', bits: 256 },
  secp384r1: { name: 'P-384', bits: 384 },
  secp521r1: { name: 'P-521', bits: 521 },
  secp256k1: { name: 'secp256k1', bits: 256 },
  secp224r1: { name: 'P-224', bits: 224 },
};

export function describeKey(key: KeyObject): KeyFacts {
  const type = key.asymmetricKeyType ?? 'unknown';
  const details = key.asymmetricKeyDetails ?? {};
  if (type === 'rsa' || type === 'rsa-pss' || type === 'dsa') {
    return { type, bits: details.modulusLength ?? 0 };
  }
  if (type === 'ec') {
    const named = details.namedCurve ?? 'unknown';
    const curve = CURVES[named];
    const bitsFromName = Number(/(\d{3})/.exec(named)?.[1] ?? 0);
    return { type, bits: curve?.bits ?? bitsFromName, curve: curve?.name ?? named };
  }
  if (type === 'ed25519' || type === 'x25519') return { type, bits: 256 };
  if (type === 'ed448' || type === 'x448') return { type, bits: 448 };
  return { type, bits: 0 };
}

export function keyLabel(facts: KeyFacts): string {
  if (facts.type === 'rsa') return `RSA ${facts.bits}`;
  if (facts.type === 'ec') return `ECDSA ${facts.curve ?? facts.bits}`;
  if (facts.type === 'ed25519') return 'Ed25519';
  return `${facts.type.toUpperCase()}${facts.bits ? ` ${facts.bits}` : ''}`;
}

/** The public half as SPKI DER: two keys are the same key exactly when these bytes are equal. */
export function publicKeyId(key: KeyObject): Buffer {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  return pub.export({ type: 'spki', format: 'der' });
}

export function certificateMatchesKey(cert: X509Certificate, keyId: Buffer): boolean {
  return cert.publicKey.export({ type: 'spki', format: 'der' }).equals(keyId);
}

export type KeyParse = { ok: true; key: KeyObject } | { ok: false; finding: Finding };

interface KeyInput {
  /** PEM text of one block, or DER bytes. */
  data: string | Buffer;
  /** For DER: which container to try. PEM says its own. */
  derType?: 'pkcs8' | 'pkcs1' | 'sec1';
  encrypted: boolean;
  passphrase: string | undefined;
  origin: Origin;
  what: string;
  /** How the fixes name the passphrase's setting; default: the action's input. */
  words?: Vocabulary | undefined;
}

export function parsePrivateKey(input: KeyInput): KeyParse {
  const refusal = input.encrypted ? workRefusal(input) : undefined;
  if (refusal) return { ok: false, finding: refusal };
  try {
    const key =
      typeof input.data === 'string'
        ? createPrivateKey({ key: input.data, format: 'pem', ...passphraseOption(input.passphrase) })
        : createPrivateKey({
            key: input.data,
            format: 'der',
            type: input.derType ?? 'pkcs8',
            ...passphraseOption(input.passphrase),
          });
    return { ok: true, key };
  } catch (thrown) {
    return { ok: false, finding: keyFailure(input, errorCode(thrown)) };
  }
}

/**
 * An encrypted PKCS#8 key is decrypted only when its key derivation is readable and bounded:
 * OpenSSL also reads BER (chunked salts, indefinite lengths) that this check cannot see into,
 * and an unseen count of 2^31 would run for minutes.
 */
function workRefusal(input: KeyInput): Finding | undefined {
  const der = encryptedDer(input.data);
  if (!der) return undefined; // the old Proc-Type form: one MD5 round, nothing to bound
  const fix =
    'Re-export the key from its source with usual settings, e.g. `openssl pkey -in key.pem -out key-plain.pem`, or encrypt it with `openssl pkcs8 -topk8 -v2 aes-256-cbc`.';
  const work = kdfWork(der);
  if (!work) {
    return finding(
      'BAD_PRIVATE_KEY',
      'error',
      `${input.what} is encrypted, but its encryption parameters cannot be read (damaged, or not in the DER form tools write).`,
      fix,
      { origin: input.origin },
    );
  }
  if (work.amount > work.limit) {
    return finding(
      'BAD_PRIVATE_KEY',
      'error',
      `${input.what} is encrypted with a key derivation that asks for ${work.text} (at most ${work.limit} are read): the key is damaged, or was made to stall the reader.`,
      fix,
      { origin: input.origin },
    );
  }
  return undefined;
}

function passphraseOption(passphrase: string | undefined): { passphrase?: string } {
  return passphrase === undefined ? {} : { passphrase };
}

function keyFailure(input: KeyInput, code: string | undefined): Finding {
  const where = { origin: input.origin };
  const passphraseVia = (input.words ?? ACTION_WORDS).via(Inputs.KeyPassphrase);
  if (code === 'ERR_MISSING_PASSPHRASE' || (input.encrypted && input.passphrase === undefined)) {
    return finding(
      'KEY_PASSPHRASE_NEEDED',
      'error',
      `${input.what} is encrypted and no passphrase was given.`,
      `Pass the passphrase ${passphraseVia}, or decrypt the key once with \`openssl pkey -in key.pem -out key-plain.pem\` and use that instead.`,
      where,
    );
  }
  if (input.encrypted) {
    return finding(
      'KEY_PASSPHRASE_WRONG',
      'error',
      `${input.what} could not be decrypted with the given passphrase: the passphrase is wrong or the key is damaged.`,
      `Check the passphrase given ${passphraseVia} (no trailing newline or spaces), or test it with \`openssl pkey -in key.pem -noout\`.`,
      where,
    );
  }
  return finding(
    'BAD_PRIVATE_KEY',
    'error',
    `${input.what} is not a readable private key${code ? ` (${code})` : ''}: its base64 is damaged or it is not an RSA, EC or Ed25519 key.`,
    'Re-export the key from its source, e.g. `openssl pkey -in key.pem -out key-clean.pem`, and store the whole file including the BEGIN and END lines.',
    where,
  );
}

/**
 * Decrypting a PKCS#8 key first derives the key from the passphrase, with the work factor the file
 * names: a damaged or hostile count (2^31 iterations) would stall the action for many minutes.
 * OpenSSL uses 2048 PBKDF2 iterations (scrypt N=16384, r=8, p=1), Java 10,000; 1,000,000
 * iterations take about 0.2 s, and N×r×p = 2^20 about 0.5 s (2^21 was measured at 1 s).
 */
const MAX_PBKDF_ITERATIONS = 1_000_000;
const MAX_SCRYPT_WORK = 2 ** 20;

const OID_PBES2 = '2a864886f70d01050d'; // 1.2.840.113549.1.5.13
const OID_SCRYPT = '2b06010401da47040b'; // 1.3.6.1.4.1.11591.4.11

/** EncryptedPrivateKeyInfo ::= SEQUENCE { AlgorithmIdentifier, OCTET STRING }, nothing after it. */
export function isEncryptedPkcs8(der: Uint8Array): boolean {
  const top = derElements(der, 0, der.length);
  if (top.length !== 1 || top[0]!.end !== der.length) return false;
  const [algorithm, data, ...rest] = inside(der, top[0]);
  return inside(der, algorithm)[0]?.tag === 0x06 && data?.tag === 0x04 && rest.length === 0;
}

/** The DER of an encrypted PKCS#8 key given as PEM text or DER; undefined for other keys. */
function encryptedDer(data: string | Buffer): Uint8Array | undefined {
  if (typeof data !== 'string') return data;
  return scanPem(data).blocks.find((block) => block.label === 'ENCRYPTED PRIVATE KEY')?.der;
}

/**
 * The work the key derivation of an EncryptedPrivateKeyInfo asks for: PBES2 with PBKDF2
 * { salt, iterationCount, … } or scrypt { salt, N, r, p, … }; PBES1 and PKCS#12 PBE
 * { salt, iterations }. Undefined when the structure is none of these.
 */
function kdfWork(der: Uint8Array | undefined): { text: string; amount: number; limit: number } | undefined {
  if (!der) return undefined;
  const [oid, params] = inside(der, inside(der, derElements(der, 0, der.length)[0])[0]);
  if (oid?.tag !== 0x06) return undefined;
  const pbes2 = contentHex(der, oid) === OID_PBES2;
  const [kdfOid, kdfParams] = pbes2 ? inside(der, inside(der, params)[0]) : [];
  const scrypt = kdfOid !== undefined && contentHex(der, kdfOid) === OID_SCRYPT;
  const amount = counts(der, pbes2 ? kdfParams : params, scrypt ? 3 : 1);
  if (amount === undefined) return undefined;
  const shown = Number.isFinite(amount) ? String(amount) : 'more than 2^47';
  return scrypt
    ? { text: `a scrypt work N×r×p of ${shown}`, amount, limit: MAX_SCRYPT_WORK }
    : { text: `${shown} iterations`, amount, limit: MAX_PBKDF_ITERATIONS };
}

/** The product of the first `n` INTEGERs after the salt of a { salt OCTET STRING, INTEGER, … } SEQUENCE. */
function counts(der: Uint8Array, params: DerElement | undefined, n: number): number | undefined {
  const [salt, ...rest] = inside(der, params);
  if (salt?.tag !== 0x04) return undefined;
  let product = 1;
  for (const integer of rest.slice(0, n)) {
    if (integer.tag !== 0x02) return undefined;
    const bytes = integer.end - integer.contentStart;
    // Longer than 6 bytes, or negative: nothing a reader should run.
    if (bytes > 6 || (der[integer.contentStart]! & 0x80) !== 0) return Number.POSITIVE_INFINITY;
    product *= bytes === 0 ? 0 : Number.parseInt(contentHex(der, integer), 16);
  }
  return product;
}
