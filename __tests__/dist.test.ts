/**
 * The built bundles, run as the runner and a terminal run them. ncc's ESM output has failure
 * modes the sources do not (a `require` or `__dirname` that only exists in CommonJS, a chunk
 * that was not emitted): only running dist/ finds them.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DigitalOceanDouble } from '../test/doubles/digitalocean.ts';
import { type Issued, Pki } from '../test/support/pki.ts';
import { leakedWindows, runAction, runCli } from './support/run-dist.ts';
import { VERSION } from '../src/version.ts';

let pki: Pki;
let workspace: string;
let leaf: Issued;
let intermediate: Issued;
let otherKey: string;

before(async () => {
  pki = await Pki.create();
  workspace = await mkdtemp(join(tmpdir(), 'cert-rotate-ws-'));
  const made = await pki.chain(1, {
    dns: ['app.example.test', 'www.app.example.test'],
    key: { type: 'rsa' },
  });
  leaf = made.leaf;
  intermediate = made.intermediates[0]!;
  otherKey = (await pki.leaf('self')).keyPem;
  await writeFile(join(workspace, 'fullchain.pem'), leaf.certPem + intermediate.certPem);
  await writeFile(join(workspace, 'privkey.pem'), leaf.keyPem);
  // Intermediate first: the action repairs the order and says so.
  await writeFile(join(workspace, 'reversed.pem'), intermediate.certPem + leaf.certPem);
});

after(async () => {
  await pki.cleanup();
  await rm(workspace, { recursive: true, force: true });
});

describe('dist/index.js run as the runner runs it', () => {
  it('validates secrets given as inputs, sets outputs and writes the summary', async () => {
    const run = await runAction({
      mode: 'validate',
      certificate: leaf.certPem + intermediate.certPem,
      'private-key': leaf.keyPem,
      domains: 'app.example.test, www.app.example.test',
    });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(run.outputs.valid, 'true');
    assert.match(run.outputs['fingerprint-sha1'] ?? '', /^[0-9a-f]{40}$/);
    assert.match(run.outputs['fingerprint-sha256'] ?? '', /^[0-9a-f]{64}$/);
    assert.ok(Number(run.outputs['days-remaining']) >= 88);
    const report = JSON.parse(run.outputs.report ?? '{}');
    assert.equal(report.ok, true);
    assert.equal(report.certificates[0].leaf.sha1, run.outputs['fingerprint-sha1']);
    assert.match(run.summary, /## ✅ cert-rotate validate: valid/);
    assert.match(run.summary, /app\.example\.test/);
    // The key is registered as a secret (line by line), and appears nowhere else.
    assert.match(run.stdout, /::add-mask::/);
    const printed =
      run.stdout.replace(/^::add-mask::.*$/gm, '') + run.stderr + run.summary + JSON.stringify(run.outputs);
    assert.deepEqual(leakedWindows(leaf.keyPem, printed), []);
  });

  it('opens a PKCS#12 file given as base64 (its support is loaded only when needed)', async () => {
    const p12 = await pki.pkcs12(leaf, { password: 'pfx-pass', chain: [intermediate] });
    const run = await runAction({
      mode: 'validate',
      pkcs12: p12.toString('base64'),
      'pkcs12-password': 'pfx-pass',
    });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(run.outputs['fingerprint-sha1'], createHash('sha1').update(leaf.certDer).digest('hex'));
    assert.deepEqual(
      leakedWindows(leaf.keyPem, run.stdout.replace(/^::add-mask::.*$/gm, '') + run.summary),
      [],
    );
  });

  it('fails the step with coded annotations pointing at the file and line', async () => {
    await writeFile(join(workspace, 'wrongkey.pem'), otherKey);
    const run = await runAction(
      { mode: 'validate', 'certificate-file': 'reversed.pem', 'private-key-file': 'wrongkey.pem' },
      workspace,
    );
    assert.equal(run.code, 1);
    assert.equal(run.outputs.valid, 'false');
    assert.match(
      run.stdout,
      /::error title=KEY_MISMATCH%3A CN=leaf\.example\.test,file=wrongkey\.pem,line=1::The private key in private-key-file wrongkey\.pem belongs to none of the certificates in certificate-file reversed\.pem /,
    );
    assert.match(run.stdout, /::error::cert-rotate validate: invalid/);
    assert.match(run.summary, /KEY_MISMATCH/);
    assert.deepEqual(leakedWindows(otherKey, run.stdout.replace(/^::add-mask::.*$/gm, '') + run.summary), []);
  });

  it('repairs an out-of-order chain with a warning annotation', async () => {
    const run = await runAction(
      { mode: 'validate', 'certificate-file': 'reversed.pem', 'private-key-file': 'privkey.pem' },
      workspace,
    );
    assert.equal(run.code, 0, run.stdout);
    assert.match(run.stdout, /::warning title=CHAIN_REPAIRED::/);
  });

  it('rejects a bad input value with a message that names the input', async () => {
    const run = await runAction({ certificate: leaf.certPem, 'warn-days': 'soon' });
    assert.equal(run.code, 1);
    assert.match(run.stdout, /::error::Invalid warn-days 'soon'/);
  });

  it('says which input is missing when no certificate is given', async () => {
    const run = await runAction({ 'private-key': leaf.keyPem });
    assert.equal(run.code, 1);
    assert.match(run.stdout, /::error::No certificate was given/);
  });

  it('keeps workflow commands inside certificate text from running', async () => {
    const run = await runAction({ mode: 'validate', certificate: leaf.certPem, 'private-key': leaf.keyPem });
    const lines = run.stdout.split('\n');
    const stop = lines.findIndex((l) => l.startsWith('::stop-commands::'));
    assert.ok(stop >= 0, 'the report is printed with command processing stopped');
    const token = lines[stop]!.slice('::stop-commands::'.length);
    assert.ok(lines.includes(`::${token}::`), 'and resumed after it');
  });
});

describe('dist/index.js rotating on a provider (the DigitalOcean double, over loopback)', () => {
  it('uploads on the first run, changes nothing on the second, and never prints the token', async () => {
    const double = await DigitalOceanDouble.start();
    try {
      const inputs = {
        mode: 'apply',
        provider: 'digitalocean',
        'api-token': double.token,
        'api-url': double.url,
        name: 'app',
        certificate: leaf.certPem + intermediate.certPem,
        'private-key': leaf.keyPem,
      };
      const first = await runAction(inputs);
      assert.equal(first.code, 0, first.stdout + first.stderr);
      assert.equal(first.outputs.status, 'created');
      assert.equal(first.outputs.changed, 'true');
      assert.match(first.outputs['certificate-name'] ?? '', /^app-[0-9a-f]{12}$/);
      assert.equal(first.outputs['certificate-id'], double.certificates.all()[0]?.id);
      assert.deepEqual(JSON.parse(first.outputs.removed ?? 'null'), []);
      assert.match(first.summary, /Rotation of app: created/);
      assert.match(first.stdout, new RegExp(`::add-mask::${double.token}`));

      const second = await runAction(inputs);
      assert.equal(second.code, 0, second.stdout);
      assert.equal(second.outputs.status, 'unchanged');
      assert.equal(second.outputs.changed, 'false');
      assert.equal(double.certificates.all().length, 1);
      const printed =
        first.stdout.replace(/^::add-mask::.*$/gm, '') +
        first.summary +
        second.stdout.replace(/^::add-mask::.*$/gm, '');
      assert.ok(!printed.includes(double.token), 'the token is never printed');
      assert.deepEqual(leakedWindows(leaf.keyPem, printed + JSON.stringify(first.outputs)), []);
    } finally {
      await double.close();
    }
  });

  it('plan mode changes nothing; an invalid certificate is never sent', async () => {
    const double = await DigitalOceanDouble.start();
    try {
      const base = {
        provider: 'digitalocean',
        'api-token': double.token,
        'api-url': double.url,
        name: 'app',
      };
      const plan = await runAction({
        ...base,
        mode: 'plan',
        certificate: leaf.certPem + intermediate.certPem,
        'private-key': leaf.keyPem,
      });
      assert.equal(plan.code, 0, plan.stdout);
      assert.equal(plan.outputs.status, 'planned');
      assert.match(plan.stdout, /\+ create/);
      assert.equal(double.certificates.all().length, 0);

      const requestsAfterPlan = double.server.requests.length;
      const invalid = await runAction({
        ...base,
        mode: 'apply',
        certificate: leaf.certPem,
        'private-key': otherKey,
      });
      assert.equal(invalid.code, 1);
      assert.equal(invalid.outputs.status, 'invalid');
      assert.equal(
        double.server.requests.length,
        requestsAfterPlan,
        'no request at all for an invalid certificate',
      );
    } finally {
      await double.close();
    }
  });
});

describe('dist/cli/index.js run in a terminal', () => {
  it('exits 0 and prints the facts for a good bundle', async () => {
    const run = await runCli(['validate', '--cert', 'fullchain.pem', '--key', 'privkey.pem'], {}, workspace);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /cert-rotate validate: valid/);
    assert.match(run.stdout, /SHA-256 {4}[0-9a-f]{64}/);
    assert.ok(!run.stdout.includes('\u001b['), 'no colour when stdout is not a terminal');
    assert.doesNotMatch(run.stdout, /^::/m, 'no workflow commands in a terminal');
  });

  it('exits 1 with the findings, and prints JSON on request', async () => {
    await writeFile(join(workspace, 'wrongkey.pem'), otherKey);
    const run = await runCli(
      ['validate', '--cert', 'fullchain.pem', '--key', 'wrongkey.pem', '--json'],
      {},
      workspace,
    );
    assert.equal(run.code, 1);
    const report = JSON.parse(run.stdout);
    assert.equal(report.ok, false);
    assert.ok(report.certificates[0].findings.some((f: { code: string }) => f.code === 'KEY_MISMATCH'));
    assert.deepEqual(leakedWindows(otherKey, run.stdout + run.stderr), []);
  });

  it('reads a manifest, with secrets from the environment, and says which line of a bad one is wrong', async () => {
    await writeFile(
      join(workspace, 'certificates.yml'),
      'certificates:\n  - name: app\n    certificate: { file: fullchain.pem }\n    private-key: { env: APP_KEY }\n',
    );
    const good = await runCli(
      ['validate', '--manifest', 'certificates.yml'],
      { APP_KEY: leaf.keyPem },
      workspace,
    );
    assert.equal(good.code, 0, good.stderr);
    assert.match(good.stdout, /cert-rotate validate: valid/);
    const unset = await runCli(['validate', '--manifest', 'certificates.yml'], {}, workspace);
    assert.equal(unset.code, 2);
    assert.match(unset.stderr, /APP_KEY \(certificates\.yml:4, app private-key\)/);
    await writeFile(
      join(workspace, 'broken.yml'),
      'certificates:\n  - name: app\n    cert: { file: fullchain.pem }\n',
    );
    const broken = await runCli(['validate', '--manifest', 'broken.yml'], {}, workspace);
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /broken\.yml:3 certificates\[0\]: unknown key 'cert'/);
  });

  it('reads the key from the environment and exits 2 on usage errors', async () => {
    const fromEnv = await runCli(
      ['validate', '--cert', 'fullchain.pem'],
      { CERT_ROTATE_PRIVATE_KEY: leaf.keyPem },
      workspace,
    );
    assert.equal(fromEnv.code, 0, fromEnv.stderr);
    const unknown = await runCli(['rotate-everything']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown command 'rotate-everything'/);
    const badFlag = await runCli(['validate', '--frobnicate']);
    assert.equal(badFlag.code, 2);
    const missing = await runCli(['validate', '--cert', 'nope.pem'], {}, workspace);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /the file 'nope\.pem' does not exist/);
  });

  it("prints its version, each command's help, and a usage error as one line", async () => {
    const version = await runCli(['--version']);
    assert.equal(version.code, 0, version.stderr);
    assert.equal(version.stdout, `cert-rotate ${VERSION}\n`);
    const help = await runCli(['validate', '--help']);
    assert.equal(help.code, 0, help.stderr);
    assert.match(help.stdout, /^Usage: cert-rotate validate \[options\]/);
    assert.match(help.stdout, /--cert FILE/);
    assert.doesNotMatch(help.stdout, /--provider/);
    assert.match((await runCli(['apply', '--help'])).stdout, /--reload-traefik/);
    const typo = await runCli(['validate', '--kye', 'privkey.pem'], {}, workspace);
    assert.equal(typo.code, 2);
    assert.equal(typo.stdout, '');
    assert.equal(
      typo.stderr,
      'cert-rotate: unknown option --kye (did you mean --key?); see cert-rotate validate --help\n',
    );
    const noToken = await runCli(
      ['plan', '--provider', 'digitalocean', '--name', 'app', '--cert', 'fullchain.pem'],
      {},
      workspace,
    );
    assert.equal(noToken.code, 2);
    assert.equal(
      noToken.stderr,
      'cert-rotate: CERT_ROTATE_API_TOKEN is required for cert-rotate plan. Pass a valid DigitalOcean API token with the scopes certificate:read, load_balancer:read, cdn:read in the environment variable CERT_ROTATE_API_TOKEN.\n',
    );
  });
});
