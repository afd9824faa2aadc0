/**
 * GitHub's local runner, @github/local-action, run on the sources as the README's development
 * section shows: it must find `run`, keep every registered secret out of what it prints, and
 * capture the outputs and the job summary (it does so only when the action calls the real
 * @actions/core, which it replaces).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DigitalOceanDouble } from '../test/doubles/digitalocean.ts';
import { type Issued, Pki } from '../test/support/pki.ts';
import { Canary, describeLeaks } from './audit/support.ts';
import { runLocalAction } from './support/run-local-action.ts';

const P12_PASSWORD = 'local pfx password 7';

let pki: Pki;
let workspace: string;
let leaf: Issued;
let intermediate: Issued;
let p12: Buffer;

before(async () => {
  pki = await Pki.create();
  workspace = await mkdtemp(join(tmpdir(), 'cert-rotate-local-ws-'));
  const made = await pki.chain(1, { dns: ['app.example.test'], key: { type: 'rsa' } });
  leaf = made.leaf;
  intermediate = made.intermediates[0]!;
  p12 = await pki.pkcs12(leaf, { password: P12_PASSWORD, chain: [intermediate] });
  await writeFile(join(workspace, 'fullchain.pem'), leaf.certPem + intermediate.certPem);
});

after(async () => {
  await pki.cleanup();
  await rm(workspace, { recursive: true, force: true });
});

/** Every secret of these runs, looked for the way the key-leak canary looks (16-character windows). */
function canary(token = ''): Canary {
  const found = new Canary()
    .addKey('private key', leaf.keyPem)
    .addBytes('PKCS#12 file', p12)
    .addText('PKCS#12 password', P12_PASSWORD)
    .addText('API token', token);
  found.excludeCertificate(leaf.certDer).excludeCertificate(intermediate.certDer);
  return found;
}

describe('@github/local-action on src/main.ts', () => {
  it('validates a PKCS#12 file from the environment: exit 0, no secret printed, outputs and summary captured', async () => {
    const run = await runLocalAction(
      { INPUT_MODE: 'validate', 'INPUT_PKCS12-PASSWORD': P12_PASSWORD, INPUT_DOMAINS: 'app.example.test' },
      { INPUT_PKCS12: p12.toString('base64') },
    );
    const printed = `${run.stdout}\n${run.stderr}`;
    const leaks = canary().scan({ stdout: run.stdout, stderr: run.stderr, summary: run.summary });
    assert.deepEqual(leaks, [], `secret material printed:\n${describeLeaks(leaks)}`);
    assert.equal(run.code, 0, printed);
    assert.equal(run.outputs.status, 'valid', printed);
    assert.equal(run.outputs.valid, 'true');
    assert.equal(run.outputs['fingerprint-sha1'], createHash('sha1').update(leaf.certDer).digest('hex'));
    assert.match(run.summary, /## ✅ cert-rotate validate: valid/);
  });

  // The token and the key are in the .env: local-action starts the action through /bin/sh, and
  // dash (Debian's sh) drops variables whose names hold a hyphen, as INPUT_API-TOKEN does.
  it('plans against the DigitalOcean double with the token and the key from the .env', async () => {
    const double = await DigitalOceanDouble.start();
    try {
      const run = await runLocalAction(
        {
          INPUT_MODE: 'plan',
          INPUT_PROVIDER: 'digitalocean',
          'INPUT_API-URL': double.url,
          INPUT_NAME: 'app',
          'INPUT_CERTIFICATE-FILE': 'fullchain.pem',
          'INPUT_PRIVATE-KEY': leaf.keyPem,
          'INPUT_API-TOKEN': double.token,
        },
        {},
        workspace,
      );
      const printed = `${run.stdout}\n${run.stderr}`;
      const leaks = canary(double.token).scan({
        stdout: run.stdout,
        stderr: run.stderr,
        summary: run.summary,
      });
      assert.deepEqual(leaks, [], `secret material printed:\n${describeLeaks(leaks)}`);
      assert.equal(run.code, 0, printed);
      assert.equal(run.outputs.status, 'planned', printed);
      assert.equal(run.outputs.changed, 'false');
      assert.match(run.stdout, /\+ create/);
      assert.match(run.summary, /cert-rotate plan/);
      assert.ok(double.server.requests.length > 0, 'the plan read the account');
      assert.equal(double.certificates.all().length, 0, 'a plan writes nothing');
    } finally {
      await double.close();
    }
  });
});
