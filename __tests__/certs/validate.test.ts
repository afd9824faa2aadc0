/**
 * checkBundle end to end for what is wrong with a chain as a whole: duplicates, strangers, the
 * wrong intermediate, a root, a missing issuer, a self-signed or CA "leaf", an ambiguous leaf.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes, X509Certificate } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import type { BundleInput, CheckedBundle, CheckOptions } from '../../src/certs/bundle.ts';
import type { FindingCode } from '../../src/certs/findings.ts';
import { type Issued, Pki } from '../../test/support/pki.ts';
import { checkWellFormed, codesOf, only } from '../../test/support/findings.ts';

const execFileP = promisify(execFile);

/** Every code any test in this file has seen, for the final coverage check. */
const seen = new Set<FindingCode>();

/** checkBundle, plus the rules every result obeys. */
function check(input: BundleInput, options: CheckOptions): CheckedBundle {
  const result = checkWellFormed(input, options);
  for (const f of result.findings) seen.add(f.code);
  return result;
}

function none(result: CheckedBundle, ...codeList: FindingCode[]): void {
  for (const code of codeList) {
    assert.deepEqual(
      result.findings.filter((f) => f.code === code),
      [],
      `no ${code}`,
    );
  }
}

const x509 = (c: Issued) => new X509Certificate(c.certPem);

function bundle(...parts: string[]): BundleInput {
  return { sources: [{ role: 'bundle', name: 'bundle', data: parts.join('') }] };
}

