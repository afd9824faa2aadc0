import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as tls from 'node:tls';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { type Issued, Pki } from '../../test/support/pki.ts';
import { pemBegin, pemBeginPattern } from '../../test/support/pem-markers.ts';

const execFileP = promisify(execFile);

const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';

function x509(c: Issued): crypto.X509Certificate {
  return new crypto.X509Certificate(c.certPem);
}

/** Whole seconds, as an X.509 time can hold. */
function seconds(d: Date): number {
  return Math.floor(d.getTime() / 1000) * 1000;
}

function assertIssuedBy(child: Issued, parent: Issued): void {
  const c = x509(child);
  const p = x509(parent);
  assert.equal(c.issuer, p.subject);
  assert.ok(c.checkIssued(p), `${child.subject} should be issued by ${parent.subject}`);
  assert.ok(c.verify(p.publicKey), `${child.subject} signature should verify with ${parent.subject}'s key`);
}

/** The value line(s) following an extension heading in `openssl x509 -text` output. */
function extValue(text: string, heading: string): string | undefined {
  const m = new RegExp(`${heading}:( critical)? *\\n\\s+(.*)`).exec(text);
  return m ? `${m[1] ? 'critical ' : ''}${m[2]}` : undefined;
}

async function p12Info(pki: Pki, p12: Buffer, password: string, legacy = false): Promise<string> {
  const file = path.join(pki.dir, `check-${crypto.randomUUID()}.p12`);
  await fs.writeFile(file, p12);
  const args = ['pkcs12', '-in', file, '-info', '-nokeys', '-passin', `pass:${password}`];
  if (legacy) args.push('-legacy');
  const { stdout, stderr } = await execFileP('openssl', args);
  return stdout + stderr;
}

