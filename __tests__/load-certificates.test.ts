/**
 * Files as they are read from disk through `run()`: a manifest, a key and its passphrase all saved
 * by Windows PowerShell 5.1 (UTF-16 LE with a BOM, CRLF), the key masked as the text the engine
 * reads; and the size bound that stops the wrong file from being read at all.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { InputError } from '../src/errors.ts';
import { MAX_FILE_BYTES } from '../src/load-certificates.ts';
import { run } from '../src/run.ts';
import { parseSettings } from '../src/settings.ts';
import { type Issued, Pki } from '../test/support/pki.ts';

const powershell = (text: string): Buffer =>
  Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace(/\n/g, '\r\n'), 'utf16le')]);

describe('load-certificates: files as they are on disk', () => {
  let pki: Pki;
  let workspace: string;
  let leaf: Issued;
  let inter: Issued;
  let encryptedKey: string;
  const passphrase = 'correct horse battery staple';

  before(async () => {
    pki = await Pki.create();
    workspace = await mkdtemp(join(tmpdir(), 'cert-rotate-load-'));
    const made = await pki.chain(1, { dns: ['app.example.test'] });
    leaf = made.leaf;
    inter = made.intermediates[0]!;
    encryptedKey = await pki.encryptKey(leaf.keyPem, passphrase, 'pkcs8');
  });
  after(async () => {
    await pki.cleanup();
    await rm(workspace, { recursive: true, force: true });
  });

  it('reads a manifest, a key and a passphrase file saved as UTF-16 by PowerShell, and masks the key text', async () => {
    await writeFile(join(workspace, 'fullchain.pem'), powershell(leaf.certPem + inter.certPem));
    await writeFile(join(workspace, 'site.key'), powershell(encryptedKey));
    await writeFile(join(workspace, 'passphrase.txt'), powershell(`${passphrase}\n`));
    await writeFile(
      join(workspace, 'manifest.yml'),
      powershell(
        [
          'version: 1',
          'certificates:',
          '  - name: app',
          '    domains: [app.example.test]',
          '    certificate: { file: fullchain.pem }',
          '    private-key: { file: site.key }',
          '    key-passphrase: { file: passphrase.txt }',
          '',
        ].join('\n'),
      ),
    );
    const masked: string[] = [];
    const settings = parseSettings({ mode: 'validate', manifest: 'manifest.yml' });
    const { report } = await run(settings, { cwd: workspace, mask: (s) => masked.push(s), env: {} });
    const [app] = report.certificates;
    assert.equal(app?.outcome, 'valid', JSON.stringify(app?.findings));
    assert.ok(masked.includes(passphrase));
    // The key as the engine reads it (CRLF text), line by line too: not only its UTF-16 bytes.
    assert.ok(masked.includes(encryptedKey.replace(/\n/g, '\r\n')));
    const bodyLine = encryptedKey.split('\n')[1]!;
    assert.ok(masked.includes(bodyLine));
  });

  it(`refuses a file over ${MAX_FILE_BYTES} bytes before reading it, naming the input`, async () => {
    const big = join(workspace, 'big.pem');
    await writeFile(big, '');
    await truncate(big, MAX_FILE_BYTES + 1);
    const settings = parseSettings({ mode: 'validate', 'certificate-file': 'big.pem' });
    await assert.rejects(
      run(settings, { cwd: workspace, mask: () => {}, env: {} }),
      (thrown: unknown) =>
        thrown instanceof InputError &&
        /certificate-file: the file 'big\.pem' is \d+ bytes; at most \d+ are read/.test(thrown.message),
    );
  });
});
