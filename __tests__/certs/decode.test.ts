/**
 * Reading one input: the forms users keep certificates in (separate parts or one bundle in any
 * order, strings or file bytes, PEM, base64 of PEM, base64 of DER, raw DER), a certbot live
 * directory as it is on disk, the errors for inputs that are not certificates at all, and the
 * public facts and upload texts that come out.
 */
import assert from 'node:assert/strict';
import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CheckedBundle, CheckOptions, UploadTexts } from '../../src/certs/bundle.ts';
import type { Role, SourceInput } from '../../src/certs/decode.ts';
import { checkBundle } from '../../src/certs/validate.ts';
import { type Issued, Pki } from '../../test/support/pki.ts';
import { codeLevels, only, source } from '../../test/support/findings.ts';
import { pemBegin } from '../../test/support/pem-markers.ts';
import { loadPkcs12Support } from '../../src/certs/pkcs12-support.ts';

// Checking is synchronous; node-forge loads on demand (run() does this for the action).
await loadPkcs12Support();

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('certs/decode: reading inputs', () => {
  let pki: Pki;
  let root: Issued;
  let i1: Issued; // issued the leaf
  let i2: Issued; // issued i1, issued by the root
  let leaf: Issued;
  let options: CheckOptions;

  before(async () => {
    pki = await Pki.create();
    const made = await pki.chain(2, {
      cn: 'www.example.test',
      dns: ['www.example.test', 'example.test', '*.api.example.test'],
      ips: ['192.0.2.7', '2001:db8::1'],
    });
    root = made.root;
    [i1, i2] = made.intermediates as [Issued, Issued];
    leaf = made.leaf;
    const rootCert = new X509Certificate(root.certPem);
    options = { trustedRoots: () => [rootCert] };
  });
  after(async () => {
    await pki.cleanup();
  });

  const check = (sources: SourceInput[], extra: CheckOptions = {}): CheckedBundle =>
    checkBundle({ sources }, { ...options, ...extra });

  const expectedUpload = (): Omit<UploadTexts, 'privateKey'> => ({
    certificate: leaf.certPem,
    chain: i1.certPem + i2.certPem,
    fullchain: leaf.certPem + i1.certPem + i2.certPem,
  });

  /** ok, no findings but `codeList`, and the upload the leaf, i1, i2 and the leaf's key make. */
  const assertReads = (result: CheckedBundle, codeList: string[] = []): void => {
    assert.deepEqual(codeLevels(result), codeList, JSON.stringify(result.findings, null, 1));
    assert.equal(result.ok, true);
    assert.ok(result.upload);
    const { privateKey, ...texts } = result.upload;
    assert.deepEqual(texts, expectedUpload());
    assert.ok(privateKey.startsWith(`${pemBegin('PRIVATE KEY')}\n`));
    assert.ok(createPrivateKey(privateKey).equals(createPrivateKey(leaf.keyPem)));
    assert.equal(result.leaf?.subject, leaf.subject);
  };

  describe('input forms', () => {
    it('reads certificate, chain and key as separate string sources', () => {
      assertReads(
        check([
          source('certificate', leaf.certPem),
          source('chain', i1.certPem + i2.certPem),
          source('private-key', leaf.keyPem),
        ]),
      );
    });

    it('reads the same sources as file bytes with `file` set', () => {
      const result = check([
        source('certificate', bytes(leaf.certPem), './tls/cert.pem', 'tls/cert.pem'),
        source('chain', bytes(i1.certPem + i2.certPem), './tls/chain.pem', 'tls/chain.pem'),
        source('private-key', bytes(leaf.keyPem), './tls/key.pem', 'tls/key.pem'),
      ]);
      assertReads(result);
    });

    it('reads one bundle source with the key first and the intermediates before the leaf', () => {
      const text = leaf.keyPem + i2.certPem + i1.certPem + leaf.certPem;
      const result = check([source('bundle', text)]);
      assertReads(result, ['CHAIN_REPAIRED:warning']);
      assert.deepEqual(result.orderFound, [i2.subject, i1.subject, leaf.subject]);
      assert.deepEqual(
        result.chain.map((c) => [c.role, c.subject]),
        [
          ['leaf', leaf.subject],
          ['intermediate', i1.subject],
          ['intermediate', i2.subject],
        ],
      );
    });

    it('reads a bundle in any order, as a string and as bytes', () => {
      const orders = [
        [leaf.certPem, i1.certPem, i2.certPem, leaf.keyPem],
        [i1.certPem, leaf.keyPem, leaf.certPem, i2.certPem],
        [i2.certPem, leaf.certPem, leaf.keyPem, i1.certPem],
      ];
      for (const parts of orders) {
        const text = parts.join('');
        const inOrder = parts.filter((p) => p !== leaf.keyPem).join('') === expectedUpload().fullchain;
        const expected = inOrder ? [] : ['CHAIN_REPAIRED:warning'];
        assertReads(check([source('bundle', text)]), expected);
        assertReads(check([source('bundle', bytes(text), 'bundle.pem', 'bundle.pem')]), expected);
      }
    });

    it('pools parts spread over several sources: the key in the certificate input, the leaf in the chain', () => {
      assertReads(
        check([source('certificate', leaf.keyPem + i2.certPem), source('chain', i1.certPem + leaf.certPem)]),
        ['CHAIN_REPAIRED:warning'],
      );
    });

    it('reads base64 of a PEM file, unwrapped and wrapped', () => {
      const pem = leaf.certPem + i1.certPem + i2.certPem + leaf.keyPem;
      const b64 = Buffer.from(pem).toString('base64');
      assertReads(check([source('bundle', b64)]));
      assertReads(check([source('bundle', `${b64.replace(/.{76}/g, '$&\n')}\n`)]));
      assertReads(check([source('bundle', bytes(b64.replace(/.{64}/g, '$&\r\n')))]));
      // base64 of a CRLF PEM file with a BOM, as Windows tools write it
      const windows = Buffer.from(`\uFEFF${pem.replace(/\n/g, '\r\n')}`).toString('base64');
      assertReads(check([source('bundle', windows)]));
    });

    it('reads base64 of a DER certificate, unwrapped and wrapped', () => {
      const der64 = leaf.certDer.toString('base64');
      const rest = [source('chain', i1.certPem + i2.certPem), source('private-key', leaf.keyPem)];
      assertReads(check([source('certificate', der64), ...rest]));
      assertReads(check([source('certificate', der64.replace(/.{64}/g, '$&\n')), ...rest]));
      assertReads(check([source('certificate', leaf.certDer.toString('base64url')), ...rest]));
    });

    it('reads raw DER certificate bytes', () => {
      assertReads(
        check([
          source('certificate', new Uint8Array(leaf.certDer), 'cert.der', 'cert.der'),
          source('chain', new Uint8Array(i1.certDer)),
          source('chain', i2.certDer),
          source('private-key', leaf.keyPem),
        ]),
      );
    });
  });

  describe('a certbot live directory', () => {
    let live: string;
    before(async () => {
      live = path.join(pki.dir, 'etc', 'letsencrypt', 'live', 'example.test');
      await fs.mkdir(live, { recursive: true });
      await fs.writeFile(path.join(live, 'cert.pem'), leaf.certPem);
      await fs.writeFile(path.join(live, 'chain.pem'), i1.certPem + i2.certPem);
      await fs.writeFile(path.join(live, 'fullchain.pem'), leaf.certPem + i1.certPem + i2.certPem);
      await fs.writeFile(path.join(live, 'privkey.pem'), leaf.keyPem, { mode: 0o600 });
    });

    const fromFile = async (role: Role, name: string): Promise<SourceInput> => {
      const file = `live/example.test/${name}`;
      return source(role, await fs.readFile(path.join(live, name)), `./${file}`, file);
    };

    it('fullchain.pem + privkey.pem and cert.pem + chain.pem + privkey.pem give the same upload', async () => {
      const secrets: string[][] = [[], []];
      const a = check(
        [await fromFile('certificate', 'fullchain.pem'), await fromFile('private-key', 'privkey.pem')],
        { onSecret: (s) => secrets[0]!.push(s) },
      );
      const b = check(
        [
          await fromFile('certificate', 'cert.pem'),
          await fromFile('chain', 'chain.pem'),
          await fromFile('private-key', 'privkey.pem'),
        ],
        { onSecret: (s) => secrets[1]!.push(s) },
      );
      for (const result of [a, b]) assertReads(result);
      assert.deepEqual(a.upload, b.upload);
      assert.deepEqual(a.chain, b.chain);
      // privkey.pem is PKCS#8 already: it comes out as it went in.
      assert.equal(a.upload?.privateKey, leaf.keyPem);
      assert.deepEqual(secrets, [[a.upload?.privateKey], [b.upload?.privateKey]]);
    });

    it('never uploads the root, even when it is given', async () => {
      const withRoot = check([
        await fromFile('certificate', 'fullchain.pem'),
        source('chain', root.certPem),
        await fromFile('private-key', 'privkey.pem'),
      ]);
      assertReads(withRoot, ['ROOT_INCLUDED:warning']);
      assert.ok(!withRoot.upload?.fullchain.includes(root.certPem.split('\n')[1]!));
      assert.deepEqual(
        withRoot.chain.map((c) => c.role),
        ['leaf', 'intermediate', 'intermediate', 'root'],
      );
    });

    it('does not call onSecret when the bundle is not ok', async () => {
      const calls: string[] = [];
      const result = check([await fromFile('certificate', 'cert.pem'), source('private-key', root.keyPem)], {
        onSecret: (s) => calls.push(s),
      });
      assert.equal(result.ok, false);
      assert.equal(result.upload, undefined);
      assert.deepEqual(calls, []);
    });
  });

  describe('inputs that are not certificates', () => {
    it('says EMPTY_INPUT for an empty or blank value, as a string or bytes', () => {
      for (const data of ['', '   ', '\n\r\n\t', '\uFEFF', new Uint8Array(0), bytes('\n\n')]) {
        const result = check([source('certificate', data)]);
        assert.deepEqual(codeLevels(result), ['EMPTY_INPUT:error'], JSON.stringify(data));
        assert.equal(result.findings[0]!.origin?.source, 'certificate');
        assert.match(result.findings[0]!.message, /certificate input is empty/);
        assert.match(result.findings[0]!.fix, /secret/);
      }
    });

    it('says EMPTY_INPUT for an empty file, naming the file', () => {
      const result = check([source('certificate', new Uint8Array(0), './out/cert.pem', 'out/cert.pem')]);
      assert.deepEqual(codeLevels(result), ['EMPTY_INPUT:error']);
      const f = result.findings[0]!;
      assert.deepEqual(f.origin, { source: './out/cert.pem', file: 'out/cert.pem' });
      assert.match(f.message, /out\/cert\.pem/);
    });

    it('says NOT_PEM for plain text', () => {
      for (const text of ['hello world', 'This is not a certificate.', 'changeme!', 'TODO fill me in']) {
        const result = check([source('certificate', text)]);
        assert.deepEqual(codeLevels(result), ['NOT_PEM:error'], text);
        assert.match(result.findings[0]!.message, /neither PEM/);
        assert.match(result.findings[0]!.fix, /-----BEGIN/);
      }
    });

    it('says NOT_PEM, and that it looks like a file name, for a path given as the value', () => {
      for (const text of [
        './certs/fullchain.pem',
        'fullchain.pem',
        '/etc/ssl/private/site.key',
        'C:\\certs\\site.pfx',
      ]) {
        const result = check([source('certificate', `${text}\n`)]);
        assert.deepEqual(codeLevels(result), ['NOT_PEM:error'], text);
        assert.match(result.findings[0]!.message, /file name/);
        assert.match(result.findings[0]!.fix, /certificate-file/);
      }
    });

    it('says NOT_CERTIFICATE for random binary bytes', () => {
      const random = new Uint8Array([0x9f, 0xff, 0x01, 0x80, 0xc3, 0x28, 0xa0, 0xa1, 0x00, 0xfe, 0x42, 0x07]);
      const result = check([source('certificate', random)]);
      assert.deepEqual(codeLevels(result), ['NOT_CERTIFICATE:error']);
      assert.match(result.findings[0]!.message, /12 bytes of binary data/);
      // Bytes that start like DER but are not.
      const fakeDer = new Uint8Array([0x30, 0x82, 0x01, 0x00, 0x00, 0xff, 0x13, 0x37]);
      assert.deepEqual(codeLevels(check([source('bundle', fakeDer)])), ['NOT_CERTIFICATE:error']);
    });

    it('says BAD_CERTIFICATE, not a crash, for a certificate whose key or dates are damaged', () => {
      const der = leaf.certDer;
      const spki = der.indexOf(Buffer.from([0x03, 0x42, 0x00, 0x04])); // the P-256 point
      const notBefore = der.indexOf(Buffer.from([0x17, 0x0d])); // UTCTime YYMMDDHHMMSSZ
      const notAfter = der.indexOf(Buffer.from([0x17, 0x0d]), notBefore + 15);
      assert.ok(spki > 0 && notBefore > 0 && notAfter > notBefore);
      const edit = (at: number, ...values: number[]): Buffer => {
        const copy = Buffer.from(der);
        copy.set(values, at);
        return copy;
      };
      const damaged = {
        key: edit(spki + 3, 0x05), // not an uncompressed point
        month: edit(notBefore + 4, 0x39, 0x39), // month 99
        digit: edit(notAfter + 8, 0x58), // 'X' in the day
      };
      for (const [what, bad] of Object.entries(damaged)) {
        const pem = `-----BEGIN CERTIFICATE-----\n${bad.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE-----\n`;
        const text = `${i1.certPem}${pem}${leaf.keyPem}`;
        const fromPem = check([source('bundle', text)]);
        const f = only(fromPem, 'BAD_CERTIFICATE');
        assert.equal(f.origin?.line, i1.certPem.split('\n').length, what);
        assert.equal(fromPem.ok, false);
        const fromDer = check([source('certificate', new Uint8Array(bad))], { requireKey: false });
        assert.deepEqual(codeLevels(fromDer), ['NOT_CERTIFICATE:error'], what);
      }
    });

    it('says NO_CERTIFICATE when only a key is given', () => {
      const result = check([source('private-key', leaf.keyPem)]);
      assert.deepEqual(codeLevels(result), ['NO_CERTIFICATE:error']);
      assert.equal(result.leaf, undefined);
    });

    it('keeps the file and the line in the origin of a finding', () => {
      const cut = leaf.certPem.split('\n').slice(0, 4).join('\n');
      const text = `${i1.certPem}${cut}`;
      const result = check([source('certificate', bytes(text), './tls/cert.pem', 'tls/cert.pem')]);
      const f = only(result, 'PEM_TRUNCATED');
      assert.deepEqual(f.origin, {
        source: './tls/cert.pem',
        file: 'tls/cert.pem',
        line: i1.certPem.split('\n').length,
      });
    });

    it('drops the line from findings about base64 of PEM (there are no such lines in the value)', () => {
      const cut = leaf.certPem.split('\n').slice(0, 4).join('\n');
      const b64 = Buffer.from(`${i1.certPem}${cut}`).toString('base64');
      const f = only(check([source('certificate', b64)]), 'PEM_TRUNCATED');
      assert.deepEqual(f.origin, { source: 'certificate' });
      // The message's line number is one of the decoded text, and it says so.
      const line = i1.certPem.split('\n').length;
      assert.match(f.message, new RegExp(`line ${line} of certificate \\(after base64 decoding\\)`));
    });
  });

  describe('leaf facts', () => {
    it('reports fingerprints, dates, serial, names and key as documented', () => {
      const result = check([source('bundle', leaf.certPem + i1.certPem + i2.certPem + leaf.keyPem)]);
      assertReads(result);
      const facts = result.leaf!;
      const x = new X509Certificate(leaf.certPem);
      assert.equal(facts.sha1, createHash('sha1').update(leaf.certDer).digest('hex'));
      assert.equal(facts.sha256, createHash('sha256').update(leaf.certDer).digest('hex'));
      assert.match(facts.sha1, /^[0-9a-f]{40}$/);
      assert.match(facts.sha256, /^[0-9a-f]{64}$/);
      assert.equal(facts.sha256, x.fingerprint256.replace(/:/g, '').toLowerCase());
      assert.equal(result.chain[0]!.sha256, facts.sha256);
      assert.equal(result.chain[1]!.sha256, createHash('sha256').update(i1.certDer).digest('hex'));

      const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
      assert.match(facts.notBefore, iso);
      assert.match(facts.notAfter, iso);
      assert.equal(facts.notBefore, x.validFromDate.toISOString());
      assert.equal(facts.notAfter, x.validToDate.toISOString());
      assert.equal(result.chain[0]!.notAfter, facts.notAfter);
      assert.ok(facts.daysRemaining === 89 || facts.daysRemaining === 90, `${facts.daysRemaining}`);

      assert.equal(facts.serial, leaf.serial!.toLowerCase());
      assert.match(facts.serial, /^[0-9a-f]+$/);

      assert.equal(facts.subject, 'CN=www.example.test');
      assert.equal(facts.commonName, 'www.example.test');
      assert.equal(facts.issuer, i1.subject);
      assert.equal(facts.issuerCommonName, i1.cn);
      assert.deepEqual(facts.dnsNames, ['www.example.test', 'example.test', '*.api.example.test']);
      assert.equal(facts.ipAddresses.length, 2);
      assert.equal(facts.ipAddresses[0], '192.0.2.7');
      assert.match(facts.ipAddresses[1]!, /^2001:db8:/i);

      assert.deepEqual(facts.key, { type: 'ec', bits: 256, curve: 'P-256' });
      assert.equal(facts.signatureAlgorithm, 'ecdsa-with-SHA256');
      assert.equal(facts.isCA, false);
      assert.equal(facts.selfSigned, false);
    });

    it('gives the same facts whatever form the certificate came in', () => {
      const forms: (string | Uint8Array)[] = [
        leaf.certPem,
        leaf.certPem.replace(/\n/g, '\r\n'),
        leaf.certDer.toString('base64'),
        Buffer.from(leaf.certPem).toString('base64'),
        new Uint8Array(leaf.certDer),
        bytes(leaf.certPem),
      ];
      const facts = forms.map((data) => check([source('certificate', data)], { requireKey: false }).leaf);
      for (const f of facts) assert.deepEqual(f, facts[0]);
      assert.ok(facts[0]);
    });
  });
});
