/**
 * The signature algorithm: Node's `signatureAlgorithmOid`, and the DER fallback for Node releases
 * without it, which must agree with Node and never throw on bad input.
 */
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { signatureAlgorithm, signatureOidFromDer } from '../../src/certs/signature.ts';
import { type Issued, Pki } from '../../test/support/pki.ts';

/** DER TLV with a definite length (short or long form). */
function tlv(tag: number, content: readonly number[]): number[] {
  const n = content.length;
  if (n < 0x80) return [tag, n, ...content];
  const octets: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) octets.unshift(v % 256);
  return [tag, 0x80 | octets.length, ...octets, ...content];
}
const seq = (...parts: number[][]) => tlv(0x30, parts.flat());
const oid = (bytes: readonly number[]) => tlv(0x06, bytes);
const bits = (...bytes: number[]) => tlv(0x03, [0, ...bytes]);

/** Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signature }, shaped only. */
function certShape(algorithm: number[], tbs: number[] = seq()): Uint8Array {
  return Uint8Array.from(seq(tbs, algorithm, bits(1, 2, 3)));
}

describe('certs/signature', () => {
  let pki: Pki;
  const certs = new Map<string, X509Certificate>();
  const EXPECTED: ReadonlyArray<[string, string, string, boolean]> = [
    // name, OID, algorithm name, weak
    ['rsa', '1.2.840.113549.1.1.11', 'sha256WithRSAEncryption', false],
    ['ec', '1.2.840.10045.4.3.2', 'ecdsa-with-SHA256', false],
    ['ec-sha384', '1.2.840.10045.4.3.3', 'ecdsa-with-SHA384', false],
    ['ed25519', '1.3.101.112', 'Ed25519', false],
    ['ec-sha1', '1.2.840.10045.4.1', 'ecdsa-with-SHA1', true],
    ['rsa-sha1', '1.2.840.113549.1.1.5', 'sha1WithRSAEncryption', true],
    ['rsa-md5', '1.2.840.113549.1.1.4', 'md5WithRSAEncryption', true],
  ];

  before(async () => {
    pki = await Pki.create();
    const [ecRoot, rsaRoot, edRoot] = await Promise.all([
      pki.root(),
      pki.root({ key: { type: 'rsa' } }),
      pki.root({ key: { type: 'ed25519' } }),
    ]);
    const made: Array<[string, Promise<Issued>]> = [
      ['rsa', pki.leaf(rsaRoot, { key: { type: 'rsa' } })],
      ['ec', pki.leaf(ecRoot)],
      ['ec-sha384', pki.leaf(ecRoot, { digest: 'sha384', key: { type: 'ec', curve: 'P-384' } })],
      ['ed25519', pki.leaf(edRoot, { key: { type: 'ed25519' } })],
      ['ec-sha1', pki.leaf(ecRoot, { digest: 'sha1' })],
      ['rsa-sha1', pki.leaf(rsaRoot, { digest: 'sha1' })],
      ['rsa-md5', pki.leaf(rsaRoot, { digest: 'md5' })],
    ];
    for (const [name, promise] of made) certs.set(name, new X509Certificate((await promise).certPem));
  });
  after(async () => {
    await pki?.cleanup();
  });

  function cert(name: string): X509Certificate {
    const found = certs.get(name);
    assert.ok(found, name);
    return found;
  }

  it('signatureOidFromDer(cert.raw) equals Node’s signatureAlgorithmOid (RSA, EC, Ed25519, SHA-1, MD5)', () => {
    for (const [name, expectedOid] of EXPECTED) {
      const x = cert(name);
      assert.equal(x.signatureAlgorithmOid, expectedOid, `${name}: Node`);
      assert.equal(signatureOidFromDer(x.raw), x.signatureAlgorithmOid, `${name}: DER`);
      assert.equal(signatureOidFromDer(new Uint8Array(x.raw)), expectedOid, `${name}: Uint8Array`);
    }
  });

  it('signatureAlgorithm: name and weakness, from Node and from the DER fallback alike', () => {
    for (const [name, expectedOid, algorithm, weak] of EXPECTED) {
      const x = cert(name);
      assert.deepEqual(signatureAlgorithm(x), { oid: expectedOid, name: algorithm, weak }, name);
      // An older Node 24 without signatureAlgorithmOid: only `raw` to go on.
      const old = { raw: x.raw } as unknown as X509Certificate;
      assert.deepEqual(signatureAlgorithm(old), { oid: expectedOid, name: algorithm, weak }, `${name} (DER)`);
    }
    const odd = { raw: Buffer.from('nonsense') } as unknown as X509Certificate;
    assert.deepEqual(signatureAlgorithm(odd), { oid: 'unknown', name: 'unknown', weak: false });
  });

  it('decodes OIDs of every shape: multi-byte arcs, first arc 2 with a large second arc, long lengths', () => {
    const rsaSha256 = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b];
    assert.equal(signatureOidFromDer(certShape(seq(oid(rsaSha256)))), '1.2.840.113549.1.1.11');
    assert.equal(signatureOidFromDer(certShape(seq(oid(rsaSha256), tlv(0x05, [])))), '1.2.840.113549.1.1.11');
    assert.equal(signatureOidFromDer(certShape(seq(oid([0x88, 0x37, 0x01])))), '2.999.1');
    assert.equal(signatureOidFromDer(certShape(seq(oid([0x2b, 0x65, 0x70])))), '1.3.101.112');
    assert.equal(signatureOidFromDer(certShape(seq(oid([0x00])))), '0.0');
    const bigTbs = seq(tlv(0x04, Array<number>(300).fill(7)));
    assert.equal(signatureOidFromDer(certShape(seq(oid([0x2b, 0x65, 0x70])), bigTbs)), '1.3.101.112');
    const hugeTbs = seq(tlv(0x04, Array<number>(70_000).fill(7)));
    assert.equal(signatureOidFromDer(certShape(seq(oid([0x2b, 0x65, 0x70])), hugeTbs)), '1.3.101.112');
  });

  it('returns undefined for garbage, without throwing', () => {
    const garbage: Uint8Array[] = [
      new Uint8Array(),
      Uint8Array.from([0x30]),
      Uint8Array.from([0x30, 0x00]),
      Uint8Array.from([0x30, 0x80, 0x00, 0x00]), // indefinite length: not DER
      Uint8Array.from([0x30, 0x85, 1, 0, 0, 0, 0]), // five length octets
      Uint8Array.from([0x30, 0x84, 0xff, 0xff, 0xff, 0xff]), // length far beyond the data
      Buffer.from('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n'),
      Buffer.from('not a certificate at all'),
      Uint8Array.from(Array<number>(64).fill(0xff)),
      Uint8Array.from(Array<number>(64).fill(0x30)),
      certShape(tlv(0x31, [...oid([0x2b, 0x65, 0x70])])), // algorithm not a SEQUENCE
      certShape(seq(tlv(0x04, [0x2b, 0x65, 0x70]))), // not an OID inside
      certShape(seq(oid([]))), // empty OID
      certShape(seq()), // empty AlgorithmIdentifier
      Uint8Array.from(seq(seq())), // no signatureAlgorithm at all
      Uint8Array.from(tlv(0x31, [...seq(), ...seq(oid([0x2b, 0x65, 0x70]))])), // outer not a SEQUENCE
    ];
    for (const bytes of garbage) {
      assert.equal(signatureOidFromDer(bytes), undefined, Buffer.from(bytes).toString('hex'));
    }
  });

  it('returns undefined for an OID that ends inside an arc (continuation bit on its last byte)', () => {
    assert.equal(signatureOidFromDer(certShape(seq(oid([0x2b, 0x65, 0xf0])))), undefined);
    assert.equal(signatureOidFromDer(certShape(seq(oid([0x86])))), undefined);
    // The same damage in a real certificate.
    const raw = Buffer.from(cert('ec').raw);
    const ecdsaSha256 = Buffer.from([0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02]);
    const at = raw.lastIndexOf(ecdsaSha256);
    assert.ok(at > 0);
    raw[at + ecdsaSha256.length - 1] = 0x82;
    assert.equal(signatureOidFromDer(raw), undefined);
  });

  it('returns undefined for every truncation of a real certificate', () => {
    for (const [name] of EXPECTED) {
      const raw = cert(name).raw;
      for (let length = 0; length < raw.length; length++) {
        assert.equal(signatureOidFromDer(raw.subarray(0, length)), undefined, `${name} cut at ${length}`);
      }
    }
  });

  it('never throws on arbitrary bytes or damaged certificates', () => {
    const raw = Uint8Array.from(cert('rsa').raw);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const out = signatureOidFromDer(bytes);
        return out === undefined || /^\d+(\.\d+)+$/.test(out);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.nat(raw.length - 1), fc.integer({ min: 0, max: 255 }), (index, value) => {
        const damaged = Uint8Array.from(raw);
        damaged[index] = value;
        const out = signatureOidFromDer(damaged);
        return out === undefined || /^\d+(\.\d+)+$/.test(out);
      }),
      { numRuns: 2000 },
    );
  });
});
