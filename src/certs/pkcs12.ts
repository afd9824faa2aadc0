/**
 * PKCS#12 / PFX: the only place node-forge is used. Forge verifies the MAC and decrypts the
 * bags; Node crypto does everything after that. Forge turns RSA bags into its own objects and
 * falls back to raw ASN.1 for anything else (EC keys and certificates); this file makes every
 * bag take the raw path, so the certificate bytes Node sees are exactly the file's bytes (a
 * re-encoded certificate could change its fingerprint) and RSA and EC are handled alike.
 * PBKDF2 is routed to Node's native implementation; what is left in JavaScript is bounded by a
 * work budget read from the file before anything runs (pkcs12-work.ts).
 */
import forge from 'node-forge';
import { derivationWork, workMicroseconds } from './pkcs12-work.ts';

export type Pkcs12Failure =
  | 'invalid' // not a PKCS#12 file at all
  | 'password-needed' // protected, and no password given
  | 'password-wrong' // the MAC or the decryption failed with the given password
  | 'unsupported'; // an algorithm forge cannot do, or parameters out of bounds

export type Pkcs12Result =
  | { ok: true; certificates: Buffer[]; keys: Buffer[] }
  | { ok: false; failure: Pkcs12Failure; detail: string };

/**
 * At most this much derivation work (µs, estimated) per password tried. OpenSSL's defaults
 * (2048 iterations) cost about 15 ms, Java's (10,000) about 70 ms, `-iter 100000` about 0.7 s.
 */
const WORK_BUDGET_US = 800_000;
const MAX_SIZE = 1024 * 1024;

type Asn1 = forge.asn1.Asn1;

export function openPkcs12(bytes: Uint8Array, password: string | undefined): Pkcs12Result {
  if (bytes.length > MAX_SIZE) {
    return { ok: false, failure: 'invalid', detail: `${bytes.length} bytes is too large for a PKCS#12 file` };
  }
  let asn1: Asn1;
  try {
    // Strict: a lenient parse reads a cut-short file as far as it goes and then blames the password.
    asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(bytes).toString('binary')), true);
  } catch (thrown) {
    const cut = thrown instanceof Error && /too few bytes/i.test(thrown.message);
    const detail = cut ? 'the data is cut short' : 'the data is not DER/BER-encoded ASN.1';
    return { ok: false, failure: 'invalid', detail };
  }
  const attempts = password === undefined || password === '' ? [password ?? '', null] : [password];
  const work = derivationWork(asn1);
  if (workMicroseconds(work) > WORK_BUDGET_US) {
    const counts = work.native + work.script;
    const shown = Number.isFinite(counts) ? String(counts) : 'an unbounded number of';
    return {
      ok: false,
      failure: 'unsupported',
      detail: `its key derivations ask for ${shown} iterations in all, far more than PKCS#12 tools use`,
    };
  }
  let last: Pkcs12Result = { ok: false, failure: 'invalid', detail: 'not read' };
  for (const attempt of attempts) {
    last = decode(asn1, attempt);
    if (last.ok || last.failure !== 'password-wrong') return last;
  }
  if (password === undefined || password === '') {
    return { ok: false, failure: 'password-needed', detail: last.ok ? '' : last.detail };
  }
  return last;
}

function decode(asn1: Asn1, password: string | null): Pkcs12Result {
  return withForgeHooks(() => {
    try {
      // forge treats a null password as "no password" (empty BMPString), '' as the empty one.
      const p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, password as string);
      const certificates: Buffer[] = [];
      const keys: Buffer[] = [];
      for (const safe of p12.safeContents) {
        for (const bag of safe.safeBags) {
          const raw = (bag as { asn1?: Asn1 }).asn1;
          if (!raw) continue;
          const der = Buffer.from(forge.asn1.toDer(raw).getBytes(), 'binary');
          if (bag.type === forge.pki.oids.certBag) certificates.push(der);
          else if (bag.type === forge.pki.oids.keyBag || bag.type === forge.pki.oids.pkcs8ShroudedKeyBag) {
            keys.push(der);
          }
        }
      }
      return { ok: true, certificates, keys };
    } catch (thrown) {
      return { ok: false, ...classify(thrown) };
    }
  });
}

type Pbkdf2 = (p: string, s: string, c: number, dkLen: number, md?: unknown) => string;

/**
 * Run `fn` with three forge functions replaced, and put back after, whatever happens (it is one
 * synchronous call, so nothing else sees them):
 * - certificate and key parsing throw, so forge keeps every bag as raw ASN.1 (`bag.asn1`);
 * - PBKDF2 gets the digest by name, which is forge's own switch to Node's native implementation
 *   (given a digest object it runs its JavaScript one, 30 times slower).
 */
function withForgeHooks<T>(fn: () => T): T {
  const { pki, pkcs5 } = forge;
  const saved = {
    certificateFromAsn1: pki.certificateFromAsn1,
    privateKeyFromAsn1: pki.privateKeyFromAsn1,
    pbkdf2: pkcs5.pbkdf2 as unknown as Pbkdf2,
  };
  const rawOnly = (): never => {
    throw new Error('raw ASN.1 wanted');
  };
  pki.certificateFromAsn1 = rawOnly;
  pki.privateKeyFromAsn1 = rawOnly;
  (pkcs5 as { pbkdf2: Pbkdf2 }).pbkdf2 = (p, s, c, dkLen, md) =>
    saved.pbkdf2(p, s, c, dkLen, nativeDigestName(md) ?? md);
  try {
    return fn();
  } finally {
    pki.certificateFromAsn1 = saved.certificateFromAsn1;
    pki.privateKeyFromAsn1 = saved.privateKeyFromAsn1;
    (pkcs5 as { pbkdf2: Pbkdf2 }).pbkdf2 = saved.pbkdf2;
  }
}

const NATIVE_DIGESTS: Record<string, string> = {
  sha1: 'sha1',
  sha224: 'sha224',
  sha256: 'sha256',
  sha384: 'sha384',
  sha512: 'sha512',
  'sha512/224': 'sha512-224',
  'sha512/256': 'sha512-256',
};

function nativeDigestName(md: unknown): string | undefined {
  if (typeof md !== 'object' || md === null || !('algorithm' in md)) return undefined;
  const algorithm = (md as { algorithm: unknown }).algorithm;
  return typeof algorithm === 'string' ? NATIVE_DIGESTS[algorithm] : undefined;
}

/** Forge's errors carry no codes; its messages are stable and name no secret. */
function classify(thrown: unknown): { failure: Pkcs12Failure; detail: string } {
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  if (/MAC could not be verified|wrong password|Failed to decrypt/i.test(message)) {
    return { failure: 'password-wrong', detail: 'the integrity check or decryption failed' };
  }
  if (/unsupported|not supported/i.test(message)) {
    return { failure: 'unsupported', detail: message.slice(0, 200) };
  }
  return { failure: 'invalid', detail: message.slice(0, 200) };
}
