/**
 * PKCS#7 certificate bundles (`.p7b`) as they really arrive: DER (Windows' default export), a
 * `PKCS7` PEM block (openssl), the same bundle under a `CERTIFICATE` label (certutil -encode, AD CS
 * "Base 64" chain downloads), base64 of the DER in a secret, and BER with indefinite lengths. The
 * certificates join the chain like any others; the key must still come separately. Bundles are made
 * at test time with `openssl crl2pkcs7 -nocrl`.
 */
import assert from 'node:assert/strict';
import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import type { CheckedBundle, CheckOptions } from '../../src/certs/bundle.ts';
import { mayHoldPkcs12, type SourceInput } from '../../src/certs/decode.ts';
import { loadPkcs12Support } from '../../src/certs/pkcs12-support.ts';
import { MAX_PKCS7_BYTES, MAX_PKCS7_CERTIFICATES } from '../../src/certs/pkcs7.ts';
import { type Issued, Pki } from '../../test/support/pki.ts';
import { checkWellFormed, codeLevels, only, source } from '../../test/support/findings.ts';
import { pemBegin, pemEnd } from '../../test/support/pem-markers.ts';

// Damaged bundles that no longer look like PKCS#7 are tried as PKCS#12 files, as any binary data.
await loadPkcs12Support();

/** DER length octets of `n`. */
function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}
const tlv = (tag: number, ...content: Buffer[]): Buffer => {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), length(body.length), body]);
};
/** An indefinite-length element (BER): tag, 0x80, content, end-of-contents. */
const indefinite = (tag: number, ...content: Buffer[]): Buffer =>
  Buffer.concat([Buffer.from([tag, 0x80]), ...content, Buffer.from([0, 0])]);

const SIGNED_DATA = Buffer.from('06092a864886f70d010702', 'hex');
const DATA = Buffer.from('06092a864886f70d010701', 'hex');

/** A certs-only SignedData built by hand, `wrap` choosing definite or indefinite envelopes. */
function signedData(certs: Buffer[], wrap: (tag: number, ...c: Buffer[]) => Buffer = tlv): Buffer {
  return wrap(
    0x30,
    SIGNED_DATA,
    wrap(
      0xa0,
      wrap(
        0x30,
        Buffer.from([0x02, 0x01, 0x01]), // version 1
        Buffer.from([0x31, 0x00]), // no digest algorithms
        tlv(0x30, DATA),
        wrap(0xa0, ...certs),
        Buffer.from([0x31, 0x00]), // no signers
      ),
    ),
  );
}

const pem = (label: string, der: Buffer): string =>
  `${pemBegin(label)}\n${der.toString('base64').replace(/.{64}/g, '$&\n')}\n${pemEnd(label)}\n`;

