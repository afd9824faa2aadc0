/**
 * Files as they are read from disk through `run()`: a manifest, a key and its passphrase all saved
 * by Windows PowerShell 5.1 (UTF-16 LE with a BOM, CRLF), the key masked as the text the engine
 * reads; and the size bound that stops the wrong file from being read at all.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { constants } from 'node:fs';
import { mkdtemp, open, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { InputError } from '../src/errors.ts';
import { MAX_FILE_BYTES, MAX_MANIFEST_BYTES, MAX_VALUE_CHARS } from '../src/load-certificates.ts';
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

  const refused = (settings: ReturnType<typeof parseSettings>, env: Record<string, string> = {}) =>
    run(settings, { cwd: workspace, mask: () => {}, env });

  it(`refuses a manifest over ${MAX_MANIFEST_BYTES} bytes before parsing it (parsing is the slow part)`, async () => {
    const entry = (i: number) => `  - { name: n${i}, certificate: { file: c.pem } }\n`;
    let text = 'certificates:\n';
    for (let i = 0; text.length <= MAX_MANIFEST_BYTES; i++) text += entry(i);
    await writeFile(join(workspace, 'long.yml'), text);
    const settings = parseSettings({ mode: 'validate', manifest: 'long.yml' });
    await assert.rejects(
      refused(settings),
      (thrown: unknown) =>
        thrown instanceof InputError &&
        thrown.message.startsWith(
          `manifest: the file 'long.yml' is ${text.length} bytes; at most ${MAX_MANIFEST_BYTES} are read`,
        ),
    );
  });

  for (const [device, what] of [
    ['/dev/zero', 'a device'],
    ['/dev/urandom', 'a device'],
  ] as const) {
    it(`refuses ${device} as a manifest part (it never ends) at once, naming what it is`, {
      timeout: 10_000,
    }, async () => {
      if (process.platform === 'win32') return;
      await writeFile(
        join(workspace, 'device.yml'),
        `certificates:\n  - name: dev\n    certificate: { file: ${device} }\n`,
      );
      const settings = parseSettings({ mode: 'validate', manifest: 'device.yml' });
      await assert.rejects(refused(settings), (thrown: unknown) => {
        assert.ok(thrown instanceof InputError, String(thrown));
        assert.match(
          thrown.message,
          new RegExp(`^dev certificate: '${device}' is ${what}, not a file; only regular files are read`),
        );
        return true;
      });
    });
  }

  it('refuses a named pipe no one writes to at once, instead of waiting on it', {
    timeout: 10_000,
  }, async () => {
    if (process.platform === 'win32') return;
    const fifo = join(workspace, 'never.pem');
    execFileSync('mkfifo', [fifo]);
    try {
      const settings = parseSettings({ mode: 'validate', 'certificate-file': 'never.pem' });
      await assert.rejects(
        refused(settings),
        (thrown: unknown) =>
          thrown instanceof InputError &&
          thrown.message.startsWith("certificate-file: 'never.pem' is a named pipe (FIFO), not a file"),
      );
    } finally {
      // A reader left blocked in open() (the bug this catches) is released by a writer's open.
      try {
        (await open(fifo, constants.O_WRONLY | constants.O_NONBLOCK)).close();
      } catch {
        // no reader waiting: nothing to release
      }
    }
  });

  it('refuses a folder given as a file', async () => {
    const settings = parseSettings({ mode: 'validate', 'certificate-file': '.' });
    await assert.rejects(
      refused(settings),
      (thrown: unknown) =>
        thrown instanceof InputError &&
        thrown.message.startsWith("certificate-file: '.' is a folder, not a file"),
    );
  });

  it(`refuses a value over ${MAX_VALUE_CHARS} characters (input or environment variable) without quoting it`, async () => {
    const huge = `${leaf.certPem}${'A'.repeat(MAX_VALUE_CHARS)}`;
    for (const [settings, env, label] of [
      [parseSettings({ mode: 'validate', certificate: huge }), {}, 'certificate'],
      [
        parseSettings({ mode: 'validate', certificate: leaf.certPem, 'key-passphrase': huge }),
        {},
        'key-passphrase',
      ],
      [parseSettings({ mode: 'validate', manifest: 'env.yml' }), { BIG: huge }, 'big certificate'],
    ] as const) {
      await writeFile(
        join(workspace, 'env.yml'),
        'certificates:\n  - name: big\n    certificate: { env: BIG }\n',
      );
      await assert.rejects(refused(settings, env), (thrown: unknown) => {
        assert.ok(thrown instanceof InputError, String(thrown));
        assert.match(
          thrown.message,
          new RegExp(
            `^${label}: the value is [\\d,]+ characters long, not shown; at most ${MAX_VALUE_CHARS} are read`,
          ),
        );
        assert.ok(
          !thrown.message.includes('AAAA') && !thrown.message.includes('BEGIN'),
          'the value is not quoted',
        );
        return true;
      });
    }
  });

  it('refuses a path longer than any path without quoting it', async () => {
    const settings = parseSettings({
      mode: 'validate',
      'certificate-file': `certs/${'x'.repeat(100_000)}.pem`,
    });
    await assert.rejects(refused(settings), (thrown: unknown) => {
      assert.ok(thrown instanceof InputError, String(thrown));
      assert.match(
        thrown.message,
        /^certificate-file: the path is [\d,]+ characters long, not shown; a path has at most 4096\.$/,
      );
      return true;
    });
  });
});