describe('certs/validate: the chain as a whole', () => {
  let pki: Pki;
  let now: Date;
  let root: Issued;
  let i2: Issued; // signed by root
  let i1: Issued; // signed by i2, issues the leaf
  let leaf: Issued;
  let other: { root: Issued; intermediates: Issued[]; leaf: Issued };
  let sameNameI1: Issued; // same subject as i1, other key, signed by root
  let selfSigned: Issued;
  let caLeaf: Issued;
  let options: CheckOptions;

  before(async () => {
    pki = await Pki.create();
    now = new Date(Math.floor(Date.now() / 1000) * 1000);
    root = await pki.root({ cn: 'Validate Root' });
    i2 = await pki.intermediate(root, { cn: 'Validate Upper CA' });
    i1 = await pki.intermediate(i2, { cn: 'Validate Issuing CA' });
    [leaf, other, sameNameI1, selfSigned, caLeaf] = await Promise.all([
      pki.leaf(i1, { cn: 'www.example.com' }),
      pki.chain(1, { cn: 'other.example.org' }),
      pki.intermediate(root, { cn: 'Validate Issuing CA' }),
      pki.leaf('self', { cn: 'self.example.com' }),
      pki.leaf(i1, { cn: 'ca.example.com', ca: true }),
    ]);
    options = { now, trustedRoots: () => [x509(root)] };
  });
  after(async () => {
    await pki?.cleanup();
  });

  it('a clean chain: ok, no findings, the upload in order', () => {
    const r = check(bundle(leaf.certPem, i1.certPem, i2.certPem, leaf.keyPem), options);
    assert.deepEqual(r.findings, []);
    assert.ok(r.ok);
    assert.equal(r.upload?.fullchain, leaf.certPem + i1.certPem + i2.certPem);
    assert.equal(r.upload?.chain, i1.certPem + i2.certPem);
  });

  describe('duplicates', () => {
    it('with repair: a DUPLICATE_CERTIFICATE warning per copy, each certificate uploaded once', () => {
      const r = check(
        bundle(leaf.certPem, i1.certPem, i1.certPem, i2.certPem, leaf.certPem, leaf.keyPem),
        options,
      );
      assert.ok(r.ok);
      const dups = r.findings.filter((f) => f.code === 'DUPLICATE_CERTIFICATE');
      assert.deepEqual(
        dups.map((f) => [f.level, f.subject]),
        [
          ['warning', 'CN=Validate Issuing CA'],
          ['warning', 'CN=www.example.com'],
        ],
      );
      assert.match(dups[0]!.message, /more than once; the copy is dropped/);
      none(r, 'CHAIN_REPAIRED', 'AMBIGUOUS_LEAF', 'UNRELATED_CERTIFICATE');
      assert.equal(r.chain.length, 3);
      assert.equal(r.upload?.fullchain, leaf.certPem + i1.certPem + i2.certPem);
      assert.equal(r.orderFound.length, 5, 'orderFound lists the inputs as they were');
    });

    it('without repair: a DUPLICATE_CERTIFICATE error and no upload', () => {
      const r = check(bundle(leaf.certPem, i1.certPem, i2.certPem, i2.certPem, leaf.keyPem), {
        ...options,
        repairChain: false,
      });
      assert.equal(only(r, 'DUPLICATE_CERTIFICATE').level, 'error');
      assert.equal(only(r, 'DUPLICATE_CERTIFICATE').subject, 'CN=Validate Upper CA');
      assert.equal(r.ok, false);
      assert.equal(r.upload, undefined);
    });
  });

  describe('unrelated certificates', () => {
    it('with repair: UNRELATED_CERTIFICATE warning, left out of the upload', () => {
      const stranger = other.intermediates[0]!;
      const r = check(
        bundle(other.leaf.certPem, leaf.certPem, stranger.certPem, i1.certPem, i2.certPem, leaf.keyPem),
        options,
      );
      assert.ok(r.ok);
      const unrelated = r.findings.filter((f) => f.code === 'UNRELATED_CERTIFICATE');
      assert.deepEqual(unrelated.map((f) => [f.level, f.subject]).sort(), [
        ['warning', x509(stranger).subject],
        ['warning', 'CN=other.example.org'],
      ]);
      assert.ok(unrelated.every((f) => f.message.includes('"CN=www.example.com"')));
      assert.equal(r.upload?.fullchain, leaf.certPem + i1.certPem + i2.certPem);
      assert.ok(!r.upload?.fullchain.includes(stranger.certPem));
      assert.ok(!r.upload?.fullchain.includes(other.leaf.certPem));
      // The leaf and its chain are in order among themselves: no repair to report.
      none(r, 'CHAIN_REPAIRED', 'CHAIN_WRONG_ISSUER');
    });

    it('without repair: UNRELATED_CERTIFICATE error', () => {
      const r = check(bundle(leaf.certPem, i1.certPem, i2.certPem, other.root.certPem, leaf.keyPem), {
        ...options,
        repairChain: false,
      });
      // A root of another chain is unrelated too, not "the root".
      assert.deepEqual(codesOf(r), ['UNRELATED_CERTIFICATE']);
      assert.equal(only(r, 'UNRELATED_CERTIFICATE').level, 'error');
      assert.equal(r.upload, undefined);
    });
  });

  describe('the wrong issuer', () => {
    it('an intermediate with the issuer name but another key: CHAIN_WRONG_ISSUER error', () => {
      const r = check(bundle(leaf.certPem, sameNameI1.certPem, leaf.keyPem), options);
      const wrong = only(r, 'CHAIN_WRONG_ISSUER');
      assert.equal(wrong.level, 'error');
      assert.equal(wrong.subject, 'CN=Validate Issuing CA');
      assert.match(wrong.message, /"CN=www.example.com" names "CN=Validate Issuing CA" as its issuer/);
      assert.equal(r.ok, false);
      assert.equal(r.upload, undefined);
      // The impostor is the wrong issuer, not a stranger; and the chain is not "incomplete".
      none(r, 'UNRELATED_CERTIFICATE', 'CHAIN_INCOMPLETE');
      assert.deepEqual(
        r.chain.map((e) => e.subject),
        ['CN=www.example.com'],
      );
    });

    it('higher up the chain too', async () => {
      const fake = await pki.intermediate(root, { cn: 'Validate Upper CA' });
      const r = check(bundle(leaf.certPem, i1.certPem, fake.certPem, leaf.keyPem), options);
      const wrong = only(r, 'CHAIN_WRONG_ISSUER');
      assert.match(wrong.message, /^"CN=Validate Issuing CA" names "CN=Validate Upper CA"/);
      assert.equal(wrong.subject, 'CN=Validate Upper CA');
      assert.equal(r.ok, false);
      none(r, 'UNRELATED_CERTIFICATE', 'CHAIN_INCOMPLETE');
      assert.deepEqual(
        r.chain.map((e) => e.subject),
        ['CN=www.example.com', 'CN=Validate Issuing CA'],
      );
    });

    it('with the right intermediate given as well, the impostor is only unrelated', () => {
      const r = check(bundle(leaf.certPem, sameNameI1.certPem, i1.certPem, i2.certPem, leaf.keyPem), options);
      assert.ok(r.ok, JSON.stringify(r.findings));
      assert.deepEqual(codesOf(r), ['UNRELATED_CERTIFICATE']);
      assert.equal(r.upload?.fullchain, leaf.certPem + i1.certPem + i2.certPem);
    });
  });

  describe('the root', () => {
    it('included: ROOT_INCLUDED warning, kept in chain as root, left out of the upload', () => {
      const r = check(bundle(leaf.certPem, i1.certPem, i2.certPem, root.certPem, leaf.keyPem), options);
      assert.deepEqual(codesOf(r), ['ROOT_INCLUDED']);
      const f = only(r, 'ROOT_INCLUDED');
      assert.equal(f.level, 'warning');
      assert.equal(f.subject, 'CN=Validate Root');
      assert.deepEqual(
        r.chain.map((e) => e.role),
        ['leaf', 'intermediate', 'intermediate', 'root'],
      );
      assert.ok(r.ok);
      assert.equal(r.upload?.fullchain, leaf.certPem + i1.certPem + i2.certPem);
      assert.ok(!r.upload?.chain.includes(root.certPem));
    });

    it('a leaf issued by the root directly: the root is still not uploaded', async () => {
      const direct = await pki.leaf(root, { cn: 'direct.example.com' });
      const r = check(bundle(root.certPem, direct.certPem, direct.keyPem), options);
      assert.deepEqual(codesOf(r), ['CHAIN_REPAIRED', 'ROOT_INCLUDED']);
      assert.equal(r.upload?.fullchain, direct.certPem);
      assert.equal(r.upload?.chain, '');
    });
  });

  describe('an incomplete chain', () => {
    it('leaf only of a private CA (no AIA), issuer missing: CHAIN_INCOMPLETE warning naming the missing issuer', () => {
      const r = check(bundle(leaf.certPem, leaf.keyPem), { now });
      const f = only(r, 'CHAIN_INCOMPLETE');
      assert.equal(f.level, 'warning');
      assert.equal(f.subject, 'CN=www.example.com');
      assert.match(f.message, /"CN=Validate Issuing CA"/);
      assert.ok(r.ok);
      assert.equal(r.upload?.fullchain, leaf.certPem);
    });

    describe('a publicly issued leaf without its intermediates (cert.pem for fullchain.pem)', () => {
      let published: Issued; // AIA "CA Issuers" names where i1 is published, as public CAs write it
      before(async () => {
        published = await pki.leaf(i1, {
          cn: 'public.example.com',
          caIssuers: 'http://ca.example.test/issuing.der',
        });
      });

      it('is a CHAIN_MISSING error that quotes the published URL and says to give fullchain.pem', () => {
        for (const repairChain of [true, false]) {
          const r = check(bundle(published.certPem, published.keyPem), { ...options, repairChain });
          assert.deepEqual(codesOf(r), ['CHAIN_MISSING']);
          const f = only(r, 'CHAIN_MISSING');
          assert.equal(f.level, 'error');
          assert.equal(f.subject, 'CN=public.example.com');
          assert.match(f.message, /"CN=Validate Issuing CA"/);
          assert.match(f.message, /published at http:\/\/ca\.example\.test\/issuing\.der/);
          assert.match(f.fix, /fullchain\.pem \(the leaf followed by its intermediates\), not cert\.pem/);
          assert.equal(r.ok, false);
          assert.equal(r.upload, undefined);
        }
      });

      it('is complete with its intermediates, and with its issuer a trusted root', () => {
        assert.deepEqual(
          check(bundle(published.certPem, i1.certPem, i2.certPem, published.keyPem), options).findings,
          [],
        );
        const trusted = check(bundle(published.certPem, published.keyPem), {
          now,
          trustedRoots: () => [x509(i1)],
        });
        assert.deepEqual(trusted.findings, []);
      });

      it('names the missing intermediate only for a leaf alone: a chain stopping higher stays CHAIN_INCOMPLETE', () => {
        const r = check(bundle(published.certPem, i1.certPem, published.keyPem), options);
        assert.deepEqual(codesOf(r), ['CHAIN_INCOMPLETE']);
        assert.equal(only(r, 'CHAIN_INCOMPLETE').level, 'warning');
      });
    });

    it('leaf only, with its issuer among the trusted roots: no warning', () => {
      const r = check(bundle(leaf.certPem, leaf.keyPem), { now, trustedRoots: () => [x509(i1)] });
      assert.deepEqual(r.findings, []);
    });

    it('the chain stops below a root nobody trusts: CHAIN_INCOMPLETE about the top', () => {
      const r = check(bundle(leaf.certPem, i1.certPem, leaf.keyPem), {
        now,
        trustedRoots: () => [x509(root), x509(other.root)],
      });
      const f = only(r, 'CHAIN_INCOMPLETE');
      assert.equal(f.subject, 'CN=Validate Issuing CA');
      assert.match(f.message, /"CN=Validate Upper CA"/);
      // With the default trust store (Mozilla's roots) the same.
      assert.deepEqual(codesOf(check(bundle(leaf.certPem, i1.certPem, i2.certPem, leaf.keyPem), { now })), [
        'CHAIN_INCOMPLETE',
      ]);
      // And complete once the store holds the root.
      assert.deepEqual(
        check(bundle(leaf.certPem, i1.certPem, i2.certPem, leaf.keyPem), options).findings,
        [],
      );
    });
  });

  describe('the leaf', () => {
    it('self-signed: SELF_SIGNED warning, not ROOT_INCLUDED or CHAIN_INCOMPLETE', () => {
      const r = check(bundle(selfSigned.keyPem, selfSigned.certPem), options);
      assert.deepEqual(codesOf(r), ['SELF_SIGNED']);
      const f = only(r, 'SELF_SIGNED');
      assert.equal(f.level, 'warning');
      assert.equal(f.subject, 'CN=self.example.com');
      assert.deepEqual(
        r.chain.map((e) => e.role),
        ['leaf'],
      );
      assert.equal(r.leaf?.selfSigned, true);
      assert.equal(r.upload?.fullchain, selfSigned.certPem);
    });

    it('a certificate with an empty subject (SAN only, RFC 5280) is read, named by placeholder', async () => {
      // Node reports an empty subject as undefined; the factory always sets a CN, so openssl directly.
      const dir = await fs.mkdtemp(path.join(pki.dir, 'empty-subject-'));
      const keyFile = path.join(dir, 'key.pem');
      const certFile = path.join(dir, 'cert.pem');
      const bin = process.env['OPENSSL_BIN'] ?? 'openssl';
      await execFileP(bin, [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        keyFile,
        '-out',
        certFile,
        '-subj',
        '/',
        '-days',
        '90',
        '-addext',
        'subjectAltName=DNS:nameless.example.com',
        '-addext',
        'basicConstraints=critical,CA:FALSE',
      ]);
      const certPem = await fs.readFile(certFile, 'utf8');
      assert.equal(new X509Certificate(certPem).subject, undefined, 'Node really gives undefined');
      const r = check(bundle(await fs.readFile(keyFile, 'utf8'), certPem), {
        ...options,
        now: new Date(Date.now() + 60_000), // made just now: not-before is this second
        domains: ['nameless.example.com'],
      });
      assert.equal(r.ok, true, JSON.stringify(r.findings));
      assert.equal(r.leaf?.subject, '(empty name)');
      assert.equal(r.leaf?.commonName, undefined);
      assert.deepEqual(r.leaf?.dnsNames, ['nameless.example.com']);
      assert.equal(r.leaf?.selfSigned, true, 'empty subject and issuer, verified by its own key');
      assert.deepEqual(codesOf(r), ['SELF_SIGNED']);
    });

    it('found by its key wherever it stands (key in its own input, leaf last)', () => {
      const r = check(
        {
          sources: [
            { role: 'chain', name: 'certificate-chain', data: i2.certPem + i1.certPem + leaf.certPem },
            { role: 'private-key', name: 'private-key', data: leaf.keyPem },
          ],
        },
        options,
      );
      assert.equal(r.leaf?.subject, 'CN=www.example.com');
      assert.deepEqual(codesOf(r), ['CHAIN_REPAIRED']);
      assert.equal(r.upload?.certificate, leaf.certPem);
    });

    it('a CA certificate with its key: LEAF_IS_CA error', () => {
      const r = check(bundle(caLeaf.certPem, i1.certPem, i2.certPem, caLeaf.keyPem), options);
      const f = only(r, 'LEAF_IS_CA');
      assert.equal(f.level, 'error');
      assert.equal(f.subject, 'CN=ca.example.com');
      assert.equal(r.leaf?.isCA, true);
      assert.equal(r.ok, false);
      assert.equal(r.upload, undefined);
    });

    it('an intermediate given with its own key is the "leaf", and a CA: LEAF_IS_CA', () => {
      const r = check(bundle(leaf.certPem, i1.certPem, i2.certPem, i1.keyPem), options);
      assert.equal(r.leaf?.subject, 'CN=Validate Issuing CA');
      assert.equal(only(r, 'LEAF_IS_CA').level, 'error');
      assert.equal(only(r, 'LEAF_IS_CA').subject, 'CN=Validate Issuing CA');
      assert.equal(r.upload, undefined);
    });

    it('two different certificates for the same key: AMBIGUOUS_LEAF error', async () => {
      const renewed = await sameKeyCertificate(pki, leaf, i1);
      assert.notEqual(renewed, leaf.certPem);
      assert.ok(new X509Certificate(renewed).publicKey.equals(x509(leaf).publicKey));
      const r = check(bundle(leaf.certPem, renewed, i1.certPem, i2.certPem, leaf.keyPem), options);
      const f = only(r, 'AMBIGUOUS_LEAF');
      assert.equal(f.level, 'error');
      assert.match(f.message, /^2 different certificates belong to the same private key/);
      assert.equal(r.ok, false);
      assert.equal(r.upload, undefined);
    });

    it('two keys that each belong to a certificate: AMBIGUOUS_LEAF error', () => {
      const r = check(
        bundle(leaf.certPem, i1.certPem, i2.certPem, leaf.keyPem, other.leaf.certPem, other.leaf.keyPem),
        options,
      );
      const f = only(r, 'AMBIGUOUS_LEAF');
      assert.equal(f.level, 'error');
      assert.match(f.message, /2 private keys/);
      assert.equal(r.upload, undefined);
    });
  });

  it('every finding seen in this file was well formed, and the chain codes were all seen', () => {
    for (const code of [
      'DUPLICATE_CERTIFICATE',
      'UNRELATED_CERTIFICATE',
      'CHAIN_WRONG_ISSUER',
      'ROOT_INCLUDED',
      'CHAIN_INCOMPLETE',
      'CHAIN_MISSING',
      'SELF_SIGNED',
      'LEAF_IS_CA',
      'AMBIGUOUS_LEAF',
      'CHAIN_REPAIRED',
    ] as const) {
      assert.ok(seen.has(code), `${code} was never produced`);
    }
  });
});

