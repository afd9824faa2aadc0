/**
 * Strength: weak keys and signatures are errors, unusual (but sound) keys are warnings, and what
 * is never served (an included root) is not judged.
 */
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { BundleInput, CheckedBundle } from '../../src/certs/bundle.ts';
import { FINDING_CODES, type Finding, type FindingCode } from '../../src/certs/findings.ts';
import { strengthFindings } from '../../src/certs/strength.ts';
import { checkBundle } from '../../src/certs/validate.ts';
import { type Issued, Pki } from '../../test/support/pki.ts';

const STRENGTH_CODES: readonly FindingCode[] = ['WEAK_KEY', 'WEAK_SIGNATURE', 'UNUSUAL_KEY'];

describe('certs/strength', () => {
  let pki: Pki;
  let now: Date;
  let ecRoot: Issued;
  let rsaRoot: Issued;
  let ecInt: Issued;
  const leaves = new Map<string, Issued>();

  before(async () => {
    pki = await Pki.create();
    now = new Date();
    [ecRoot, rsaRoot] = await Promise.all([
      pki.root({ cn: 'EC Root' }),
      pki.root({ cn: 'RSA Root', key: { type: 'rsa' } }),
    ]);
    ecInt = await pki.intermediate(ecRoot, { cn: 'EC Intermediate' });
    const made = await Promise.all([
      ['rsa1024', pki.leaf(ecInt, { cn: 'rsa1024.example.com', key: { type: 'rsa', bits: 1024 } })],
      ['rsa2048', pki.leaf(ecInt, { cn: 'rsa2048.example.com', key: { type: 'rsa' } })],
      ['sha1', pki.leaf(ecInt, { cn: 'sha1.example.com', digest: 'sha1' })],
      ['sha1-rsa', pki.leaf(rsaRoot, { cn: 'sha1-rsa.example.com', digest: 'sha1' })],
      ['md5', pki.leaf(rsaRoot, { cn: 'md5.example.com', digest: 'md5' })],
      ['sha384', pki.leaf(ecInt, { cn: 'sha384.example.com', digest: 'sha384' })],
      ['p256', pki.leaf(ecInt, { cn: 'p256.example.com', key: { type: 'ec', curve: 'P-256' } })],
      ['p384', pki.leaf(ecInt, { cn: 'p384.example.com', key: { type: 'ec', curve: 'P-384' } })],
      ['p521', pki.leaf(ecInt, { cn: 'p521.example.com', key: { type: 'ec', curve: 'P-521' } })],
      ['k1', pki.leaf(ecInt, { cn: 'k1.example.com', key: { type: 'ec', curve: 'secp256k1' } })],
      ['ed25519', pki.leaf(ecInt, { cn: 'ed25519.example.com', key: { type: 'ed25519' } })],
    ] as const);
    for (const [name, promise] of made) leaves.set(name, await promise);
  });
  after(async () => {
    await pki?.cleanup();
  });

  function leaf(name: string): Issued {
    const found = leaves.get(name);
    assert.ok(found, name);
    return found;
  }

  function check(certs: readonly Issued[], trusted: Issued): CheckedBundle {
    const input: BundleInput = {
      sources: [
        { role: 'bundle', name: 'bundle', data: certs.map((c) => c.certPem).join('') + certs[0]!.keyPem },
      ],
    };
    const result = checkBundle(input, { now, trustedRoots: () => [new X509Certificate(trusted.certPem)] });
    for (const f of result.findings) {
      assert.ok((FINDING_CODES as readonly string[]).includes(f.code), `unknown code ${f.code}`);
      assert.ok(f.message.trim().length > 0 && f.fix.trim().length > 0, `${f.code}: empty text`);
    }
    assert.equal(result.ok, !result.findings.some((f) => f.level === 'error'));
    return result;
  }

  /** Strength findings of a leaf under the EC intermediate (or directly under the RSA root). */
  function strengthOf(name: string): Finding[] {
    const cert = leaf(name);
    const underRsa = name === 'md5' || name === 'sha1-rsa';
    const r = underRsa ? check([cert], rsaRoot) : check([cert, ecInt], ecRoot);
    const rest = r.findings.filter((f) => !STRENGTH_CODES.includes(f.code));
    assert.deepEqual(rest, [], `${name}: nothing but strength findings`);
    return r.findings;
  }

  it('RSA 1024 leaf: WEAK_KEY error', () => {
    const findings = strengthOf('rsa1024');
    assert.deepEqual(
      findings.map((f) => [f.code, f.level, f.subject]),
      [['WEAK_KEY', 'error', 'CN=rsa1024.example.com']],
    );
    assert.match(findings[0]?.message ?? '', /1024-bit RSA key/);
  });

  it('RSA 2048, P-256, P-384 and SHA-384 leaves are fine', () => {
    for (const name of ['rsa2048', 'p256', 'p384', 'sha384']) {
      assert.deepEqual(strengthOf(name), [], name);
    }
  });

  it('SHA-1 signed leaf (ECDSA and RSA issuer): WEAK_SIGNATURE error', () => {
    for (const [name, algorithm] of [
      ['sha1', 'ecdsa-with-SHA1'],
      ['sha1-rsa', 'sha1WithRSAEncryption'],
    ] as const) {
      const findings = strengthOf(name);
      assert.deepEqual(
        findings.map((f) => [f.code, f.level, f.subject]),
        [['WEAK_SIGNATURE', 'error', `CN=${name}.example.com`]],
      );
      assert.ok(findings[0]?.message.includes(algorithm), findings[0]?.message);
    }
  });

  it('MD5 signed leaf: WEAK_SIGNATURE error', () => {
    const findings = strengthOf('md5');
    assert.deepEqual(
      findings.map((f) => [f.code, f.level]),
      [['WEAK_SIGNATURE', 'error']],
    );
    assert.match(findings[0]?.message ?? '', /md5WithRSAEncryption/);
  });

  it('P-521 and secp256k1 leaves: UNUSUAL_KEY warning naming the curve', () => {
    for (const [name, curve] of [
      ['p521', 'P-521'],
      ['k1', 'secp256k1'],
    ] as const) {
      const findings = strengthOf(name);
      assert.deepEqual(
        findings.map((f) => [f.code, f.level]),
        [['UNUSUAL_KEY', 'warning']],
        name,
      );
      assert.ok(findings[0]?.message.includes(`curve ${curve}`), findings[0]?.message);
    }
  });

  it('Ed25519 leaf: UNUSUAL_KEY warning, still ok', () => {
    const findings = strengthOf('ed25519');
    assert.deepEqual(
      findings.map((f) => [f.code, f.level]),
      [['UNUSUAL_KEY', 'warning']],
    );
    assert.match(findings[0]?.message ?? '', /Ed25519/);
  });

  it('a SHA-1 self-signed root included in the chain is not an error (it is never served)', async () => {
    const sha1Root = await pki.root({ cn: 'SHA-1 Root', digest: 'sha1' });
    assert.equal(new X509Certificate(sha1Root.certPem).signatureAlgorithm, 'ecdsa-with-SHA1');
    const mid = await pki.intermediate(sha1Root, { cn: 'Modern Intermediate' });
    const end = await pki.leaf(mid, { cn: 'modern.example.com' });
    const r = check([end, mid, sha1Root], sha1Root);
    assert.deepEqual(
      r.findings.map((f) => f.code),
      ['ROOT_INCLUDED'],
    );
    assert.ok(r.ok);
    assert.ok(r.upload);
  });

  it('weak intermediates are errors too, with the intermediate named', async () => {
    const [sha1Int, rsa1024Int] = await Promise.all([
      pki.intermediate(rsaRoot, { cn: 'SHA-1 Intermediate', digest: 'sha1' }),
      pki.intermediate(ecRoot, { cn: 'Small RSA Intermediate', key: { type: 'rsa', bits: 1024 } }),
    ]);
    const [under1, under2] = await Promise.all([pki.leaf(sha1Int), pki.leaf(rsa1024Int)]);
    const a = check([under1, sha1Int], rsaRoot);
    assert.deepEqual(
      a.findings.map((f) => [f.code, f.level, f.subject]),
      [['WEAK_SIGNATURE', 'error', 'CN=SHA-1 Intermediate']],
    );
    assert.match(a.findings[0]?.message ?? '', /^The intermediate certificate "CN=SHA-1 Intermediate"/);
    const b = check([under2, rsa1024Int], ecRoot);
    assert.deepEqual(
      b.findings.map((f) => [f.code, f.level, f.subject]),
      [['WEAK_KEY', 'error', 'CN=Small RSA Intermediate']],
    );
    assert.equal(b.upload, undefined);
  });

  it('unusual curves are judged on the leaf only', async () => {
    const p521Int = await pki.intermediate(ecRoot, {
      cn: 'P-521 Intermediate',
      key: { type: 'ec', curve: 'P-521' },
    });
    assert.deepEqual(strengthFindings(new X509Certificate(p521Int.certPem), 'intermediate'), []);
    assert.equal(strengthFindings(new X509Certificate(p521Int.certPem), 'leaf')[0]?.code, 'UNUSUAL_KEY');
  });

  it('a weak key with a weak signature: both findings', async () => {
    const both = await pki.leaf(rsaRoot, {
      cn: 'both.example.com',
      key: { type: 'rsa', bits: 1024 },
      digest: 'md5',
    });
    assert.deepEqual(
      strengthFindings(new X509Certificate(both.certPem), 'leaf').map((f) => f.code),
      ['WEAK_KEY', 'WEAK_SIGNATURE'],
    );
  });
});
