/**
 * How much key-derivation work opening a PKCS#12 file will cost, read from its structure before
 * any of it runs. A damaged or hostile iteration count (2^31) would otherwise stall the action.
 *
 * Two kinds of derivation, at very different prices once pkcs12.ts routes PBKDF2 to Node:
 * - PBKDF2 (PBES2, OpenSSL 3's default for the bags): native, about 0.3 µs an iteration;
 * - the PKCS#12 KDF (the MAC, and the legacy RC2/3DES bags): forge's JavaScript, about 2.5 µs an
 *   iteration, and legacy bags derive twice (key and IV).
 * Parameters are a SEQUENCE { salt OCTET STRING, iterations INTEGER, … }; PBKDF2's sit in an
 * AlgorithmIdentifier whose OID is id-PBKDF2.
 */
import forge from 'node-forge';

type Asn1 = forge.asn1.Asn1;

export interface DerivationWork {
  /** Iterations of native PBKDF2. */
  native: number;
  /** Iterations of the JavaScript PKCS#12 KDF. */
  script: number;
}

const PBKDF2_OID = '1.2.840.113549.1.5.12';
const MAX_NESTING = 4;

/** Estimated microseconds, with margin for a slow runner. */
export function workMicroseconds(work: DerivationWork): number {
  return work.native * 0.6 + work.script * 6;
}

export function derivationWork(root: Asn1): DerivationWork {
  const work: DerivationWork = { native: 0, script: 0 };
  walk(root, false, 0, work);
  return work;
}

function walk(node: Asn1, pbkdf2Params: boolean, depth: number, work: DerivationWork): void {
  const { asn1 } = forge;
  if (Array.isArray(node.value)) {
    const children = node.value as Asn1[];
    const first = children[0];
    const isPbkdf2Identifier =
      first?.type === asn1.Type.OID &&
      typeof first.value === 'string' &&
      asn1.derToOid(first.value) === PBKDF2_OID;
    children.forEach((child, i) => {
      const next = children[i + 1];
      if (
        child.type === asn1.Type.OCTETSTRING &&
        !child.constructed &&
        next?.type === asn1.Type.INTEGER &&
        next.tagClass === asn1.Class.UNIVERSAL &&
        typeof next.value === 'string'
      ) {
        const count = integerValue(next.value);
        if (pbkdf2Params) work.native += count;
        else work.script += count;
      }
      walk(child, isPbkdf2Identifier && i === 1, depth, work);
    });
    return;
  }
  // The authenticated safe and the bags travel as DER inside OCTET STRINGs.
  if (
    depth < MAX_NESTING &&
    node.type === asn1.Type.OCTETSTRING &&
    typeof node.value === 'string' &&
    node.value.charCodeAt(0) === 0x30
  ) {
    let inner: Asn1;
    try {
      inner = asn1.fromDer(forge.util.createBuffer(node.value), false);
    } catch {
      return;
    }
    walk(inner, false, depth + 1, work);
  }
}

/** An INTEGER's value; anything over 6 bytes (or negative) counts as unbounded. */
function integerValue(bytes: string): number {
  if (bytes.length === 0) return 0;
  if (bytes.length > 6 || bytes.charCodeAt(0) & 0x80) return Number.POSITIVE_INFINITY;
  return Number.parseInt(forge.util.bytesToHex(bytes), 16);
}