/**
 * A second certificate for `cert`'s key (a renewal that kept the key), issued by `issuer`. The Pki
 * makes a fresh key for every certificate, so this one is made with openssl directly.
 */
async function sameKeyCertificate(pki: Pki, cert: Issued, issuer: Issued): Promise<string> {
  assert.ok(cert.keyPath && issuer.certPath && issuer.keyPath);
  const work = await fs.mkdtemp(path.join(pki.dir, 'same-key-'));
  const conf = path.join(work, 'openssl.cnf');
  const csr = path.join(work, 'req.csr');
  const out = path.join(work, 'cert.pem');
  const ext = path.join(work, 'ext.cnf');
  await fs.writeFile(
    conf,
    'HOME = .\n[ req ]\ndistinguished_name = req_dn\nprompt = no\n[ req_dn ]\nCN = x\n',
  );
  await fs.writeFile(ext, `subjectAltName = DNS:${cert.cn}\nbasicConstraints = critical, CA:FALSE\n`);
  const env = { ...process.env, OPENSSL_CONF: conf };
  const bin = process.env['OPENSSL_BIN'] ?? 'openssl';
  await execFileP(bin, ['req', '-new', '-key', cert.keyPath, '-subj', `/CN=${cert.cn}`, '-out', csr], {
    env,
  });
  await execFileP(
    bin,
    [
      'x509',
      '-req',
      '-in',
      csr,
      '-CA',
      issuer.certPath,
      '-CAkey',
      issuer.keyPath,
      '-set_serial',
      `0x${randomBytes(12).toString('hex')}`,
      '-days',
      '60',
      '-sha256',
      '-extfile',
      ext,
      '-out',
      out,
    ],
    { env },
  );
  return fs.readFile(out, 'utf8');
}
