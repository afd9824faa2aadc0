/**
 * Text files in the encodings Windows writes them in: UTF-16 LE with a byte-order mark (Windows
 * PowerShell 5.1's `>` and `Out-File`), UTF-16 BE with one, UTF-8 with one (Notepad), CRLF line
 * ends; PEM and base64 alike. Files arrive as bytes; inputs and environment variables are strings
 * already, so only bytes are decoded.
 */
import assert from 'node:assert/strict';
import { createPrivateKey } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { textOf } from '../../src/certs/pem.ts';
import { checkBundle } from '../../src/certs/validate.ts';
import { type Issued, Pki } from '../../test/support/pki.ts';
import { codeLevels, source } from '../../test/support/findings.ts';
import { loadPkcs12Support } from '../../src/certs/pkcs12-support.ts';

await loadPkcs12Support();

/** What PowerShell 5.1 writes: a BOM, then the text as UTF-16 LE, with CRLF line ends. */
const utf16le = (text: string): Buffer =>
  Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace(/\n/g, '\r\n'), 'utf16le')]);
const utf16be = (text: string): Buffer => {
  const body = Buffer.from(text, 'utf16le').swap16();
  return Buffer.concat([Buffer.from([0xfe, 0xff]), body]);
};
const utf8bom = (text: string): Buffer => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);

describe('certs: text files in Windows encodings', () => {
  let pki: Pki;
  let leaf: Issued;
  let inter: Issued;
  let fullchain: string;

  before(async () => {
    pki = await Pki.create();
    const made = await pki.chain(1);
    leaf = made.leaf;
    inter = made.intermediates[0]!;
    fullchain = leaf.certPem + inter.certPem;
  });
  after(async () => {
    await pki.cleanup();
  });

  const read = (certificate: Uint8Array, key: Uint8Array) =>
    checkBundle(
      {
        sources: [
          source('certificate', certificate, 'fullchain.pem', 'fullchain.pem'),
          source('private-key', key, 'privkey.pem', 'privkey.pem'),
        ],
      },
      { trustedRoots: () => [] },
    );

  const assertRead = (result: ReturnType<typeof read>, label: string): void => {
    assert.deepEqual(
      codeLevels(result),
      ['CHAIN_INCOMPLETE:warning'],
      `${label}: ${JSON.stringify(result.findings)}`,
    );
    assert.equal(result.upload?.fullchain, fullchain, label);
    assert.ok(createPrivateKey(result.upload.privateKey).equals(createPrivateKey(leaf.keyPem)), label);
  };

  it('reads PEM saved as UTF-16 LE with a BOM (PowerShell 5.1 `>`)', () => {
    assertRead(read(utf16le(fullchain), utf16le(leaf.keyPem)), 'UTF-16 LE');
  });

  it('reads PEM saved as UTF-16 BE with a BOM', () => {
    assertRead(read(utf16be(fullchain), utf16be(leaf.keyPem)), 'UTF-16 BE');
  });

  it('reads PEM saved as UTF-8 with a BOM and CRLF (Notepad)', () => {
    const crlf = (t: string) => utf8bom(t.replace(/\n/g, '\r\n'));
    assertRead(read(crlf(fullchain), crlf(leaf.keyPem)), 'UTF-8 BOM');
  });

  it('reads base64 saved as UTF-16 ([Convert]::ToBase64String(...) > file)', () => {
    const b64 = (text: string) => `${Buffer.from(text).toString('base64')}\n`;
    assertRead(read(utf16le(b64(fullchain)), utf16le(b64(leaf.keyPem))), 'UTF-16 base64 of PEM');
    const der = `${leaf.certDer.toString('base64')}\n`;
    const result = checkBundle(
      { sources: [source('certificate', utf16le(der), 'cert.b64', 'cert.b64')] },
      {
        requireKey: false,
        trustedRoots: () => [],
      },
    );
    assert.equal(result.leaf?.subject, leaf.subject);
  });

  it('points findings at the right line of a UTF-16 file', () => {
    const text = `${leaf.certPem}${inter.certPem.replace(/-----BEGIN CERTIFICATE-----\n/, '-----BEGIN CERTIFICATE-----\n!!')}`;
    const result = read(utf16le(text), utf16le(leaf.keyPem));
    const bad = result.findings.find((f) => f.code === 'BAD_CERTIFICATE');
    assert.equal(bad?.origin?.line, leaf.certPem.split('\n').length);
    assert.equal(bad?.origin?.file, 'fullchain.pem');
  });

  describe('textOf', () => {
    it('decodes UTF-8 (BOM dropped) and UTF-16 with a BOM, either byte order', () => {
      assert.equal(textOf(Buffer.from('plain')), 'plain');
      assert.equal(textOf(utf8bom('with bom')), 'with bom');
      assert.equal(textOf(utf16le('a\nb')), 'a\r\nb');
      assert.equal(textOf(utf16be('é ✓')), 'é ✓');
    });

    it('calls binary data binary: DER, an odd-length or NUL-holding "UTF-16" body', () => {
      assert.equal(textOf(leaf.certDer), undefined);
      assert.equal(textOf(Buffer.from([0xff, 0xfe, 0x41])), undefined);
      assert.equal(textOf(Buffer.from([0xff, 0xfe, 0x00, 0x00])), undefined);
      assert.equal(textOf(Buffer.from([0xff, 0xfe, 0x00, 0xd8])), undefined); // a lone surrogate
    });
  });
});