describe('test/support/pki', () => {
  let pki: Pki;
  before(async () => {
    pki = await Pki.create();
  });
  after(async () => {
    await pki.cleanup();
  });

  it('makes a self-signed root CA with the CA extensions', async () => {
    const root = await pki.root({ cn: 'Smoke Root' });
    const x = x509(root);
    assert.equal(root.subject, 'CN=Smoke Root');
    assert.equal(root.cn, 'Smoke Root');
    assert.equal(x.subject, 'CN=Smoke Root');
    assert.equal(x.issuer, 'CN=Smoke Root');
    assert.equal(x.ca, true);
    assert.ok(x.verify(x.publicKey));
    assert.equal(x.signatureAlgorithm, 'ecdsa-with-SHA256');
    assert.ok(root.certPem.startsWith('-----BEGIN CERTIFICATE-----\n'));
    assert.ok(root.certPem.endsWith('-----END CERTIFICATE-----\n'));
    assert.ok(root.keyPem.startsWith(`${pemBegin('PRIVATE KEY')}\n`));
    assert.deepEqual(root.certDer, x.raw);
    assert.equal(x.serialNumber, root.serial);
    const key = crypto.createPrivateKey(root.keyPem);
    assert.equal(key.asymmetricKeyType, 'ec');
    assert.equal(key.asymmetricKeyDetails?.namedCurve, 'prime256v1');
    assert.ok(x.checkPrivateKey(key));
    const text = await pki.inspect(root);
    assert.equal(extValue(text, 'X509v3 Basic Constraints'), 'critical CA:TRUE');
    assert.equal(extValue(text, 'X509v3 Key Usage'), 'critical Certificate Sign, CRL Sign');
    assert.ok(extValue(text, 'X509v3 Subject Key Identifier'));
  });

  it('builds chains with intermediates in server order, AKI matching the issuer SKI', async () => {
    const { root, intermediates, leaf } = await pki.chain(3, { cn: 'chain.example.test' });
    assert.equal(intermediates.length, 3);
    const [i3, i2, i1] = intermediates as [Issued, Issued, Issued];
    assertIssuedBy(leaf, i3);
    assertIssuedBy(i3, i2);
    assertIssuedBy(i2, i1);
    assertIssuedBy(i1, root);
    for (const i of intermediates) {
      const text = await pki.inspect(i);
      assert.equal(x509(i).ca, true);
      assert.equal(extValue(text, 'X509v3 Basic Constraints'), 'critical CA:TRUE'); // no pathlen
    }
    const rootSki = extValue(await pki.inspect(root), 'X509v3 Subject Key Identifier');
    assert.match(rootSki ?? '', /^([0-9A-F]{2}:){19}[0-9A-F]{2}$/);
    assert.equal(extValue(await pki.inspect(i1), 'X509v3 Authority Key Identifier'), rootSki);
    const names = new Set([root, ...intermediates, leaf].map((c) => x509(c).subject));
    assert.equal(names.size, 5, 'every CA in a chain has a distinct name');

    const flat = await pki.chain(0);
    assert.deepEqual(flat.intermediates, []);
    assertIssuedBy(flat.leaf, flat.root);
  });

  it('makes a default leaf: EC P-256, SAN = CN, serverAuth, CA:FALSE, now-1h .. now+90d', async () => {
    const root = await pki.root();
    const before = Date.now();
    const leaf = await pki.leaf(root);
    const x = x509(leaf);
    assert.equal(leaf.subject, 'CN=leaf.example.test');
    assert.equal(x.subject, 'CN=leaf.example.test');
    assert.equal(x.subjectAltName, 'DNS:leaf.example.test');
    assert.equal(x.ca, false);
    assert.deepEqual(x.keyUsage, [SERVER_AUTH]);
    assertIssuedBy(leaf, root);
    assert.equal(crypto.createPrivateKey(leaf.keyPem).asymmetricKeyDetails?.namedCurve, 'prime256v1');
    const hour = 3_600_000;
    assert.ok(Math.abs(x.validFromDate.getTime() - (before - hour)) < 5_000);
    assert.ok(Math.abs(x.validToDate.getTime() - (before + 90 * 24 * hour)) < 5_000);
    const text = await pki.inspect(leaf);
    assert.equal(extValue(text, 'X509v3 Basic Constraints'), 'critical CA:FALSE');
    assert.equal(extValue(text, 'X509v3 Key Usage'), 'critical Digital Signature');
    const aki = extValue(text, 'X509v3 Authority Key Identifier');
    assert.ok(aki);
    assert.equal(aki, extValue(await pki.inspect(root), 'X509v3 Subject Key Identifier'));
    assert.ok(extValue(text, 'X509v3 Subject Key Identifier'));
    assert.equal(extValue(text, 'X509v3 Extended Key Usage'), 'TLS Web Server Authentication');
  });

  it('honours exact validity dates to the second (past, future, beyond 2049)', async () => {
    const root = await pki.root({
      notBefore: new Date('2001-01-01T00:00:00Z'),
      notAfter: new Date('2099-01-01T00:00:00Z'),
    });
    const cases: Array<[Date, Date]> = [
      [new Date('2020-01-02T03:04:05.999Z'), new Date('2021-02-03T04:05:06.001Z')], // expired
      [new Date(Date.now() + 86_400_000 * 3 + 123), new Date(Date.now() + 86_400_000 * 30)], // not yet valid
      [new Date(Date.now() - 86_400_000), new Date(Date.now() + 5 * 86_400_000)], // expires in 5 days
      [new Date('2049-12-31T23:59:59Z'), new Date('2050-01-01T00:00:01Z')], // UTCTime -> GeneralizedTime
    ];
    for (const [notBefore, notAfter] of cases) {
      const x = x509(await pki.leaf(root, { notBefore, notAfter }));
      assert.equal(x.validFromDate.getTime(), seconds(notBefore), `notBefore ${notBefore.toISOString()}`);
      assert.equal(x.validToDate.getTime(), seconds(notAfter), `notAfter ${notAfter.toISOString()}`);
    }
    const nb = new Date('2030-06-01T12:00:00Z');
    const caX = x509(
      await pki.intermediate(root, { notBefore: nb, notAfter: new Date('2031-06-01T12:00:00Z') }),
    );
    assert.equal(caX.validFromDate.getTime(), nb.getTime());
    await assert.rejects(pki.leaf(root, { notBefore: nb, notAfter: nb }), /not after/);
  });

  it('writes SANs as asked: DNS list, IPs, none', async () => {
    const root = await pki.root();
    const multi = x509(
      await pki.leaf(root, {
        cn: 'a.example.test',
        dns: ['a.example.test', '*.b.example.test'],
        ips: ['192.0.2.7', '2001:db8::1'],
      }),
    );
    assert.equal(
      multi.subjectAltName,
      'DNS:a.example.test, DNS:*.b.example.test, IP Address:192.0.2.7, IP Address:2001:DB8:0:0:0:0:0:1',
    );
    assert.ok(multi.checkHost('x.b.example.test'));
    assert.ok(multi.checkIP('192.0.2.7'));
    const none = x509(await pki.leaf(root, { cn: 'nosan.example.test', noSan: true }));
    assert.equal(none.subjectAltName, undefined);
    assert.equal(none.subject, 'CN=nosan.example.test');
    const ipOnly = x509(await pki.leaf(root, { dns: [], ips: ['10.0.0.1'] }));
    assert.equal(ipOnly.subjectAltName, 'IP Address:10.0.0.1');
  });

  it('signs with sha256, sha384, sha1 and md5', async () => {
    const ecRoot = await pki.root();
    const rsaRoot = await pki.root({ key: { type: 'rsa' }, digest: 'md5' });
    assert.equal(x509(rsaRoot).signatureAlgorithm, 'md5WithRSAEncryption');
    assert.ok(x509(rsaRoot).verify(x509(rsaRoot).publicKey));
    const sha1Root = await pki.root({ digest: 'sha1' });
    assert.equal(x509(sha1Root).signatureAlgorithm, 'ecdsa-with-SHA1');
    const expected: Array<[Issued, 'sha256' | 'sha384' | 'sha1' | 'md5', string]> = [
      [ecRoot, 'sha256', 'ecdsa-with-SHA256'],
      [ecRoot, 'sha384', 'ecdsa-with-SHA384'],
      [ecRoot, 'sha1', 'ecdsa-with-SHA1'],
      [rsaRoot, 'sha256', 'sha256WithRSAEncryption'],
      [rsaRoot, 'sha1', 'sha1WithRSAEncryption'],
      [rsaRoot, 'md5', 'md5WithRSAEncryption'],
    ];
    for (const [issuer, digest, alg] of expected) {
      const leaf = await pki.leaf(issuer, { digest });
      assert.equal(x509(leaf).signatureAlgorithm, alg);
      assertIssuedBy(leaf, issuer);
    }
    const sha1Int = await pki.intermediate(rsaRoot, { digest: 'sha1' });
    assert.equal(x509(sha1Int).signatureAlgorithm, 'sha1WithRSAEncryption');
    await assert.rejects(pki.leaf(ecRoot, { digest: 'md5' }), /md5 signatures need an RSA signer/);
  });

  it('makes every key type, Ed25519 signers included', async () => {
    const root = await pki.root();
    const rsa = await pki.leaf(root, { key: { type: 'rsa' } });
    const rsaKey = crypto.createPrivateKey(rsa.keyPem);
    assert.equal(rsaKey.asymmetricKeyType, 'rsa');
    assert.equal(rsaKey.asymmetricKeyDetails?.modulusLength, 2048);
    assert.equal(
      extValue(await pki.inspect(rsa), 'X509v3 Key Usage'),
      'critical Digital Signature, Key Encipherment',
    );
    const weak = crypto.createPrivateKey((await pki.leaf(root, { key: { type: 'rsa', bits: 1024 } })).keyPem);
    assert.equal(weak.asymmetricKeyDetails?.modulusLength, 1024);
    for (const [curve, name] of [
      ['P-256', 'prime256v1'],
      ['P-384', 'secp384r1'],
      ['P-521', 'secp521r1'],
      ['secp256k1', 'secp256k1'],
    ] as const) {
      const leaf = await pki.leaf(root, { key: { type: 'ec', curve } });
      assert.equal(crypto.createPrivateKey(leaf.keyPem).asymmetricKeyDetails?.namedCurve, name);
      assert.ok(x509(leaf).checkPrivateKey(crypto.createPrivateKey(leaf.keyPem)));
    }
    const ed = await pki.leaf(root, { key: { type: 'ed25519' } });
    assert.equal(crypto.createPrivateKey(ed.keyPem).asymmetricKeyType, 'ed25519');
    assert.equal(x509(ed).publicKey.asymmetricKeyType, 'ed25519');

    const edRoot = await pki.root({ key: { type: 'ed25519' } });
    assert.equal(x509(edRoot).signatureAlgorithm, 'ED25519');
    const edLeaf = await pki.leaf(edRoot);
    assert.equal(x509(edLeaf).signatureAlgorithm, 'ED25519');
    assertIssuedBy(edLeaf, edRoot);
    const selfEd = x509(await pki.leaf('self', { key: { type: 'ed25519' } }));
    assert.equal(selfEd.signatureAlgorithm, 'ED25519');
    await assert.rejects(pki.leaf(edRoot, { digest: 'sha1' }), /impossible/);
  });

  it('makes self-signed leaves and CA-as-leaf certificates; serials are unique', async () => {
    const self = await pki.leaf('self', { cn: 'self.example.test', key: { type: 'rsa' }, digest: 'sha1' });
    const sx = x509(self);
    assert.equal(sx.issuer, 'CN=self.example.test');
    assert.equal(sx.ca, false);
    assert.equal(sx.signatureAlgorithm, 'sha1WithRSAEncryption');
    assert.ok(sx.verify(sx.publicKey));
    const root = await pki.root();
    const caLeaf = x509(await pki.leaf(root, { cn: 'ca-leaf.example.test', ca: true }));
    assert.equal(caLeaf.ca, true);
    assert.equal(caLeaf.subjectAltName, 'DNS:ca-leaf.example.test');
    const serials = await Promise.all(Array.from({ length: 8 }, () => pki.leaf(root)));
    assert.equal(new Set(serials.map((c) => x509(c).serialNumber)).size, 8);
  });

  it('exports PKCS#12: modern, legacy, empty password, with chain and friendly name', async () => {
    const { root, intermediates, leaf } = await pki.chain(1);
    const modern = await pki.pkcs12(leaf, {
      password: 's3cret',
      chain: [...intermediates, root],
      name: 'my-cert',
    });
    const mInfo = await p12Info(pki, modern, 's3cret');
    assert.match(mInfo, /MAC: sha256/);
    assert.match(mInfo, /AES-256-CBC/);
    assert.match(mInfo, /friendlyName: my-cert/);
    assert.equal(mInfo.match(/BEGIN CERTIFICATE/g)?.length, 3);
    tls.createSecureContext({ pfx: modern, passphrase: 's3cret' });

    const legacy = await pki.pkcs12(leaf, { password: 's3cret', legacy: true });
    const lInfo = await p12Info(pki, legacy, 's3cret', true);
    assert.match(lInfo, /MAC: sha1/);
    assert.match(lInfo, /pbeWithSHA1And3-KeyTripleDES-CBC/);
    assert.doesNotMatch(lInfo, /AES/);
    assert.equal(lInfo.match(/BEGIN CERTIFICATE/g)?.length, 1);

    const empty = await pki.pkcs12(leaf, { password: '' });
    assert.match(await p12Info(pki, empty, ''), /BEGIN CERTIFICATE/);
    tls.createSecureContext({ pfx: empty, passphrase: '' });
    assert.throws(() => tls.createSecureContext({ pfx: empty, passphrase: 'wrong' }));
  });

  it('encrypts keys as PKCS#8 and traditional PEM', async () => {
    const root = await pki.root();
    const rsa = await pki.leaf(root, { key: { type: 'rsa' } });
    const ec = await pki.leaf(root);
    const ed = await pki.leaf(root, { key: { type: 'ed25519' } });
    for (const k of [rsa, ec, ed]) {
      const enc = await pki.encryptKey(k.keyPem, 'pw', 'pkcs8');
      assert.match(enc, new RegExp(`^${pemBeginPattern('ENCRYPTED PRIVATE KEY')}\\n`));
      const back = crypto.createPrivateKey({ key: enc, passphrase: 'pw' });
      assert.equal(back.export({ type: 'pkcs8', format: 'pem' }), k.keyPem);
      assert.throws(() => crypto.createPrivateKey({ key: enc, passphrase: 'nope' }));
    }
    for (const [k, label] of [
      [rsa, 'RSA PRIVATE KEY'],
      [ec, 'EC PRIVATE KEY'],
    ] as const) {
      const enc = await pki.encryptKey(k.keyPem, 'pw', 'traditional');
      assert.ok(
        enc.startsWith(`-----BEGIN ${label}-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,`),
        enc,
      );
      const back = crypto.createPrivateKey({ key: enc, passphrase: 'pw' });
      assert.equal(back.export({ type: 'pkcs8', format: 'pem' }), k.keyPem);
    }
    await assert.rejects(pki.encryptKey(ed.keyPem, 'pw', 'traditional'), /no traditional/);
  });

  it('re-expresses keys as pkcs8 / pkcs1 / sec1', async () => {
    const root = await pki.root();
    const rsa = await pki.leaf(root, { key: { type: 'rsa', bits: 1024 } });
    const ec = await pki.leaf(root, { key: { type: 'ec', curve: 'P-384' } });
    const pkcs1 = pki.keyAs(rsa.keyPem, 'pkcs1');
    assert.match(pkcs1, new RegExp(`^${pemBeginPattern('RSA PRIVATE KEY')}\\nMII`));
    assert.equal(pki.keyAs(pkcs1, 'pkcs8'), rsa.keyPem);
    const sec1 = pki.keyAs(ec.keyPem, 'sec1');
    assert.match(sec1, new RegExp(`^${pemBeginPattern('EC PRIVATE KEY')}\\nMI`));
    assert.equal(pki.keyAs(sec1, 'pkcs8'), ec.keyPem);
    assert.throws(() => pki.keyAs(ec.keyPem, 'pkcs1'), /RSA/);
    assert.throws(() => pki.keyAs(rsa.keyPem, 'sec1'), /EC/);
  });

  it('cleanup() removes the temporary directory', async () => {
    const own = await Pki.create();
    const leaf = await own.leaf('self');
    assert.ok(leaf.certPath?.startsWith(own.dir));
    await fs.access(own.dir);
    await own.cleanup();
    await assert.rejects(fs.access(own.dir), { code: 'ENOENT' });
    await own.cleanup(); // idempotent
  });
});
