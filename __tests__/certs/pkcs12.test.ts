/**
 * PKCS#12 / PFX files made by the real `openssl pkcs12 -export`: OpenSSL 3 defaults and the
 * legacy RC2/3DES + SHA-1 form, RSA and EC keys, with a chain, as base64 text and as raw
 * bytes; the password cases; and the certificate bytes coming out exactly as they went in.
 */
import assert from 'node:assert/strict';
import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { CheckedBundle, CheckOptions } from '../../src/certs/bundle.ts';
import type { SourceInput } from '../../src/certs/decode.ts';
import type { Finding } from '../../src/certs/findings.ts';
import { openPkcs12 } from '../../src/certs/pkcs12.ts';
import { checkBundle } from '../../src/certs/validate.ts';
import { type Issued, Pki } from '../../test/support/pki.ts';
import { codeLevels, source } from '../../test/support/findings.ts';
import { pemBegin } from '../../test/support/pem-markers.ts';
import { loadPkcs12Support } from '../../src/certs/pkcs12-support.ts';

// Checking is synchronous; node-forge loads on demand (run() does this for the action).
await loadPkcs12Support();

const PASSWORD = 'p12-Secret-Passw0rd!';

/** No finding quotes the secret, whole or in part. */
function assertNotQuoted(findings: readonly Finding[], secret: string): void {
  for (const f of findings) {
    const text = JSON.stringify(f);
    for (let i = 0; i + 8 <= secret.length; i++) {
      assert.ok(!text.includes(secret.slice(i, i + 8)), `${f.code} quotes part of the password`);
    }
  }
}

