/**
 * PKCS#7 / CMS certificate bundles (`.p7b`, `.p7c`): Windows' default certificate export and what
 * some CAs send. Only the certificates are wanted, so only the envelope is read here, by a walker
 * of its own: der.ts reads definite lengths only, and some exporters write the envelope in BER
 * with indefinite lengths. Each certificate's bytes go to Node unchanged. No node-forge: its PKCS#7 reader turns
 * certificates into its own RSA-only objects, and nothing here needs more than the envelope.
 *
 * ContentInfo ::= SEQUENCE { contentType OID signedData, content [0] EXPLICIT SignedData }
 * SignedData ::= SEQUENCE { version, digestAlgorithms SET, encapContentInfo SEQUENCE,
 *                           certificates [0] IMPLICIT SET OF Certificate OPTIONAL, crls [1] …, signerInfos SET }
 */
import { decodeOid } from './der.ts';

/** Larger than any chain export (a few kB each certificate); the same bound as PKCS#12 files. */
export const MAX_PKCS7_BYTES = 1024 * 1024;
/** A served chain has two to five certificates; a whole certificate store is not a chain. */
export const MAX_PKCS7_CERTIFICATES = 32;
/** Nesting read through indefinite lengths: the envelope needs four, certificates are definite. */
const MAX_DEPTH = 8;

const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';

interface Element {
  tag: number;
  start: number;
  contentStart: number;
  /** Where the content ends (before the end-of-contents octets of an indefinite length). */
  contentEnd: number;
  /** Where the element ends. */
  end: number;
}

export type Pkcs7Result =
  | { ok: true; certificates: Buffer[]; others: number }
  | { ok: false; detail: string };

/**
 * Whether the bytes start like a PKCS#7 SignedData: a SEQUENCE whose first element is the
 * signedData OID. Cheap (two headers), and true for a file cut short too, so that it is reported
 * as a damaged bundle rather than as unknown data.
 */
export function looksLikePkcs7(bytes: Uint8Array): boolean {
  if (bytes.length < 2 || bytes[0] !== 0x30) return false;
  const first = bytes[1]!;
  const oidAt = first <= 0x80 ? 2 : 2 + (first & 0x7f);
  const oid = element(bytes, oidAt, bytes.length, MAX_DEPTH);
  return oid?.tag === 0x06 && decodeOid(bytes.subarray(oid.contentStart, oid.contentEnd)) === OID_SIGNED_DATA;
}

/** The certificates of a PKCS#7 SignedData, as the DER bytes it holds them in. */
export function readPkcs7(bytes: Uint8Array): Pkcs7Result {
  if (bytes.length > MAX_PKCS7_BYTES) {
    return { ok: false, detail: `${bytes.length} bytes, more than the ${MAX_PKCS7_BYTES} read` };
  }
  const top = element(bytes, 0, bytes.length, 0);
  const [oid, explicit] = top?.tag === 0x30 ? (children(bytes, top, 1) ?? []) : [];
  if (oid?.tag !== 0x06 || decodeOid(bytes.subarray(oid.contentStart, oid.contentEnd)) !== OID_SIGNED_DATA) {
    return { ok: false, detail: 'it is not PKCS#7 signed data' };
  }
  if (explicit?.tag !== 0xa0) return { ok: false, detail: 'its content is missing or cut short' };
  const [signedData] = children(bytes, explicit, 2) ?? [];
  const fields = signedData?.tag === 0x30 ? children(bytes, signedData, 3) : undefined;
  if (fields?.[0]?.tag !== 0x02) {
    return { ok: false, detail: 'its signed data is damaged or cut short' };
  }
  const set = fields.slice(3).find((field) => field.tag === 0xa0);
  if (!set) return { ok: true, certificates: [], others: 0 };
  const members = children(bytes, set, 4);
  if (!members) return { ok: false, detail: 'its list of certificates is damaged or cut short' };
  // Only plain certificates; attribute certificates and other choices are counted, not read.
  const certificates = members.filter((m) => m.tag === 0x30);
  if (certificates.length > MAX_PKCS7_CERTIFICATES) {
    return {
      ok: false,
      detail: `it holds ${certificates.length} certificates, more than the ${MAX_PKCS7_CERTIFICATES} a chain can use`,
    };
  }
  return {
    ok: true,
    certificates: certificates.map((c) => Buffer.from(bytes.subarray(c.start, c.end))),
    others: members.length - certificates.length,
  };
}

/** The elements inside a constructed element; undefined when one cannot be read. */
function children(bytes: Uint8Array, parent: Element, depth: number): Element[] | undefined {
  const out: Element[] = [];
  for (let at = parent.contentStart; at < parent.contentEnd; ) {
    const child = element(bytes, at, parent.contentEnd, depth);
    if (!child) return undefined;
    out.push(child);
    at = child.end;
  }
  return out;
}

/**
 * One element's header at `at`, within `limit`. An indefinite length (constructed only) ends at
 * the end-of-contents octets after its last child, so its children are walked to find it, at
 * most MAX_DEPTH deep.
 */
function element(bytes: Uint8Array, at: number, limit: number, depth: number): Element | undefined {
  if (at + 2 > limit || depth > MAX_DEPTH) return undefined;
  const tag = bytes[at]!;
  if ((tag & 0x1f) === 0x1f) return undefined; // high tag numbers: nothing in PKCS#7 uses them
  let length = bytes[at + 1]!;
  let contentStart = at + 2;
  if (length === 0x80) {
    if (!(tag & 0x20)) return undefined;
    let end = contentStart;
    while (!(bytes[end] === 0 && bytes[end + 1] === 0)) {
      const child = element(bytes, end, limit, depth + 1);
      if (!child) return undefined;
      end = child.end;
    }
    if (end + 2 > limit) return undefined;
    return { tag, start: at, contentStart, contentEnd: end, end: end + 2 };
  }
  if (length & 0x80) {
    const octets = length & 0x7f;
    if (octets > 4 || contentStart + octets > limit) return undefined;
    length = 0;
    for (let i = 0; i < octets; i++) length = length * 256 + bytes[contentStart + i]!;
    contentStart += octets;
  }
  if (contentStart + length > limit) return undefined;
  return { tag, start: at, contentStart, contentEnd: contentStart + length, end: contentStart + length };
}
