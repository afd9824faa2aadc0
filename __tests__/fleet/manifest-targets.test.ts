/**
 * The fleet, from a manifest's `targets:`, end to end through `run()`: two DigitalOcean
 * accounts with their own tokens and a Dokploy server; one certificate to all three, one to one
 * account only. It rotates, re-runs without a write, survives one target failing, and its plan's
 * matrix drives shard runs that leave what one run leaves.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { outputsOf } from '../../src/publish.ts';
import { renderSummary } from '../../src/report/summary.ts';
import { run } from '../../src/run.ts';
import { parseSettings, type RawInputs } from '../../src/settings.ts';
import { DigitalOceanDouble } from '../../test/doubles/digitalocean.ts';
import { DokployDouble } from '../../test/doubles/dokploy.ts';
import { type Issued, Pki } from '../../test/support/pki.ts';

const KEY = `test-admin-${'e'.repeat(24)}`;
let pki: Pki;
let workspace: string;
let wildcard: Issued;
let api: Issued;

before(async () => {
  pki = await Pki.create();
  workspace = await mkdtemp(join(tmpdir(), 'cert-rotate-fleet-'));
  const made = await pki.chain(1, { cn: '*.example.test', dns: ['*.example.test', 'example.test'] });
  wildcard = made.leaf;
  api = await pki.leaf(made.intermediates[0] as Issued, { cn: 'api.example.test' });
  const chain = (made.intermediates[0] as Issued).certPem;
  await writeFile(join(workspace, 'wildcard.pem'), wildcard.certPem + chain);
  await writeFile(join(workspace, 'api.pem'), api.certPem + chain);
});
after(async () => {
  await pki.cleanup();
  await rm(workspace, { recursive: true, force: true });
});

async function fleet(prod: DigitalOceanDouble, staging: DigitalOceanDouble, dokploy: DokployDouble) {
  await writeFile(
    join(workspace, 'certs.yml'),
    [
      'version: 1',
      'targets:',
      `  do-prod:    { provider: digitalocean, api-url: ${prod.url}, api-token: { env: DO_PROD_TOKEN } }`,
      `  do-staging: { provider: digitalocean, api-url: ${staging.url}, api-token: { env: DO_STAGING_TOKEN } }`,
      `  dokploy-eu: { provider: dokploy, api-url: ${dokploy.url}, api-token: { env: DOKPLOY_EU_KEY }, reload-traefik: true }`,
      'certificates:',
      '  - name: wildcard-example-test',
      '    targets: [do-prod, do-staging, dokploy-eu]',
      '    certificate: { file: wildcard.pem }',
      '    private-key: { env: WILDCARD_KEY }',
      '  - name: api-example-test',
      '    targets: [do-prod]',
      '    certificate: { file: api.pem }',
      '    private-key: { env: API_KEY }',
      '',
    ].join('\n'),
  );
}

function env(
  prod: DigitalOceanDouble,
  staging: DigitalOceanDouble,
  stagingToken?: string,
): Record<string, string> {
  return {
    DO_PROD_TOKEN: prod.token,
    DO_STAGING_TOKEN: stagingToken ?? staging.token,
    DOKPLOY_EU_KEY: KEY,
    WILDCARD_KEY: wildcard.keyPem,
    API_KEY: api.keyPem,
  };
}

function go(raw: RawInputs, vars: Record<string, string>) {
  const masked: string[] = [];
  const settings = parseSettings({ manifest: 'certs.yml', verify: 'false', ...raw });
  return run(settings, { cwd: workspace, mask: (s) => masked.push(s), env: vars }).then((r) => ({
    ...r,
    masked,
  }));
}

const state = (prod: DigitalOceanDouble, staging: DigitalOceanDouble, dokploy: DokployDouble) => ({
  prod: prod.certificates
    .all()
    .map((c) => c.name)
    .sort(),
  staging: staging.certificates
    .all()
    .map((c) => c.name)
    .sort(),
  dokploy: dokploy
    .certificates('org')
    .map((c) => c.name)
    .sort(),
});

describe('a fleet from the manifest', () => {
  it('rotates each certificate on its targets, re-runs with no write, and survives one target failing', async () => {
    const prod = await DigitalOceanDouble.start();
    const staging = await DigitalOceanDouble.start();
    const dokploy = await DokployDouble.start({ keys: [{ key: KEY, organizationId: 'org', role: 'admin' }] });
    try {
      await fleet(prod, staging, dokploy);
      const bad = await go({ mode: 'apply' }, env(prod, staging, 'dop_v1_refused_token_for_staging'));
      assert.equal(bad.report.ok, false);
      assert.deepEqual(
        bad.report.targets?.map((t) => [
          t.name,
          t.error?.code ?? t.rotation?.lineages.map((l) => l.status).join(),
        ]),
        [
          ['do-prod', 'created,created'],
          ['do-staging', 'AUTH'],
          ['dokploy-eu', 'created'],
        ],
      );
      assert.equal(staging.certificates.all().length, 0);
      // Every token was masked as it was read; none shows in the report.
      assert.ok(bad.masked.includes(prod.token) && bad.masked.includes(KEY));
      assert.ok(!JSON.stringify(bad.report).includes(prod.token));

      const good = await go({ mode: 'apply' }, env(prod, staging));
      assert.equal(good.report.ok, true, renderSummary(good.report));
      const after = state(prod, staging, dokploy);
      assert.equal(after.prod.length, 2);
      assert.equal(after.staging.length, 1);
      assert.equal(after.dokploy.length, 1);

      const again = await go({ mode: 'apply' }, env(prod, staging));
      assert.equal(outputsOf(again.report).changed, 'false');
      assert.deepEqual(state(prod, staging, dokploy), after);
    } finally {
      await Promise.all([prod.close(), staging.close(), dokploy.close()]);
    }
  });

  it("the plan's matrix drives shard runs that together leave what one run leaves", async () => {
    const whole = [await DigitalOceanDouble.start(), await DigitalOceanDouble.start()] as const;
    const wholeDokploy = await DokployDouble.start({
      keys: [{ key: KEY, organizationId: 'org', role: 'admin' }],
    });
    const parts = [await DigitalOceanDouble.start(), await DigitalOceanDouble.start()] as const;
    const partsDokploy = await DokployDouble.start({
      keys: [{ key: KEY, organizationId: 'org', role: 'admin' }],
    });
    try {
      await fleet(whole[0], whole[1], wholeDokploy);
      assert.equal((await go({ mode: 'apply' }, env(whole[0], whole[1]))).report.ok, true);
      const one = state(whole[0], whole[1], wholeDokploy);

      await fleet(parts[0], parts[1], partsDokploy);
      const plan = await go({ mode: 'plan' }, env(parts[0], parts[1]));
      const matrix = JSON.parse(outputsOf(plan.report).matrix) as {
        include: { shard: string; lineages: number }[];
      };
      assert.deepEqual(
        matrix.include.map((m) => [m.shard, m.lineages]),
        [
          ['do-prod', 2],
          ['do-staging', 1],
          ['dokploy-eu', 1],
        ],
      );
      for (const { shard } of matrix.include) {
        const part = await go({ mode: 'apply', shard }, env(parts[0], parts[1]));
        assert.equal(part.report.ok, true, `${shard}: ${renderSummary(part.report)}`);
      }
      assert.deepEqual(state(parts[0], parts[1], partsDokploy), one);
      // A validate run (no token read) gives the same matrix.
      const validate = await go({ mode: 'validate' }, env(parts[0], parts[1]));
      assert.deepEqual(JSON.parse(outputsOf(validate.report).matrix), matrix);
    } finally {
      await Promise.all([...whole, wholeDokploy, ...parts, partsDokploy].map((d) => d.close()));
    }
  });
});