describe('certs/pkcs12: reading PKCS#12 files', () => {
  let pki: Pki;
  let root: Issued;
  let inter: Issued;
  let ecLeaf: Issued;
  let rsaLeaf: Issued;
  let options: CheckOptions;
  /** [legacy, key type] -> file, all with PASSWORD and the intermediate. */
  const files = new Map<string, Buffer>();
  const fileFor = (legacy: boolean, leaf: Issued): Buffer =>
    files.get(`${legacy}/${leaf === rsaLeaf ? 'rsa' : 'ec'}`)!;

  before(async () => {
    pki = await Pki.create();
    root = await pki.root();
    inter = await pki.intermediate(root);
    [ecLeaf, rsaLeaf] = await Promise.all([
      pki.leaf(inter, { cn: 'ec.example.test' }),
      pki.leaf(inter, { cn: 'rsa.example.test', key: { type: 'rsa' } }),
    ]);
    await Promise.all(
      [false, true].flatMap((legacy) =>
        [ecLeaf, rsaLeaf].map(async (leaf) => {
          const p12 = await pki.pkcs12(leaf, { password: PASSWORD, chain: [inter], legacy });
          files.set(`${legacy}/${leaf === rsaLeaf ? 'rsa' : 'ec'}`, p12);
        }),
      ),
    );
    const rootCert = new X509Certificate(root.certPem);
    options = { trustedRoots: () => [rootCert] };
  });
  after(async () => {
    await pki.cleanup();
  });

  const check = (sources: SourceInput[], pkcs12Password?: string, extra: CheckOptions = {}): CheckedBundle =>
    checkBundle(pkcs12Password === undefined ? { sources } : { sources, pkcs12Password }, {
      ...options,
      ...extra,
    });

  const assertOpened = (result: CheckedBundle, leaf: Issued): void => {
    assert.deepEqual(result.findings, [], JSON.stringify(result.findings, null, 1));
    assert.equal(result.ok, true);
    // The certificate bytes are the file's bytes: same fingerprints, same PEM.
    assert.equal(result.leaf?.sha256, createHash('sha256').update(leaf.certDer).digest('hex'));
    assert.equal(result.leaf?.sha1, createHash('sha1').update(leaf.certDer).digest('hex'));
    assert.equal(result.chain[1]?.sha256, createHash('sha256').update(inter.certDer).digest('hex'));
    assert.equal(result.upload?.certificate, leaf.certPem);
    assert.equal(result.upload?.chain, inter.certPem);
    assert.equal(result.upload?.fullchain, leaf.certPem + inter.certPem);
    assert.ok(result.upload?.privateKey.startsWith(`${pemBegin('PRIVATE KEY')}\n`));
    assert.ok(createPrivateKey(result.upload.privateKey).equals(createPrivateKey(leaf.keyPem)));
  };

  for (const legacy of [false, true]) {
    for (const kind of ['rsa', 'ec'] as const) {
      const label = `${legacy ? 'legacy (RC2/3DES, SHA-1 MAC)' : 'OpenSSL 3 default (AES-256, SHA-256 MAC)'}, ${kind.toUpperCase()} key`;
      describe(label, () => {
        const leafOf = () => (kind === 'rsa' ? rsaLeaf : ecLeaf);

        it('opens raw bytes with the password, keeping the certificate bytes', () => {
          const p12 = fileFor(legacy, leafOf());
          assertOpened(check([source('pkcs12', new Uint8Array(p12))], PASSWORD), leafOf());
          assert.equal(
            check([source('pkcs12', p12)], PASSWORD).leaf?.key.type,
            kind === 'rsa' ? 'rsa' : 'ec',
          );
        });

        it('opens base64 text, unwrapped and wrapped', () => {
          const b64 = fileFor(legacy, leafOf()).toString('base64');
          assertOpened(check([source('pkcs12', b64)], PASSWORD), leafOf());
          assertOpened(check([source('pkcs12', `${b64.replace(/.{76}/g, '$&\n')}\n`)], PASSWORD), leafOf());
        });

        it('says PKCS12_PASSWORD_WRONG for a wrong password, without quoting it', () => {
          const wrong = 'Wrong-Password-123';
          const result = check([source('pkcs12', fileFor(legacy, leafOf()).toString('base64'))], wrong);
          assert.deepEqual(codeLevels(result), ['PKCS12_PASSWORD_WRONG:error']);
          assert.equal(result.upload, undefined);
          assertNotQuoted(result.findings, wrong);
          assertNotQuoted(result.findings, PASSWORD);
        });

        it('says PKCS12_PASSWORD_NEEDED when no password is given', () => {
          const result = check([source('pkcs12', fileFor(legacy, leafOf()))]);
          assert.deepEqual(codeLevels(result), ['PKCS12_PASSWORD_NEEDED:error']);
          assert.match(result.findings[0]!.fix, /pkcs12-password/);
          assertNotQuoted(result.findings, PASSWORD);
        });
      });
    }
  }

  describe('other files and failures', () => {
    it('opens a file protected by the empty password, with no password or an empty one', async () => {
      const p12 = await pki.pkcs12(ecLeaf, { password: '', chain: [inter] });
      assertOpened(check([source('pkcs12', p12)]), ecLeaf);
      assertOpened(check([source('pkcs12', p12.toString('base64'))], ''), ecLeaf);
      assert.deepEqual(codeLevels(check([source('pkcs12', p12)], 'not-empty')), [
        'PKCS12_PASSWORD_WRONG:error',
      ]);
    });

    it('leaves the root out of the upload when the file holds it', async () => {
      const p12 = await pki.pkcs12(ecLeaf, { password: PASSWORD, chain: [inter, root] });
      const result = check([source('pkcs12', p12)], PASSWORD);
      assert.deepEqual(codeLevels(result), ['ROOT_INCLUDED:warning']);
      assert.equal(result.upload?.fullchain, ecLeaf.certPem + inter.certPem);
      assert.deepEqual(
        result.chain.map((c) => c.role),
        ['leaf', 'intermediate', 'root'],
      );
    });

    it('reads a PKCS#12 given in another input, e.g. the certificate input', () => {
      const p12 = fileFor(false, ecLeaf);
      assertOpened(check([source('certificate', p12.toString('base64'))], PASSWORD), ecLeaf);
      assertOpened(check([source('bundle', p12)], PASSWORD), ecLeaf);
      assert.deepEqual(codeLevels(check([source('certificate', p12)], 'nope')), [
        'PKCS12_PASSWORD_WRONG:error',
      ]);
    });

    it('says PKCS12_INVALID for data that is not PKCS#12', () => {
      const p12 = fileFor(false, ecLeaf);
      const garbage: (string | Uint8Array)[] = [
        new Uint8Array([0x9f, 0xff, 0x01, 0x80, 0xc3, 0x28, 0xa0, 0xa1, 0x00, 0xfe]),
        Buffer.from('not a pkcs12 file at all').toString('base64'),
        new Uint8Array(p12.subarray(0, Math.floor(p12.length / 2))),
        ecLeaf.certDer, // DER, but a certificate
        ecLeaf.certDer.toString('base64'),
      ];
      for (const data of garbage) {
        const result = check([source('pkcs12', data)], PASSWORD);
        assert.deepEqual(codeLevels(result), ['PKCS12_INVALID:error']);
        assert.match(result.findings[0]!.message, /not a PKCS#12 file/);
        assertNotQuoted(result.findings, PASSWORD);
      }
    });

    it('says the file is cut short, not that the right password is wrong, for a truncated file', () => {
      const p12 = fileFor(true, rsaLeaf);
      for (const cut of [
        p12.subarray(0, p12.length - 1),
        p12.subarray(0, p12.length - 40),
        p12.subarray(0, 300),
      ]) {
        for (const data of [new Uint8Array(cut), cut.toString('base64')]) {
          const result = check([source('pkcs12', data)], PASSWORD);
          assert.deepEqual(codeLevels(result), ['PKCS12_INVALID:error']);
          assert.match(result.findings[0]!.message, /cut short/);
        }
      }
    });

    it('says NOT_PEM for text in the pkcs12 input that is neither PEM nor base64', () => {
      assert.deepEqual(codeLevels(check([source('pkcs12', './site.p12')])), ['NOT_PEM:error']);
    });
  });

  describe('openPkcs12', () => {
    it('returns the certificates byte for byte and the key as PKCS#8 DER', () => {
      for (const legacy of [false, true]) {
        for (const leaf of [ecLeaf, rsaLeaf]) {
          const opened = openPkcs12(fileFor(legacy, leaf), PASSWORD);
          assert.ok(opened.ok);
          assert.equal(opened.certificates.length, 2);
          const hashes = opened.certificates.map((der) => createHash('sha256').update(der).digest('hex'));
          assert.ok(hashes.includes(createHash('sha256').update(leaf.certDer).digest('hex')));
          assert.ok(hashes.includes(createHash('sha256').update(inter.certDer).digest('hex')));
          assert.ok(opened.certificates.some((der) => der.equals(leaf.certDer)));
          assert.equal(opened.keys.length, 1);
          const key = createPrivateKey({ key: opened.keys[0]!, format: 'der', type: 'pkcs8' });
          assert.ok(key.equals(createPrivateKey(leaf.keyPem)));
        }
      }
    });

    it('classifies failures', () => {
      const p12 = fileFor(true, rsaLeaf);
      assert.deepEqual(
        [
          openPkcs12(p12, undefined),
          openPkcs12(p12, ''),
          openPkcs12(p12, 'nope'),
          openPkcs12(Buffer.from('xyz'), 'a'),
        ].map((r) => (r.ok ? 'ok' : r.failure)),
        ['password-needed', 'password-needed', 'password-wrong', 'invalid'],
      );
    });
  });
});
