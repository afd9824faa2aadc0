/**
 * Reading PEM as it really arrives in secrets and files: CRLF, blank lines, YAML indentation,
 * literal `\n` escapes, blocks squeezed onto one line, `openssl pkcs12 -nodes` output with its
 * Bag Attributes, a BOM, extra blocks; and the precise findings for PEM that cannot be read.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import type { CheckedBundle, CheckOptions } from '../../src/certs/bundle.ts';
import type { Role } from '../../src/certs/decode.ts';
import { decodeBase64, MAX_PEM_BLOCKS, normaliseText, scanPem, toPem } from '../../src/certs/pem.ts';
import { checkBundle } from '../../src/certs/validate.ts';
import { type Issued, Pki } from '../../test/support/pki.ts';
import { codeLevels, only, source } from '../../test/support/findings.ts';
import { pemBegin, pemEnd } from '../../test/support/pem-markers.ts';

const execFileP = promisify(execFile);

/** Number of lines before `part` starts in `text` plus one: the 1-based line `part` begins on. */
function lineOf(text: string, part: string): number {
  const at = text.indexOf(part);
  assert.ok(at >= 0, 'part not in text');
  return text.slice(0, at).split('\n').length;
}

/** Replace `count` characters of the base64 body line `bodyLine` (0-based after BEGIN) at `column`. */
function damage(pem: string, bodyLine: number, column: number, replacement: string): string {
  const lines = pem.split('\n');
  const target = lines[bodyLine + 1]!;
  lines[bodyLine + 1] = target.slice(0, column) + replacement + target.slice(column + replacement.length);
  return lines.join('\n');
}

