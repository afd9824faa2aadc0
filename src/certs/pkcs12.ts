/**
 * PKCS#12 / PFX: the only place node-forge is used. Forge verifies the MAC and decrypts the
 * bags; Node crypto does everything after that. Forge turns RSA bags into its own objects and
 * falls back to raw ASN.1 for anything else (EC keys and certificates); this file makes every
 * bag take the raw path, so the certificate bytes Node sees are exactly the file's bytes (a
 * re-encoded certificate could change its fingerprint) and RSA and EC are handled alike.
 */
import forge from 'node-forge';

export type Pkcs12Failure =
  | 'invalid' // not a PKCS#12 file at all
  | 'password-needed' // protected, and no password given
  | 'password-wrong' // the MAC or the decryption failed with the given password
  | 'unsupported'; // an algorithm forge cannot do, or parameters out of bounds

export type Pkcs12Result =
  | { ok: true; certificates: Buffer[]; keys: Buffer[] }
  | { ok: false; failure: Pkcs12Failure; detail: string };

/** OpenSSL uses 2048 iterations, Java 10,000. Far larger counts only make a parser hang. */
const MAX_ITERATIONS = 1_000_000;
const MAX_SIZE = 1024 * 1024;
const MAX_NESTING = 4;

type Asn1 = forge.asn1.Asn1;

export function openPkcs12(bytes: Uint8Array, password: string | undefined): Pkcs12Result {
  if (bytes.length > MAX_SIZE) {
    return { ok: false, failure: 'invalid', detail: `${bytes.length} bytes is too large for a PKCS#12 file` };
  }
  let asn1: Asn1;
  try {
    asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(bytes).toString('binary')), false);
  } catch {
    return { ok: false, failure: 'invalid', detail: 'the data is not DER/BER-encoded ASN.1' };
  }
  const iterations = largestIterationCount(asn1, 0);
  if (iterations > MAX_ITERATIONS) {
    return {
      ok: false,
      failure: 'unsupported',
      detail: `its key derivation asks for ${iterations} iterations (more than ${MAX_ITERATIONS})`,
    };
  }
  const attempts = password === undefined || password === '' ? [password ?? '', null] : [password];
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
  const pki = forge.pki;
  const certificateFromAsn1 = pki.certificateFromAsn1;
  const privateKeyFromAsn1 = pki.privateKeyFromAsn1;
  const rawOnly = (): never => {
    throw new Error('raw ASN.1 wanted');
  };
  // Scoped to this synchronous call: forge stores `bag.asn1` when these throw.
  pki.certificateFromAsn1 = rawOnly;
  pki.privateKeyFromAsn1 = rawOnly;
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
        if (bag.type === pki.oids.certBag) certificates.push(der);
        else if (bag.type === pki.oids.keyBag || bag.type === pki.oids.pkcs8ShroudedKeyBag) keys.push(der);
      }
    }
    return { ok: true, certificates, keys };
  } catch (thrown) {
    return { ok: false, ...classify(thrown) };
  } finally {
    pki.certificateFromAsn1 = certificateFromAsn1;
    pki.privateKeyFromAsn1 = privateKeyFromAsn1;
  }
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

/**
 * Key-derivation parameters are a SEQUENCE holding an OCTET STRING salt followed by an INTEGER
 * count (PBKDF2-params, pkcs-12PbeParams, MacData). Find the largest such count, looking inside
 * OCTET STRINGs that hold DER (the authenticated safe and its bags) a few levels deep.
 */
function largestIterationCount(node: Asn1, depth: number): number {
  const { asn1 } = forge;
  if (Array.isArray(node.value)) {
    let largest = 0;
    const children = node.value as Asn1[];
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      const next = children[i + 1];
      if (
        child.type === asn1.Type.OCTETSTRING &&
        !child.constructed &&
        next?.type === asn1.Type.INTEGER &&
        next.tagClass === asn1.Class.UNIVERSAL &&
        typeof next.value === 'string'
      ) {
        const bytes = next.value;
        const count =
          bytes.length > 6
            ? Number.POSITIVE_INFINITY
            : Number.parseInt(forge.util.bytesToHex(bytes) || '0', 16);
        largest = Math.max(largest, count);
      }
      largest = Math.max(largest, largestIterationCount(child, depth));
    }
    return largest;
  }
  if (
    depth < MAX_NESTING &&
    node.type === asn1.Type.OCTETSTRING &&
    typeof node.value === 'string' &&
    node.value.charCodeAt(0) === 0x30
  ) {
    try {
      const inner = asn1.fromDer(forge.util.createBuffer(node.value), false);
      return largestIterationCount(inner, depth + 1);
    } catch {
      return 0;
    }
  }
  return 0;
}
