/**
 * The certificates a TLS 1.2 server sent, in the order it sent them, read from the raw bytes of
 * the handshake (RFC 5246 §6.2.1 records, §7.4 handshake messages, §7.4.2 Certificate). Node
 * only shows the chain after OpenSSL has re-linked it by issuer and completed it from the trust
 * store; the order as sent is in these bytes alone. In TLS 1.3 the Certificate message is
 * encrypted, so a server that speaks only TLS 1.3 leaves the order unknown.
 *
 * Pure and strictly bounded: every length is the server's word and is checked against what is
 * there before it is used.
 */

/** What one probe reads of the server's side, at most: a real chain is a few KiB. */
export const MAX_CAPTURE_BYTES = 64 * 1024;

/** Certificates read from one Certificate message, at most (a real chain is 2–4). */
export const MAX_SENT_CERTIFICATES = 10;

/** A record's fragment is at most 2^14 bytes (plus expansion room, §6.2.3): longer is not TLS. */
const MAX_RECORD_FRAGMENT = 2 ** 14 + 2048;

const RECORD_CHANGE_CIPHER_SPEC = 20;
const RECORD_ALERT = 21;
const RECORD_HANDSHAKE = 22;
const HANDSHAKE_CERTIFICATE = 11;

export type CertificateMessage = { found: true; ders: Buffer[] } | { found: false; reason: string };

const readUint24 = (bytes: Uint8Array, at: number): number =>
  (bytes[at]! << 16) | (bytes[at + 1]! << 8) | bytes[at + 2]!;

/**
 * The handshake bytes of the plaintext records at the start of `received`: every handshake
 * record until the first ChangeCipherSpec (after it, the server's records are encrypted).
 */
function handshakeBytes(received: Uint8Array): { bytes: Buffer; problem?: string } {
  const parts: Uint8Array[] = [];
  let at = 0;
  while (at + 5 <= received.length) {
    const type = received[at]!;
    const length = (received[at + 3]! << 8) | received[at + 4]!;
    if (type !== RECORD_HANDSHAKE && type !== RECORD_CHANGE_CIPHER_SPEC && type !== RECORD_ALERT) {
      return { bytes: Buffer.concat(parts), problem: `a record of unexpected type ${type}` };
    }
    if (length > MAX_RECORD_FRAGMENT) {
      return { bytes: Buffer.concat(parts), problem: `a record that claims ${length} bytes` };
    }
    if (type !== RECORD_HANDSHAKE) break;
    if (at + 5 + length > received.length) break; // cut short: what came before still counts
    parts.push(received.subarray(at + 5, at + 5 + length));
    at += 5 + length;
  }
  return { bytes: Buffer.concat(parts) };
}

/** The first Certificate handshake message in the server's plaintext records, split into DER certificates. */
export function readCertificateMessage(received: Uint8Array): CertificateMessage {
  // Only the first MAX_CAPTURE_BYTES are read; what comes after a complete message does not matter.
  const { bytes, problem } = handshakeBytes(received.subarray(0, MAX_CAPTURE_BYTES));
  let at = 0;
  while (at + 4 <= bytes.length) {
    const type = bytes[at]!;
    const length = readUint24(bytes, at + 1);
    if (at + 4 + length > bytes.length) break;
    if (type === HANDSHAKE_CERTIFICATE) return certificates(bytes.subarray(at + 4, at + 4 + length));
    at += 4 + length;
  }
  if (received.length > MAX_CAPTURE_BYTES && problem === undefined) {
    return {
      found: false,
      reason: `the server sent more than ${MAX_CAPTURE_BYTES} bytes before its certificate`,
    };
  }
  return {
    found: false,
    reason: problem
      ? `the handshake did not read as TLS: ${problem}`
      : 'no Certificate message came before the encrypted part of the handshake',
  };
}

/** Certificate ::= certificate_list<0..2^24-1> of ASN.1Cert<1..2^24-1>, and nothing after it. */
function certificates(body: Uint8Array): CertificateMessage {
  if (body.length < 3 || readUint24(body, 0) !== body.length - 3) {
    return { found: false, reason: 'the Certificate message is malformed: its list length does not match' };
  }
  const ders: Buffer[] = [];
  let at = 3;
  while (at < body.length) {
    if (ders.length === MAX_SENT_CERTIFICATES) {
      return { found: false, reason: `the server sent more than ${MAX_SENT_CERTIFICATES} certificates` };
    }
    if (at + 3 > body.length)
      return { found: false, reason: 'the Certificate message is malformed: a length is cut short' };
    const length = readUint24(body, at);
    if (length === 0 || at + 3 + length > body.length) {
      return {
        found: false,
        reason: 'the Certificate message is malformed: a certificate length does not match',
      };
    }
    ders.push(Buffer.from(body.subarray(at + 3, at + 3 + length)));
    at += 3 + length;
  }
  if (ders.length === 0) return { found: false, reason: 'the server sent an empty certificate list' };
  return { found: true, ders };
}
