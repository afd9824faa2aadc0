/**
 * Reading the TLS 1.2 Certificate message from raw records: split and joined records, every
 * length checked against what is there, and the bounds (10 certificates, 64 KiB).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  MAX_CAPTURE_BYTES,
  MAX_SENT_CERTIFICATES,
  readCertificateMessage,
} from '../../src/verification/certificate-message.ts';

const u24 = (n: number): Buffer => Buffer.from([(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff]);
const record = (type: number, fragment: Buffer): Buffer =>
  Buffer.concat([Buffer.from([type, 3, 3, fragment.length >> 8, fragment.length & 0xff]), fragment]);
const handshake = (type: number, body: Buffer): Buffer =>
  Buffer.concat([Buffer.from([type]), u24(body.length), body]);
const certificateBody = (certs: Buffer[]): Buffer => {
  const list = Buffer.concat(certs.map((c) => Buffer.concat([u24(c.length), c])));
  return Buffer.concat([u24(list.length), list]);
};
const serverHello = handshake(2, Buffer.alloc(70, 1));
const A = Buffer.from('first certificate');
const B = Buffer.from('second one');

describe('readCertificateMessage', () => {
  it('finds the Certificate message after ServerHello, certificates in the order sent', () => {
    const bytes = Buffer.concat([
      record(22, serverHello),
      record(22, handshake(11, certificateBody([A, B]))),
    ]);
    assert.deepEqual(readCertificateMessage(bytes), { found: true, ders: [A, B] });
  });

  it('reads messages that share a record and a message split over records', () => {
    const stream = Buffer.concat([
      serverHello,
      handshake(11, certificateBody([A, B])),
      handshake(14, Buffer.alloc(0)),
    ]);
    const cut = 80;
    const bytes = Buffer.concat([record(22, stream.subarray(0, cut)), record(22, stream.subarray(cut))]);
    assert.deepEqual(readCertificateMessage(bytes), { found: true, ders: [A, B] });
  });

  it('stops at ChangeCipherSpec: what follows is encrypted', () => {
    const bytes = Buffer.concat([
      record(22, serverHello),
      record(20, Buffer.from([1])),
      record(22, handshake(11, certificateBody([A]))),
    ]);
    assert.deepEqual(readCertificateMessage(bytes), {
      found: false,
      reason: 'no Certificate message came before the encrypted part of the handshake',
    });
  });

  it('does not read past bytes that were cut short', () => {
    const whole = record(22, handshake(11, certificateBody([A, B])));
    assert.equal(readCertificateMessage(whole.subarray(0, whole.length - 1)).found, false);
    assert.equal(readCertificateMessage(Buffer.alloc(0)).found, false);
    assert.equal(readCertificateMessage(Buffer.from([22, 3])).found, false);
  });

  it('refuses lengths that do not match what is there', () => {
    const lying = Buffer.concat([u24(A.length + 3 + 100), u24(A.length), A]);
    assert.match(reason(record(22, handshake(11, lying))), /list length does not match/);
    const inner = Buffer.concat([u24(A.length + 3), u24(A.length + 50), A]);
    assert.match(reason(record(22, handshake(11, inner))), /certificate length does not match/);
    const zero = Buffer.concat([u24(3), u24(0)]);
    assert.match(reason(record(22, handshake(11, zero))), /certificate length does not match/);
    const short = Buffer.concat([u24(2), Buffer.from([0, 1])]);
    assert.match(reason(record(22, handshake(11, short))), /a length is cut short/);
    assert.match(reason(record(22, handshake(11, certificateBody([])))), /empty certificate list/);
  });

  it('refuses a record that is not TLS or claims more than a record may hold', () => {
    assert.match(reason(Buffer.from('HTTP/1.1 400 Bad Request\r\n\r\n')), /record of unexpected type 72/);
    const huge = Buffer.from([22, 3, 3, 0xff, 0xff]);
    assert.match(reason(huge), /a record that claims 65535 bytes/);
  });

  it(`reads at most ${MAX_SENT_CERTIFICATES} certificates`, () => {
    const ten = Array.from({ length: MAX_SENT_CERTIFICATES }, (_, i) => Buffer.from([i + 1]));
    assert.equal(readCertificateMessage(record(22, handshake(11, certificateBody(ten)))).found, true);
    const eleven = [...ten, Buffer.from([99])];
    assert.match(reason(record(22, handshake(11, certificateBody(eleven)))), /more than 10 certificates/);
  });

  it(`reads at most ${MAX_CAPTURE_BYTES} bytes`, () => {
    const certificate = record(22, handshake(11, certificateBody([A])));
    const first = Buffer.concat([certificate, Buffer.alloc(MAX_CAPTURE_BYTES)]);
    assert.deepEqual(readCertificateMessage(first), { found: true, ders: [A] }, 'what follows is not read');
    // A 70 KB message before the certificate, in records of the largest size allowed.
    const big = handshake(2, Buffer.alloc(70_000, 1));
    const records: Buffer[] = [];
    for (let at = 0; at < big.length; at += 2 ** 14) records.push(record(22, big.subarray(at, at + 2 ** 14)));
    const late = Buffer.concat([...records, certificate]);
    assert.match(reason(late), /more than 65536 bytes before its certificate/);
  });
});

function reason(bytes: Buffer): string {
  const read = readCertificateMessage(bytes);
  assert.equal(read.found, false);
  return read.found ? '' : read.reason;
}
