/**
 * Several targets in one run, through `run()`: two DigitalOcean doubles with their own tokens and
 * a Dokploy double, each with its own client, rate limiter and listing. One target that cannot be
 * rotated (a refused token) is reported as such; the others finish; a re-run writes nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TargetRun } from '../../src/fleet/run-targets.ts';
import { outputsOf } from '../../src/publish.ts';
import { overallStatus } from '../../src/report/report.ts';
import { renderSummary } from '../../src/report/summary.ts';
import { renderText } from '../../src/report/text.ts';
import { run } from '../../src/run.ts';
import { parseSettings, type RawInputs, type RotationSettings } from '../../src/settings.ts';
import { DigitalOceanDouble } from '../../test/doubles/digitalocean.ts';
import { DokployDouble } from '../../test/doubles/dokploy.ts';
import { type Issued, Pki } from '../../test/support/pki.ts';

let pki: Pki;
let leaf: Issued;
let intermediate: Issued;
const KEY = `test-admin-${'k'.repeat(24)}`;

before(async () => {
  pki = await Pki.create();
  const made = await pki.chain(1, { cn: 'app.example.test', dns: ['app.example.test'] });
  leaf = made.leaf;
  intermediate = made.intermediates[0] as Issued;
});
after(() => pki.cleanup());

function rotationOf(raw: RawInputs): RotationSettings {
  const settings = parseSettings({ mode: 'apply', name: 'app', certificate: 'x', ...raw });
  assert.ok(settings.rotation);
  return settings.rotation;
}

describe('several targets in one run', () => {
  it('rotates on each target with its own client; a refused token fails that target only; a re-run writes nothing', async () => {
    const prod = await DigitalOceanDouble.start();
    const staging = await DigitalOceanDouble.start();
    const dokploy = await DokployDouble.start({ keys: [{ key: KEY, organizationId: 'org', role: 'admin' }] });
    const broken = await DigitalOceanDouble.start();
    try {
      const targets: Record<string, RotationSettings> = {
        'do-prod': rotationOf({ provider: 'digitalocean', 'api-url': prod.url, 'api-token': prod.token }),
        'do-staging': rotationOf({
          provider: 'digitalocean',
          'api-url': staging.url,
          'api-token': staging.token,
        }),
        'dokploy-eu': rotationOf({ provider: 'dokploy', 'api-url': dokploy.url, 'api-token': KEY }),
        'do-broken': rotationOf({
          provider: 'digitalocean',
          'api-url': broken.url,
          'api-token': 'dop_v1_not_the_token',
        }),
      };
      const settings = parseSettings({
        mode: 'apply',
        name: 'app',
        certificate: leaf.certPem + intermediate.certPem,
        'private-key': leaf.keyPem,
        provider: 'digitalocean',
        'api-url': prod.url,
        'api-token': prod.token,
        inventory: 'true',
      });
      const deps = {
        cwd: process.cwd(),
        mask: () => {},
        env: {},
        targets: (ready: Parameters<NonNullable<Parameters<typeof run>[1]['targets']>>[0]): TargetRun[] =>
          Object.entries(targets).map(([name, rotation]) => ({ name, rotation, lineages: ready })),
      };
      const { report } = await run(settings, deps);
      assert.deepEqual(
        report.targets?.map((t) => [t.name, t.rotation?.lineages[0]?.status ?? t.error?.code]),
        [
          ['do-prod', 'created'],
          ['do-staging', 'created'],
          ['dokploy-eu', 'created'],
          ['do-broken', 'AUTH'],
        ],
      );
      // Each account got the certificate once, the broken one nothing.
      assert.equal(prod.certificates.all().length, 1);
      assert.equal(staging.certificates.all().length, 1);
      assert.equal(dokploy.certificates('org').length, 1);
      assert.equal(broken.certificates.all().length, 0);
      assert.equal(report.ok, false);
      assert.equal(report.certificates[0]?.outcome, 'failed');
      assert.equal(overallStatus(report), 'failed');
      const summary = renderSummary(report).replace(/<!-- -->/g, '');
      assert.match(summary, /## ✅ Target do-prod: DigitalOcean/);
      assert.match(summary, /## ❌ Target do-broken: DigitalOcean/);
      assert.match(summary, /Not rotated\*\* \(AUTH\)/);
      assert.match(renderText(report, { color: false }), /== Target dokploy-eu: Dokploy at /);
      // The token of the broken target is nowhere in what is shown.
      assert.ok(!JSON.stringify(report).includes('dop_v1_not_the_token'));
      assert.equal(outputsOf(report).changed, 'true');

      // A re-run: every healthy target lists and writes nothing.
      delete targets['do-broken'];
      const again = await run(settings, deps);
      assert.deepEqual(
        again.report.targets?.map((t) => [t.name, t.rotation?.lineages[0]?.status]),
        [
          ['do-prod', 'unchanged'],
          ['do-staging', 'unchanged'],
          ['dokploy-eu', 'unchanged'],
        ],
      );
      assert.equal(again.report.ok, true, renderSummary(again.report));
      assert.equal(outputsOf(again.report).changed, 'false');
    } finally {
      await Promise.all([prod.close(), staging.close(), dokploy.close(), broken.close()]);
    }
  });
});
