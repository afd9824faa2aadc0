/**
 * Private keys: RSA (PKCS#1, PKCS#8), EC (SEC1, PKCS#8), Ed25519, plain or encrypted. All
 * parsing is Node's (OpenSSL underneath). Failures become findings that never quote the key.
 */
import { createPrivateKey, createPublicKey, type KeyObject, type X509Certificate } from 'node:crypto';
import { errorCode } from '../errors.ts';
import { type Finding, finding, type Origin } from './findings.ts';

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
}

export function parsePrivateKey(input: KeyInput): KeyParse {
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

function passphraseOption(passphrase: string | undefined): { passphrase?: string } {
  return passphrase === undefined ? {} : { passphrase };
}

function keyFailure(input: KeyInput, code: string | undefined): Finding {
  const where = { origin: input.origin };
  if (code === 'ERR_MISSING_PASSPHRASE' || (input.encrypted && input.passphrase === undefined)) {
    return finding(
      'KEY_PASSPHRASE_NEEDED',
      'error',
      `${input.what} is encrypted and no passphrase was given.`,
      'Pass the passphrase in the key-passphrase input (from a secret), or decrypt the key once with `openssl pkey -in key.pem -out key-plain.pem` and store that instead.',
      where,
    );
  }
  if (input.encrypted) {
    return finding(
      'KEY_PASSPHRASE_WRONG',
      'error',
      `${input.what} could not be decrypted with the given passphrase: the passphrase is wrong or the key is damaged.`,
      'Check the key-passphrase secret (no trailing newline or spaces), or test it with `openssl pkey -in key.pem -noout`.',
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
