/**
 * The same problem, worded for each surface: the action names its inputs (and secrets, and the
 * workflow); the terminal command names its flags and CERT_ROTATE_* variables and never an input
 * or a workflow. Both run the real engine on certificates made here, from files on disk.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseCommandLine } from '../src/cli/args.ts';
import { messageWithFix } from '../src/errors.ts';
import { run } from '../src/run.ts';
import { parseSettings, type RawInputs, type Settings } from '../src/settings.ts';
import { DigitalOceanDouble } from '../test/doubles/digitalocean.ts';
import { type Issued, Pki } from '../test/support/pki.ts';

let pki: Pki;
let dir: string;
let chain: { root: Issued; intermediates: Issued[]; leaf: Issued };

before(async () => {
  pki = await Pki.create();
  dir = await mkdtemp(join(tmpdir(), 'cert-rotate-words-'));
  chain = await pki.chain(2, { cn: 'words.example.test', dns: ['words.example.test'] });
  const [near, far] = chain.intermediates;
  await writeFile(join(dir, 'fullchain.pem'), chain.leaf.certPem + near!.certPem + far!.certPem);
  await writeFile(join(dir, 'shuffled.pem'), far!.certPem + chain.leaf.certPem + near!.certPem);
  await writeFile(join(dir, 'privkey.pem'), chain.leaf.keyPem);
  await writeFile(
    join(dir, 'encrypted.pem'),
    await pki.encryptKey(chain.leaf.keyPem, 'Pass-Phrase-1', 'pkcs8'),
  );
  await writeFile(join(dir, 'site.p12'), await pki.pkcs12(chain.leaf, { password: 'P12-Password-1' }));
  await writeFile(
    join(dir, 'certificates.yml'),
    'certificates:\n  - name: app\n    certificate: { file: fullchain.pem }\n    private-key: { env: APP_KEY }\n',
  );
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
  await pki.cleanup();
});

/** Every message and fix a run produced (findings), or the error it ended with. */
async function said(settings: Settings): Promise<string> {
  try {
    const { report } = await run(settings, { cwd: dir, mask: () => {}, env: {} });
    return report.certificates
      .flatMap((c) => c.findings.map((f) => `${f.code}: ${f.message} ${f.fix}`))
      .join('\n');
  } catch (thrown) {
    return messageWithFix(thrown);
  }
}

async function command(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  const parsed = parseCommandLine(argv, env);
  assert.equal(parsed.kind, 'run', JSON.stringify(parsed));
  const text = await said((parsed as { settings: Settings }).settings);
  assert.doesNotMatch(text, /\binput\b|workflow|\bsecrets?\b|runner|mode:/, text);
  return text;
}

async function action(raw: RawInputs): Promise<string> {
  return said(parseSettings({ mode: 'validate', ...raw }));
}

