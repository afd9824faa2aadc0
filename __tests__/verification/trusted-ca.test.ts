/**
 * `trusted-ca` (trusted-ca.ts): the CA certificates of a private PKI, as PEM text or a file. Only
 * certificates are taken; a private key in it is refused and never quoted; what cannot be read is
 * refused with its line, so a CA the user meant to trust is never silently left out.
 */
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { commandWords } from '../../src/cli/flags.ts';
import { InputError, messageWithFix } from '../../src/errors.ts';
import type { PartSource } from '../../src/settings.ts';
import { readTrustedCa } from '../../src/verification/trusted-ca.ts';
import { ACTION_WORDS } from '../../src/vocabulary.ts';
import { pemBegin, pemEnd } from '../../test/support/pem-markers.ts';
import { type Issued, Pki } from '../../test/support/pki.ts';

let pki: Pki;
let root: Issued;
let intermediate: Issued;
let dir: string;

before(async () => {
  pki = await Pki.create();
  const made = await pki.chain(1, { cn: 'app.example.test' });
  root = made.root;
  intermediate = made.intermediates[0] as Issued;
  dir = await mkdtemp(join(tmpdir(), 'trusted-ca-'));
});
after(async () => {
  await pki.cleanup();
  await rm(dir, { recursive: true, force: true });
});

const value = (text: string, label = 'trusted-ca'): PartSource => ({ kind: 'value', label, text });
const read = (source: PartSource) => readTrustedCa(source, dir, ACTION_WORDS);

/** The PEM's base64, without its marker lines or line breaks. */
const bodyOf = (pem: string): string =>
  pem
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('-----'))
    .join('');

async function refusal(source: PartSource, message: RegExp): Promise<InputError> {
  let caught: unknown;
  await assert.rejects(read(source), (error: unknown) => {
    caught = error;
    return error instanceof InputError && message.test(error.message);
  });
  return caught as InputError;
}

describe('readTrustedCa', () => {
  it('takes PEM text: each certificate, in canonical PEM, the text around them ignored', async () => {
    const text = `Our root\r\n${root.certPem.replace(/\n/g, '\r\n')}and its intermediate\n${intermediate.certPem}`;
    const pems = await read(value(text));
    assert.equal(pems.length, 2);
    assert.equal(
      new X509Certificate(pems[0] as string).fingerprint256,
      new X509Certificate(root.certPem).fingerprint256,
    );
    assert.equal(
      new X509Certificate(pems[1] as string).fingerprint256,
      new X509Certificate(intermediate.certPem).fingerprint256,
    );
    assert.ok(pems.every((pem) => !pem.includes('\r')));
  });

  it('takes a file, its path relative to the working folder', async () => {
    await writeFile(join(dir, 'ca.pem'), root.certPem);
    const pems = await read({ kind: 'file', label: 'trusted-ca', path: 'ca.pem' });
    assert.deepEqual(pems.map(bodyOf), [bodyOf(root.certPem)]);
  });

  it('a missing file is named, with the setting it was given in', async () => {
    await assert.rejects(
      readTrustedCa({ kind: 'file', label: '--trusted-ca', path: 'nowhere.pem' }, dir, commandWords()),
      (error: unknown) =>
        error instanceof InputError &&
        /^--trusted-ca: the file 'nowhere\.pem' does not exist/.test(error.message),
    );
  });

  it('refuses a private key in it, and never quotes it (value or file)', async () => {
    const key = root.keyPem;
    const body = bodyOf(key);
    assert.ok(body.length > 120, `a key body of ${body.length} characters`);
    const inValue = await refusal(
      value(root.certPem + key),
      /^trusted-ca holds a private key \(not shown\)\./,
    );
    await writeFile(join(dir, 'with-key.pem'), key + root.certPem);
    const inFile = await refusal(
      { kind: 'file', label: 'trusted-ca', path: 'with-key.pem' },
      /^trusted-ca holds a private key \(not shown\)\./,
    );
    for (const error of [inValue, inFile]) {
      const said = messageWithFix(error);
      assert.match(error.fix ?? '', /treat that key as exposed/);
      // No piece of the key's body: its markers' base64 is the same for every key, so look inside.
      for (let at = 40; at + 16 <= body.length - 20; at += 8) {
        assert.ok(!said.includes(body.slice(at, at + 16)), `key text at ${at} quoted`);
      }
      assert.ok(!said.includes(pemBegin('PRIVATE KEY')));
    }
  });

  it('refuses text with no certificate in it', async () => {
    const error = await refusal(value('just some words'), /^trusted-ca holds no PEM CERTIFICATE block\.$/);
    assert.match(error.fix ?? '', /PEM certificates of the CA/);
    await refusal(
      value(`${pemBegin('PUBLIC KEY')}\nAAAA\n${pemEnd('PUBLIC KEY')}\n`),
      /^trusted-ca holds no PEM CERTIFICATE block\./,
    );
  });

  it('refuses a block whose content is not a certificate, naming its line', async () => {
    const junk = `${pemBegin('CERTIFICATE')}\n${Buffer.from('not a certificate at all').toString('base64')}\n${pemEnd('CERTIFICATE')}\n`;
    await refusal(
      value(`${root.certPem}\n${junk}`),
      /^trusted-ca: the certificate on line \d+ cannot be read\.$/,
    );
    const lines = root.certPem.split('\n').length;
    await refusal(value(root.certPem + junk), new RegExp(`line ${lines}\\b`));
  });

  it('refuses a damaged certificate block, naming its line, even beside a good one', async () => {
    // Cut after the BEGIN line and three lines of base64: no END line.
    const cut = `${root.certPem.split('\n').slice(0, 4).join('\n')}\n`;
    for (const text of [cut, root.certPem + cut]) {
      const error = await refusal(value(text), /^trusted-ca: the CERTIFICATE block on line \d+ is damaged/);
      assert.match(
        error.message,
        new RegExp(`line ${text === cut ? 1 : root.certPem.split('\n').length}\\b`),
      );
    }
    const spliced = `${pemBegin('CERTIFICATE')}\n${bodyOf(root.certPem)}\n${pemEnd('X509 CRL')}\n`;
    await refusal(
      value(intermediate.certPem + spliced),
      /^trusted-ca: the CERTIFICATE block on line \d+ is damaged/,
    );
  });

  it('refuses a damaged private key as a key, without quoting it', async () => {
    const key = root.keyPem.trimEnd().split('\n');
    const cut = `${key.slice(0, -2).join('\n')}\n`;
    const error = await refusal(value(cut + root.certPem), /^trusted-ca holds a private key \(not shown\)\./);
    assert.ok(!messageWithFix(error).includes(key[1] as string));
    // A key's body under a certificate's BEGIN line, with the key's END line: a key too.
    const spliced = `${pemBegin('CERTIFICATE')}\n${bodyOf(root.keyPem)}\n${pemEnd('PRIVATE KEY')}\n`;
    await refusal(value(root.certPem + spliced), /^trusted-ca holds a private key \(not shown\)\./);
  });

  it('a whole trust store is more blocks than are read: says how many are, and that public roots need no entry', async () => {
    const error = await refusal(
      value(root.certPem.repeat(65)),
      /^trusted-ca holds more than 64 PEM blocks\./,
    );
    assert.match(error.fix ?? '', /public roots are trusted already/);
  });

  it('refuses what is too large to be a CA bundle', async () => {
    await refusal(
      value(`${root.certPem}${' '.repeat(1024 * 1024)}`),
      /^trusted-ca: not PEM text of at most 1 MiB\.$/,
    );
  });
});