describe('certs/pem: reading messy PEM', () => {
  let pki: Pki;
  let leaf: Issued;
  let inter: Issued;
  let root: Issued;
  let clean: string;
  let options: CheckOptions;
  let opensslConf: string;

  const openssl = async (args: string[]): Promise<string> => {
    const { stdout } = await execFileP('openssl', args, {
      env: { ...process.env, OPENSSL_CONF: opensslConf },
    });
    return stdout;
  };

  before(async () => {
    pki = await Pki.create();
    const made = await pki.chain(1);
    leaf = made.leaf;
    inter = made.intermediates[0]!;
    root = made.root;
    clean = leaf.certPem + inter.certPem + leaf.keyPem;
    const rootCert = new X509Certificate(root.certPem);
    options = { trustedRoots: () => [rootCert] };
    opensslConf = path.join(pki.dir, 'reading.cnf');
    await fs.writeFile(
      opensslConf,
      'HOME = .\n[ req ]\ndistinguished_name = req_dn\nprompt = no\n[ req_dn ]\nCN = x\n',
    );
  });
  after(async () => {
    await pki.cleanup();
  });

  const read = (data: string | Uint8Array, role: Role = 'bundle'): CheckedBundle =>
    checkBundle({ sources: [source(role, data)] }, options);

  /** What a clean leaf + intermediate + key bundle must produce, whatever the text looked like. */
  const assertCleanResult = (result: CheckedBundle): void => {
    assert.deepEqual(result.findings, [], JSON.stringify(result.findings, null, 1));
    assert.equal(result.ok, true);
    assert.ok(result.upload, 'an upload');
    assert.equal(result.upload.certificate, leaf.certPem);
    assert.equal(result.upload.chain, inter.certPem);
    assert.equal(result.upload.fullchain, leaf.certPem + inter.certPem);
    assert.ok(result.upload.privateKey.startsWith(`${pemBegin('PRIVATE KEY')}\n`));
    assert.ok(createPrivateKey(result.upload.privateKey).equals(createPrivateKey(leaf.keyPem)));
    assert.deepEqual(
      result.chain.map((c) => c.subject),
      [leaf.subject, inter.subject],
    );
  };

  describe('text that is clean PEM underneath', () => {
    it('reads a clean leaf + intermediate + key bundle', () => {
      assertCleanResult(read(clean));
    });

    it('reads CRLF line ends', () => {
      assertCleanResult(read(clean.replace(/\n/g, '\r\n')));
    });

    it('reads old-Mac CR line ends', () => {
      assertCleanResult(read(clean.replace(/\n/g, '\r')));
    });

    it('reads leading and trailing blank lines and spaces', () => {
      assertCleanResult(read(`\n\n   \n\t\n${clean}\n\n  \n`));
    });

    it('reads every line indented, as in a YAML block scalar', () => {
      const yaml = clean
        .split('\n')
        .map((line) => (line === '' ? line : `    ${line}`))
        .join('\n');
      assertCleanResult(read(yaml));
      // Tabs and uneven indentation too.
      assertCleanResult(read(clean.replace(/^/gm, (_m, offset: number) => (offset % 2 ? '\t' : '  '))));
    });

    it('reads literal \\n escapes instead of line breaks (.env, JSON)', () => {
      const escaped = clean.replace(/\n/g, '\\n');
      assert.ok(!escaped.includes('\n'));
      assertCleanResult(read(escaped));
      assertCleanResult(read(`"${escaped}"`));
      assertCleanResult(read(clean.replace(/\n/g, '\\r\\n')));
      // What JSON.stringify of the PEM gives, quotes and all.
      assertCleanResult(read(JSON.stringify(clean)));
    });

    it('reads a whole block on one line with spaces for line breaks', () => {
      const perBlock = clean.replace(/\n(?!-----BEGIN|$)/g, ' ');
      assert.equal(perBlock.trimEnd().split('\n').length, 3);
      assertCleanResult(read(perBlock));
      assertCleanResult(read(clean.replace(/\n/g, ' ')));
    });

    it('reads a UTF-8 BOM, in a string and in file bytes', () => {
      assertCleanResult(read(`\uFEFF${clean}`));
      const bytes = Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from(clean.replace(/\n/g, '\r\n')),
      ]);
      assertCleanResult(read(new Uint8Array(bytes)));
    });

    it('reads several blocks with comments and text between them', () => {
      const commented = `# leaf\n${leaf.certPem}\n# the intermediate\n${inter.certPem}Some notes: renewed on Monday.\n${leaf.keyPem}# end\n`;
      assertCleanResult(read(commented));
    });

    it('reads the Bag Attributes / subject= / issuer= text printed by `openssl pkcs12 -nodes`', async () => {
      const p12 = await pki.pkcs12(leaf, { password: 'bag-pass', chain: [inter], name: 'my site' });
      const file = path.join(pki.dir, 'bags.p12');
      await fs.writeFile(file, p12);
      const text = await openssl(['pkcs12', '-in', file, '-nodes', '-passin', 'pass:bag-pass']);
      assert.match(text, /^Bag Attributes/m);
      assert.match(text, /friendlyName: my site/);
      assert.match(text, /^subject=.*leaf\.example\.test/m);
      assert.match(text, /^issuer=.*Test Intermediate CA/m);
      assert.match(text, /^Key Attributes/m);
      assertCleanResult(read(text));
      assertCleanResult(read(text.replace(/\n/g, '\r\n')));
    });

    it('silently ignores an EC PARAMETERS block before an EC key', async () => {
      const params = await openssl(['ecparam', '-name', 'prime256v1']);
      assert.match(params, /-----BEGIN EC PARAMETERS-----/);
      const sec1 = pki.keyAs(leaf.keyPem, 'sec1');
      assert.ok(sec1.includes(pemBegin('EC PRIVATE KEY')));
      // `openssl ecparam -genkey` writes the parameters first, then the key.
      assertCleanResult(read(`${leaf.certPem}${inter.certPem}${params}${sec1}`));
      assertCleanResult(read(`${params}${sec1}${leaf.certPem}${inter.certPem}`.replace(/\n/g, '\r\n')));
    });

    it('reads the same text given as file bytes', () => {
      assertCleanResult(read(new TextEncoder().encode(clean)));
      assertCleanResult(read(new TextEncoder().encode(clean.replace(/\n/g, '\r\n').replace(/^/gm, '  '))));
    });
  });

  describe('PEM that cannot be read', () => {
    it('says PEM_TRUNCATED, on the line the cut block starts, when a block has no END line', () => {
      const cutInter = inter.certPem.split('\n').slice(0, 5).join('\n');
      const text = `\n\n${leaf.certPem}${cutInter}`;
      const result = read(text);
      const f = only(result, 'PEM_TRUNCATED');
      assert.equal(f.level, 'error');
      assert.equal(f.origin?.line, lineOf(text, cutInter));
      assert.equal(f.origin?.line, 3 + leaf.certPem.split('\n').length - 1);
      assert.equal(f.origin?.source, 'bundle');
      assert.match(f.message, new RegExp(`line ${f.origin?.line}\\b`));
      assert.match(f.message, /"CERTIFICATE"/);
      assert.equal(result.ok, false);
      assert.equal(result.upload, undefined);
      // The block before the cut one is still read.
      assert.equal(result.leaf?.subject, leaf.subject);
    });

    it('counts lines of CRLF text the way an editor does', () => {
      const cutInter = inter.certPem.split('\n').slice(0, 5).join('\n');
      const text = `\n${leaf.certPem}${cutInter}`;
      const f = only(read(text.replace(/\n/g, '\r\n')), 'PEM_TRUNCATED');
      assert.equal(f.origin?.line, lineOf(text, cutInter));
    });

    it('says PEM_TRUNCATED when the END line itself is cut short', () => {
      const text = `${leaf.certPem}${inter.certPem.slice(0, inter.certPem.indexOf('-----END') + 11)}`;
      assert.ok(text.endsWith('-----END CE'));
      const f = only(read(text), 'PEM_TRUNCATED');
      assert.equal(f.origin?.line, lineOf(text, inter.certPem.slice(0, 40)));
    });

    it('says PEM_TRUNCATED for a cut block followed by a whole one, and reads the whole one', () => {
      const cutLeaf = leaf.certPem.split('\n').slice(0, 4).join('\n');
      const text = `${cutLeaf}\n${inter.certPem}`;
      const result = read(text);
      const f = only(result, 'PEM_TRUNCATED');
      assert.equal(f.origin?.line, 1);
      assert.deepEqual(result.orderFound, [inter.subject]);
    });

    it('reports a BEGIN/END label mismatch with both labels and the line', () => {
      const spliced = leaf.certPem.replace('-----END CERTIFICATE-----', pemEnd('PRIVATE KEY'));
      const text = `${inter.certPem}${spliced}`;
      const result = read(text);
      const f = only(result, 'PEM_TRUNCATED');
      assert.equal(f.level, 'error');
      assert.equal(f.origin?.line, lineOf(text, spliced));
      assert.match(f.message, /"CERTIFICATE"/);
      assert.match(f.message, /END PRIVATE KEY/);
      assert.equal(result.ok, false);
    });

    it('says BAD_CERTIFICATE with the line for damaged base64 in a certificate block', () => {
      const damaged = damage(leaf.certPem, 2, 10, '!*~?');
      const text = `${inter.certPem}\n${damaged}${leaf.keyPem}`;
      const result = read(text);
      const f = only(result, 'BAD_CERTIFICATE');
      assert.equal(f.level, 'error');
      assert.equal(f.origin?.line, lineOf(text, damaged));
      assert.match(f.message, new RegExp(`line ${f.origin?.line}\\b`));
      assert.match(f.message, /base64/);
      assert.equal(result.ok, false);
      assert.equal(result.upload, undefined);
    });

    it('says BAD_CERTIFICATE with the line when the base64 is fine but the certificate inside is not', () => {
      // Overwrite the DER header and the start of the TBS: valid base64, broken ASN.1.
      const damaged = damage(leaf.certPem, 0, 0, 'AAAAAAAAAAAA');
      const text = `${inter.certPem}${damaged}`;
      const result = read(text);
      const f = only(result, 'BAD_CERTIFICATE');
      assert.equal(f.origin?.line, lineOf(text, damaged));
      assert.match(f.message, /not a valid X\.509 certificate/);
    });

    it('says BAD_CERTIFICATE, on its END line, for a block whose BEGIN line is damaged', () => {
      for (const broken of [
        '-----BEGIN CERTIFICATE----',
        '-----BEGIN certificate-----',
        '----BEGIN CERTIFICATE-----',
      ]) {
        const damaged = inter.certPem.replace('-----BEGIN CERTIFICATE-----', broken);
        const text = `${leaf.certPem}${damaged}${leaf.keyPem}`;
        const result = read(text);
        // The intermediate could not be read, so the chain also ends below its root.
        assert.deepEqual(codeLevels(result), ['BAD_CERTIFICATE:error', 'CHAIN_INCOMPLETE:warning'], broken);
        const f = result.findings[0]!;
        assert.equal(f.origin?.line, lineOf(text, '-----END CERTIFICATE-----\n-----BEGIN PRIVATE KEY'));
        assert.match(f.message, /no readable BEGIN line/);
        assert.equal(result.upload, undefined);
      }
    });

    it('only warns about a damaged BEGIN line of a block that is not needed (a public key)', () => {
      const publicKey = createPublicKey(leaf.keyPem).export({ type: 'spki', format: 'pem' }).toString();
      const damaged = publicKey.replace('-----BEGIN PUBLIC KEY-----', '-----BEGIN PUBLIC KEY---');
      const result = read(`${clean}${damaged}`);
      assert.deepEqual(codeLevels(result), ['UNSUPPORTED_PEM_BLOCK:warning']);
      assert.match(result.findings[0]!.message, /no readable BEGIN line.*ignored/);
      assert.equal(result.ok, true);
    });

    it('says NOT_PEM for text with a BEGIN line but no readable block at all', () => {
      const lower = leaf.certPem.replace(/CERTIFICATE/g, 'certificate');
      const result = read(lower, 'certificate');
      assert.deepEqual(codeLevels(result), ['NOT_PEM:error']);
      assert.match(result.findings[0]!.message, /no PEM block/);
    });

    it('says NOT_CERTIFICATE for a certificate signing request', async () => {
      const csr = await openssl(['req', '-new', '-key', leaf.keyPath!, '-subj', '/CN=csr.example.test']);
      assert.match(csr, /-----BEGIN CERTIFICATE REQUEST-----/);
      const result = read(`\n${csr}`, 'certificate');
      assert.deepEqual(codeLevels(result), ['NOT_CERTIFICATE:error']);
      const f = result.findings[0]!;
      assert.equal(f.origin?.line, 2);
      assert.match(f.message, /signing request/);
      assert.equal(result.ok, false);
    });

    it('warns UNSUPPORTED_PEM_BLOCK for a PUBLIC KEY block and reads the rest', () => {
      const publicKey = createPublicKey(leaf.keyPem).export({ type: 'spki', format: 'pem' }).toString();
      const text = `${clean}${publicKey}`;
      const result = read(text);
      assert.deepEqual(codeLevels(result), ['UNSUPPORTED_PEM_BLOCK:warning']);
      const f = result.findings[0]!;
      assert.equal(f.origin?.line, lineOf(text, publicKey));
      assert.match(f.message, /public key/);
      assert.equal(result.ok, true);
      assert.equal(result.upload?.fullchain, leaf.certPem + inter.certPem);
    });

    it('reads the certificates of a PKCS7 block beside the key (pkcs7.test.ts has the rest)', async () => {
      const chainFile = path.join(pki.dir, 'p7-chain.pem');
      await fs.writeFile(chainFile, leaf.certPem + inter.certPem);
      const p7 = await openssl(['crl2pkcs7', '-nocrl', '-certfile', chainFile]);
      assert.match(p7, /-----BEGIN PKCS7-----/);
      const result = read(`${p7}${leaf.keyPem}`, 'certificate');
      assert.deepEqual(codeLevels(result), []);
      assert.equal(result.upload?.fullchain, leaf.certPem + inter.certPem);
    });
  });

  describe('the helpers', () => {
    it('normaliseText strips a BOM, unifies line ends, and expands escapes only around PEM markers', () => {
      assert.equal(normaliseText('\uFEFFa\r\nb\rc\n'), 'a\nb\nc\n');
      assert.equal(
        normaliseText('-----BEGIN X-----\\nAAAA\\r\\n-----END X-----'),
        '-----BEGIN X-----\nAAAA\n-----END X-----',
      );
      assert.equal(normaliseText('no marker\\nhere'), 'no marker\\nhere');
    });

    it('scanPem finds every block with its line and DER, and ignores text between them', () => {
      const text = `junk\n${leaf.certPem}\nmore junk\n${leaf.keyPem}`;
      const scan = scanPem(text);
      assert.deepEqual(scan.problems, []);
      assert.deepEqual(
        scan.blocks.map((b) => [b.label, b.line]),
        [
          ['CERTIFICATE', 2],
          ['PRIVATE KEY', lineOf(text, leaf.keyPem)],
        ],
      );
      assert.deepEqual(scan.blocks[0]!.der, leaf.certDer);
    });

    it('scanPem keeps the Proc-Type / DEK-Info headers of a traditional encrypted key, and toPem puts them back', async () => {
      const encrypted = await pki.encryptKey(leaf.keyPem, 'headers-pass', 'traditional');
      const block = scanPem(`  ${encrypted.replace(/\n/g, '\n  ')}`).blocks[0]!;
      assert.equal(block.label, 'EC PRIVATE KEY');
      assert.equal(block.encryptionHeaders?.procType, '4,ENCRYPTED');
      assert.match(block.encryptionHeaders?.dekInfo ?? '', /^AES-256-CBC,[0-9A-F]{32}$/);
      const rebuilt = toPem(block.label, block.der, block);
      const key = createPrivateKey({ key: rebuilt, format: 'pem', passphrase: 'headers-pass' });
      assert.ok(key.equals(createPrivateKey(leaf.keyPem)));
    });

    it(`scanPem counts the markers first: 40,000 unclosed blocks are refused whole, ${MAX_PEM_BLOCKS} are read`, () => {
      const many = scanPem('-----BEGIN A-----\n'.repeat(40_000) + leaf.certPem);
      assert.deepEqual(many, { blocks: [], problems: [], tooMany: 40_001 });
      const ends = scanPem(leaf.certPem + '-----END A-----\n'.repeat(MAX_PEM_BLOCKS));
      assert.equal(
        ends.tooMany,
        MAX_PEM_BLOCKS + 1,
        'END lines count too (each would be a no-begin finding)',
      );
      const text = '-----BEGIN A-----\n'.repeat(MAX_PEM_BLOCKS - 1) + leaf.certPem;
      const scan = scanPem(text);
      assert.equal(scan.tooMany, undefined);
      assert.equal(scan.problems.length, MAX_PEM_BLOCKS - 1);
      assert.deepEqual(scan.problems.at(-1), { kind: 'truncated', label: 'A', line: MAX_PEM_BLOCKS - 1 });
      assert.equal(scan.blocks.length, 1);
      assert.equal(scan.blocks[0]!.line, MAX_PEM_BLOCKS);
    });

    it('toPem writes 64-character lines that scan back to the same bytes', () => {
      const pem = toPem('CERTIFICATE', leaf.certDer);
      assert.equal(pem, leaf.certPem);
      assert.deepEqual(scanPem(pem).blocks[0]!.der, leaf.certDer);
    });

    it('decodeBase64 reads wrapped, unwrapped and URL-safe base64, and refuses prose', () => {
      const der = leaf.certDer;
      const b64 = der.toString('base64');
      assert.deepEqual(decodeBase64(b64), der);
      assert.deepEqual(decodeBase64(`  ${b64.replace(/.{76}/g, '$&\n')}\n`), der);
      assert.deepEqual(decodeBase64(b64.replace(/.{64}/g, '$&\r\n  ')), der);
      assert.deepEqual(decodeBase64(der.toString('base64url')), der);
      for (const prose of ['hello world', 'TODO fill me in', 'this is not a cert', 'short', 'a.b.c.d.e.f']) {
        assert.equal(decodeBase64(prose), undefined, prose);
      }
    });

    it('plain text is NOT_PEM, not binary data', () => {
      for (const prose of ['hello world', 'TODO: put the certificate here', 'TODO fill me in']) {
        const result = read(prose, 'certificate');
        assert.deepEqual(codeLevels(result), ['NOT_PEM:error'], prose);
        assert.match(result.findings[0]!.message, /neither PEM/);
      }
    });
  });
});