describe('the terminal names flags and variables; the action names inputs', () => {
  it('an encrypted key without its passphrase', async () => {
    assert.match(
      await command(['validate', '--cert', 'fullchain.pem', '--key', 'encrypted.pem']),
      /KEY_PASSPHRASE_NEEDED: .* Pass the passphrase in the environment variable CERT_ROTATE_KEY_PASSPHRASE, or decrypt/,
    );
    assert.match(
      await action({ 'certificate-file': 'fullchain.pem', 'private-key-file': 'encrypted.pem' }),
      /KEY_PASSPHRASE_NEEDED: .* Pass the passphrase in the key-passphrase input \(from a secret\), or decrypt/,
    );
  });

  it('a PKCS#12 file without its password', async () => {
    assert.match(
      await command(['validate', '--pkcs12', 'site.p12']),
      /PKCS12_PASSWORD_NEEDED: .* Pass its password in the environment variable CERT_ROTATE_PKCS12_PASSWORD\./,
    );
    assert.match(
      await action({ 'pkcs12-file': 'site.p12' }),
      /PKCS12_PASSWORD_NEEDED: .* Pass its password in the pkcs12-password input \(from a secret\)\./,
    );
  });

  it('a chain out of order with the repair turned off', async () => {
    assert.match(
      await command(['validate', '--cert', 'shuffled.pem', '--key', 'privkey.pem', '--no-repair-chain']),
      /CHAIN_ORDER: .*; or leave out --no-repair-chain to have it reordered\./,
    );
    assert.match(
      await action({
        'certificate-file': 'shuffled.pem',
        'private-key-file': 'privkey.pem',
        'repair-chain': 'false',
      }),
      /CHAIN_ORDER: .*; or set repair-chain to true to have it reordered\./,
    );
  });

  it('no private key, and names the certificate must cover', async () => {
    const terminal = await command([
      'validate',
      '--cert',
      'fullchain.pem',
      '--domains',
      'other.example.test',
    ]);
    assert.match(
      terminal,
      /NO_PRIVATE_KEY: .* Pass the private key \(PEM\) with --key FILE, or a PKCS#12 file/,
    );
    assert.match(terminal, /HOSTNAME_NOT_COVERED: .*or fix the list given with --domains LIST\./);
    const workflow = await action({ 'certificate-file': 'fullchain.pem', domains: 'other.example.test' });
    assert.match(
      workflow,
      /NO_PRIVATE_KEY: .* Pass the private key \(PEM\) in the private-key input \(from a secret\)/,
    );
    assert.match(workflow, /HOSTNAME_NOT_COVERED: .*or fix the list given in the domains input\./);
  });

  it('a path given where the PEM itself belongs', async () => {
    assert.match(
      await command(['validate'], { CERT_ROTATE_CERTIFICATE: 'fullchain.pem' }),
      /NOT_PEM: The CERT_ROTATE_CERTIFICATE value looks like a file name, not certificate data\. Pass the path with --cert FILE instead/,
    );
    assert.match(
      await action({ certificate: 'fullchain.pem' }),
      /NOT_PEM: The certificate input looks like a file name, not certificate data\. Pass the path in the certificate-file input instead/,
    );
  });

  it('a file that does not exist', async () => {
    assert.match(
      await command(['validate', '--cert', 'nope.pem']),
      /^--cert: the file 'nope\.pem' does not exist .* relative paths start at the current folder,/,
    );
    assert.match(
      await action({ 'certificate-file': 'nope.pem' }),
      /^certificate-file: the file 'nope\.pem' does not exist .* relative paths start at the workspace \(the repository checkout\),/,
    );
  });

  it("a manifest's environment variable that is not set", async () => {
    assert.match(
      await command(['validate', '--manifest', 'certificates.yml']),
      /APP_KEY .*Set each one in the environment of the command/s,
    );
    assert.match(await action({ manifest: 'certificates.yml' }), /APP_KEY .*in its env: block/s);
  });

  it('no certificate at all', () => {
    const parsed = parseCommandLine(['validate'], {});
    assert.equal(parsed.kind, 'input-error');
    assert.doesNotMatch((parsed as { message: string }).message, /workflow|secret|\binput\b/);
    assert.throws(
      () => parseSettings({ mode: 'validate' }),
      (e: unknown) =>
        /certificate-file \(a PEM file\) or certificate \(the PEM itself\).* passed to this workflow/.test(
          messageWithFix(e),
        ),
    );
  });

  it('a token DigitalOcean refuses: plan asks for the read scopes, apply for all, each in its own words', async () => {
    const double = await DigitalOceanDouble.start();
    try {
      const wrong = 'dop_v1_not-a-token-the-double-knows';
      const args = ['--cert', 'fullchain.pem', '--key', 'privkey.pem', '--name', 'app'];
      const provider = ['--provider', 'digitalocean', '--api-url', double.url];
      // A listing refused ends the run: the command prints the error and its fix.
      const reported = async (settings: Settings) =>
        run(settings, { cwd: dir, mask: () => {}, env: {} }).then(
          ({ report }) => JSON.stringify(report),
          (thrown: unknown) => messageWithFix(thrown),
        );
      const terminal = parseCommandLine(['plan', ...args, ...provider], { CERT_ROTATE_API_TOKEN: wrong });
      assert.equal(terminal.kind, 'run');
      const plan = await reported((terminal as { settings: Settings }).settings);
      assert.ok(
        plan.includes(
          'Pass a valid DigitalOcean API token with the scopes certificate:read, load_balancer:read, cdn:read in the environment variable CERT_ROTATE_API_TOKEN.',
        ),
        plan,
      );
      const inputs: RawInputs = {
        'certificate-file': 'fullchain.pem',
        'private-key-file': 'privkey.pem',
        name: 'app',
        provider: 'digitalocean',
        'api-url': double.url,
        'api-token': wrong,
      };
      const actionPlan = await reported(parseSettings({ ...inputs, mode: 'plan' }));
      assert.ok(actionPlan.includes('cdn:read in the api-token input (from a secret).'), actionPlan);
      assert.ok(!actionPlan.includes('certificate:create'), actionPlan);
      const actionApply = await reported(parseSettings({ ...inputs, mode: 'apply' }));
      assert.ok(actionApply.includes('certificate:create, certificate:delete'), actionApply);
    } finally {
      await double.close();
    }
  });
});
