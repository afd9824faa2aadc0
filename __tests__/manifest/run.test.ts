/**
 * Manifest runs end to end through `run()`: files and environment variables read, every entry
 * checked, the valid ones rotated on the DigitalOcean double over loopback, the rest never sent.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { InputError } from '../../src/errors.ts';
import { outputsOf } from '../../src/publish.ts';
import { expiringSoon, verdict } from '../../src/report/report.ts';
import { renderSummary } from '../../src/report/summary.ts';
import { run } from '../../src/run.ts';
import { parseSettings, type RawInputs } from '../../src/settings.ts';
import { DigitalOceanDouble } from '../../test/doubles/digitalocean.ts';
import { type Issued, Pki } from '../../test/support/pki.ts';

const DAY = 86_400_000;
let pki: Pki;
let workspace: string;
let good: { leaf: Issued; intermediate: Issued };
let soon: Issued;

const MANIFEST = `version: 1
certificates:
  - name: app
    domains: [app.example.test]
    certificate: { file: app/fullchain.pem }
    private-key: { env: APP_KEY }
  - name: soon
    certificate: { env: SOON_CERT }
    private-key: { file: soon/key.pem }
`;

before(async () => {
  pki = await Pki.create();
  workspace = await mkdtemp(join(tmpdir(), 'cert-rotate-manifest-'));
  const made = await pki.chain(1, { dns: ['app.example.test'] });
  good = { leaf: made.leaf, intermediate: made.intermediates[0]! };
  soon = await pki.leaf(made.intermediates[0]!, {
    cn: 'soon.example.test',
    notAfter: new Date(Date.now() + 3 * DAY),
  });
  await mkdir(join(workspace, 'certs/app'), { recursive: true });
  await mkdir(join(workspace, 'certs/soon'), { recursive: true });
  await writeFile(join(workspace, 'certs/app/fullchain.pem'), good.leaf.certPem + good.intermediate.certPem);
  await writeFile(join(workspace, 'certs/soon/key.pem'), soon.keyPem);
  await writeFile(join(workspace, 'certs/manifest.yml'), MANIFEST);
});

after(async () => {
  await pki.cleanup();
  await rm(workspace, { recursive: true, force: true });
});

function env(): Record<string, string> {
  return { APP_KEY: good.leaf.keyPem, SOON_CERT: soon.certPem + good.intermediate.certPem };
}

describe('manifest runs', () => {
  it('validates every entry, reading files next to the manifest and secrets from the environment', async () => {
    const masked: string[] = [];
    const settings = parseSettings({ mode: 'validate', manifest: 'certs/manifest.yml' });
    const { report } = await run(settings, { cwd: workspace, mask: (s) => masked.push(s), env: env() });
    assert.deepEqual(
      report.certificates.map((c) => [c.label, c.outcome]),
      [
        ['app', 'valid'],
        ['soon', 'invalid'],
      ],
    );
    assert.ok(report.certificates[1]?.findings.some((f) => f.code === 'EXPIRES_SOON'));
    assert.equal(report.ok, false);
    assert.match(verdict(report), /^2 certificates: 1 invalid, 1 valid/);
    // Both keys were masked: the one from the environment and the one from a file.
    assert.ok(masked.includes(good.leaf.keyPem));
    assert.ok(masked.includes(soon.keyPem));
    assert.deepEqual(
      expiringSoon(report).map((e) => [e.what, e.source]),
      [['soon', 'checked']],
    );
    const outputs = outputsOf(report);
    assert.equal(outputs.status, 'invalid');
    assert.equal(outputs['fingerprint-sha1'], '', 'no single fingerprint for a manifest run');
    assert.equal(outputs['days-remaining'], String(report.certificates[1]?.leaf?.daysRemaining));
    const summary = renderSummary(report);
    assert.match(summary, /\| app \| app\.example\.test \|/);
    assert.match(summary, /```mermaid\ngantt/);
    assert.match(summary, /soon \(2 d\) :crit, /);
  });

  it('rotates the valid entries and never sends the invalid one', async () => {
    const double = await DigitalOceanDouble.start();
    try {
      const raw: RawInputs = {
        mode: 'apply',
        manifest: 'certs/manifest.yml',
        provider: 'digitalocean',
        'api-token': double.token,
        'api-url': double.url,
        inventory: 'true',
      };
      // One entry fails its checks: the status says so in plan and apply, whatever the others did.
      const plan = await run(parseSettings({ ...raw, mode: 'plan' }), {
        cwd: workspace,
        mask: () => {},
        env: env(),
      });
      assert.deepEqual(
        plan.report.certificates.map((c) => c.outcome),
        ['planned', 'invalid'],
      );
      assert.equal(outputsOf(plan.report).status, 'invalid');
      const { report } = await run(parseSettings(raw), { cwd: workspace, mask: () => {}, env: env() });
      assert.equal(outputsOf(report).status, 'invalid');
      assert.deepEqual(
        report.certificates.map((c) => [c.label, c.outcome]),
        [
          ['app', 'created'],
          ['soon', 'invalid'],
        ],
      );
      assert.deepEqual(
        double.certificates.all().map((c) => c.name.replace(/-[0-9a-f]{12}$/, '')),
        ['app'],
      );
      assert.equal(report.ok, false, 'an invalid entry fails the run even though the others went ahead');
      assert.equal(outputsOf(report).changed, 'true');
      // The inventory is what the provider holds after the run: the upload is in it.
      assert.deepEqual(
        report.inventory?.map((e) => [e.lineage, e.change, e.id === double.certificates.all()[0]?.id]),
        [['app', 'added', true]],
      );

      const again = await run(parseSettings(raw), { cwd: workspace, mask: () => {}, env: env() });
      assert.deepEqual(
        again.report.inventory?.map((e) => [e.lineage, e.daysRemaining !== undefined]),
        [['app', true]],
      );
      assert.equal(again.report.certificates[0]?.outcome, 'unchanged');
    } finally {
      await double.close();
    }
  });

  it('names every environment variable that is missing, with its manifest line', async () => {
    const settings = parseSettings({ mode: 'validate', manifest: 'certs/manifest.yml' });
    await assert.rejects(
      run(settings, { cwd: workspace, mask: () => {}, env: {} }),
      (error: unknown) =>
        error instanceof InputError &&
        error.message.includes('APP_KEY (certs/manifest.yml:6, app private-key)') &&
        error.message.includes('SOON_CERT (certs/manifest.yml:8, soon certificate)') &&
        /env: block/.test(error.fix ?? ''),
    );
  });

  it('on a pull request without secrets, validates what it can and says what it skipped', async () => {
    const settings = parseSettings(
      { mode: 'apply', manifest: 'certs/manifest.yml', provider: 'digitalocean' },
      { pullRequest: true },
    );
    assert.equal(settings.mode, 'validate');
    const { report } = await run(settings, { cwd: workspace, mask: () => {}, env: {} });
    assert.deepEqual(
      report.certificates.map((c) => [c.label, c.outcome]),
      [['app', 'valid']],
      'the key was not required: it is a secret the pull request cannot see',
    );
    assert.ok(!report.certificates[0]?.findings.some((f) => f.code === 'NO_PRIVATE_KEY'));
    assert.equal(report.ok, true);
    assert.deepEqual(
      report.skipped.map((s) => s.split(':')[0]),
      ['apply', 'plan', 'app', 'soon'],
    );
    assert.match(renderSummary(report), /⏭️ soon: not validated/);
  });

  it('refuses a manifest beside single-certificate inputs', () => {
    assert.throws(
      () => parseSettings({ mode: 'validate', manifest: 'm.yml', 'private-key': 'x' }),
      (e: unknown) => e instanceof InputError && /Both manifest and private-key are set/.test(e.message),
    );
  });
});