describe('certs/pkcs7: certificate bundles', () => {
  let pki: Pki;
  let root: Issued;
  let i1: Issued; // issued the leaf
  let i2: Issued; // issued i1
  let leaf: Issued;
  let options: CheckOptions;
  let p7bDer: Buffer; // root, i2, i1, leaf: the order Windows lists a path in
  let p7bPem: string;

  before(async () => {
    pki = await Pki.create();
    const made = await pki.chain(2);
    root = made.root;
    [i1, i2] = made.intermediates as [Issued, Issued];
    leaf = made.leaf;
    const rootCert = new X509Certificate(root.certPem);
    options = { trustedRoots: () => [rootCert] };
    p7bDer = await pki.pkcs7([root, i2, i1, leaf], 'der');
    p7bPem = (await pki.pkcs7([root, i2, i1, leaf], 'pem')).toString('utf8');
  });
  after(async () => {
    await pki.cleanup();
  });

  const check = (sources: SourceInput[], extra: CheckOptions = {}): CheckedBundle =>
    checkWellFormed({ sources }, { ...options, ...extra });

  /** Read, put in order, the root left out, the key taken from its own input. */
  const assertChain = (result: CheckedBundle): void => {
    assert.deepEqual(codeLevels(result), ['ROOT_INCLUDED:warning'], JSON.stringify(result.findings, null, 1));
    assert.equal(result.ok, true);
    assert.equal(result.upload?.fullchain, leaf.certPem + i1.certPem + i2.certPem);
    assert.ok(createPrivateKey(result.upload.privateKey).equals(createPrivateKey(leaf.keyPem)));
    assert.deepEqual(
      result.chain.map((c) => c.role),
      ['leaf', 'intermediate', 'intermediate', 'root'],
    );
  };

  describe('the forms a bundle arrives in', () => {
    it('reads a DER .p7b file (Windows export) as the chain', () => {
      assert.equal(p7bDer[0], 0x30);
      assertChain(
        check([source('certificate', p7bDer, 'chain.p7b', 'chain.p7b'), source('private-key', leaf.keyPem)]),
      );
    });

    it('reads a PKCS7 PEM block (openssl crl2pkcs7)', () => {
      assert.match(p7bPem, /^-----BEGIN PKCS7-----$/m);
      assertChain(check([source('certificate', p7bPem), source('private-key', leaf.keyPem)]));
    });

    it('reads a PKCS#7 bundle under a CERTIFICATE label (certutil -encode, AD CS downloads)', () => {
      assertChain(
        check([source('certificate', pem('CERTIFICATE', p7bDer)), source('private-key', leaf.keyPem)]),
      );
    });

    it('reads base64 of a DER .p7b kept in a secret, wrapped or not', () => {
      for (const text of [
        p7bDer.toString('base64'),
        `${p7bDer.toString('base64').replace(/.{76}/g, '$&\n')}\n`,
      ]) {
        assertChain(check([source('certificate', text), source('private-key', leaf.keyPem)]));
      }
    });

    it('reads a bundle whose envelope uses BER indefinite lengths', () => {
      const ber = signedData([root.certDer, i2.certDer, i1.certDer, leaf.certDer], indefinite);
      assertChain(check([source('certificate', ber, 'chain.p7b'), source('private-key', leaf.keyPem)]));
    });

    it('keeps each certificate byte for byte (the fingerprints are those of the files)', () => {
      const result = check([source('certificate', p7bDer)], { requireKey: false });
      const given = [leaf, i1, i2, root].map((c) => createHash('sha256').update(c.certDer).digest('hex'));
      assert.deepEqual(
        result.chain.map((c) => c.sha256),
        given,
      );
    });

    it('takes a leaf in PEM and its intermediates in a .p7b together', async () => {
      const intermediates = await pki.pkcs7([i2, i1], 'der');
      const result = check([
        source('certificate', leaf.certPem),
        source('chain', intermediates, 'chain.p7b'),
        source('private-key', leaf.keyPem),
      ]);
      assert.deepEqual(codeLevels(result), []);
      assert.equal(result.upload?.fullchain, leaf.certPem + i1.certPem + i2.certPem);
    });
  });

  describe('the chain checks apply to its certificates', () => {
    it('says nothing about order: a PKCS#7 bundle is a set, even with repair-chain false', () => {
      const result = check([source('certificate', p7bDer), source('private-key', leaf.keyPem)], {
        repairChain: false,
      });
      assert.deepEqual(codeLevels(result), ['ROOT_INCLUDED:warning']);
    });

    it('reports a certificate of another chain in the bundle', async () => {
      const stranger = await pki.leaf('self', { cn: 'other.example.test' });
      const bundle = await pki.pkcs7([i2, stranger, i1, leaf], 'der');
      const result = check([source('certificate', bundle), source('private-key', leaf.keyPem)]);
      assert.deepEqual(codeLevels(result), ['UNRELATED_CERTIFICATE:warning']);
      assert.equal(result.upload?.fullchain, leaf.certPem + i1.certPem + i2.certPem);
    });
  });

  describe('the key', () => {
    it('says a PKCS#7 bundle holds no key when none is given, and where to put it', () => {
      const result = check([source('certificate', p7bDer, 'certs/site.p7b', 'certs/site.p7b')]);
      const f = only(result, 'NO_PRIVATE_KEY');
      assert.equal(f.level, 'error');
      assert.match(f.message, /PKCS#7 bundle in certs\/site\.p7b holds certificates only/);
      assert.match(f.fix, /private-key input/);
      assert.equal(result.ok, false);
    });

    it('keeps the usual NO_PRIVATE_KEY fix for PEM certificates', () => {
      const f = only(check([source('certificate', leaf.certPem + i1.certPem)]), 'NO_PRIVATE_KEY');
      assert.doesNotMatch(f.message + f.fix, /PKCS#7/);
    });
  });

  describe('bundles that cannot be used', () => {
    it('says a bundle without certificates holds none', async () => {
      const empty = await pki.pkcs7([], 'der');
      const result = check([source('certificate', empty, 'empty.p7b')]);
      assert.deepEqual(codeLevels(result), ['NOT_CERTIFICATE:error']);
      assert.match(result.findings[0]!.message, /PKCS#7 bundle with no certificate/);
    });

    it('says a bundle cut short is a damaged PKCS#7 bundle, not unknown binary data', () => {
      for (const cut of [p7bDer.length - 1, Math.floor(p7bDer.length / 2), 40]) {
        const result = check([source('certificate', p7bDer.subarray(0, cut), 'chain.p7b')]);
        assert.deepEqual(codeLevels(result), ['BAD_CERTIFICATE:error'], `cut at ${cut}`);
        assert.match(result.findings[0]!.message, /PKCS#7 bundle that cannot be read/);
      }
    });

    it('says which certificate inside the bundle is damaged', () => {
      const bundle = signedData([leaf.certDer, tlv(0x30, Buffer.from([0x02, 0x01, 0x00]))]);
      const result = check([source('certificate', bundle, 'chain.p7b'), source('private-key', leaf.keyPem)]);
      const f = only(result, 'BAD_CERTIFICATE');
      assert.match(f.message, /certificate 2 \(of 2\)/);
      assert.equal(result.ok, false);
    });

    it(`reads at most ${MAX_PKCS7_CERTIFICATES} certificates`, () => {
      const many = signedData(Array.from({ length: MAX_PKCS7_CERTIFICATES + 1 }, () => leaf.certDer));
      const result = check([source('certificate', many, 'store.p7b')]);
      assert.deepEqual(codeLevels(result), ['BAD_CERTIFICATE:error']);
      assert.match(result.findings[0]!.message, new RegExp(`${MAX_PKCS7_CERTIFICATES + 1} certificates`));
      const enough = signedData(Array.from({ length: MAX_PKCS7_CERTIFICATES }, () => leaf.certDer));
      assert.ok(check([source('certificate', enough)], { requireKey: false }).leaf);
    });

    it(`reads at most ${MAX_PKCS7_BYTES} bytes`, () => {
      const huge = signedData([leaf.certDer, tlv(0x04, Buffer.alloc(MAX_PKCS7_BYTES))]);
      const result = check([source('certificate', huge, 'huge.p7b')]);
      assert.deepEqual(codeLevels(result), ['BAD_CERTIFICATE:error']);
      assert.match(result.findings[0]!.message, /more than the \d+ read/);
    });

    it('never throws on a damaged bundle: every flipped byte and cut gives well-formed findings', () => {
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.nat(p7bDer.length - 1), fc.integer({ min: 1, max: 255 })), { maxLength: 4 }),
          fc.nat(p7bDer.length),
          (flips, cut) => {
            const damaged = Buffer.from(p7bDer.subarray(0, Math.max(cut, 2)));
            for (const [at, mask] of flips) if (at < damaged.length) damaged[at]! ^= mask;
            check([source('certificate', damaged, 'chain.p7b'), source('private-key', leaf.keyPem)]);
          },
        ),
        { numRuns: 300 },
      );
    });

    it('needs no PKCS#12 support for a DER bundle (node-forge stays unloaded)', () => {
      assert.equal(mayHoldPkcs12(source('certificate', p7bDer)), false);
      assert.equal(mayHoldPkcs12(source('certificate', p7bDer.subarray(0, 40))), false);
    });

    it('reads no deeper than a bundle needs through nested indefinite lengths', () => {
      const depth = 10_000;
      const nested = Buffer.concat([
        Buffer.alloc(depth * 2, Buffer.from([0x30, 0x80])),
        Buffer.from([0x05, 0x00]),
        Buffer.alloc(depth * 2),
      ]);
      const result = check([source('certificate', signedData([nested], indefinite), 'deep.p7b')]);
      assert.deepEqual(codeLevels(result), ['BAD_CERTIFICATE:error']);
    });
  });
});
