/**
 * Apply with the live check, end to end through `run()`: the doubles serve TLS by SNI on
 * loopback, the endpoints are pinned to them with `resolve`, and the served chain is trusted
 * through `trusted-ca` (the test's own root). What must hold: nothing superseded is removed until
 * every endpoint serves the new certificate; a stale endpoint fails the step and keeps them; a
 * rollback moves the load balancer back; Dokploy's stale Traefik is healed by a reload.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { outputsOf } from '../../src/publish.ts';
import { renderSummary } from '../../src/report/summary.ts';
import { run } from '../../src/run.ts';
import { parseSettings, type RawInputs } from '../../src/settings.ts';
import {
  DigitalOceanDouble,
  globalLoadBalancer,
  regionalLoadBalancer,
} from '../../test/doubles/digitalocean.ts';
import { DokployDouble } from '../../test/doubles/dokploy.ts';
import { type Issued, Pki } from '../../test/support/pki.ts';
import { fingerprintOf } from '../../test/support/served-leaf.ts';

const HOST = 'app.example.com';
let pki: Pki;
let root: Issued;
let intermediate: Issued;
let v1: Issued;
let v2: Issued;

before(async () => {
  pki = await Pki.create();
  const made = await pki.chain(1, { cn: HOST, dns: [HOST, 'example.com', 'www.example.com'] });
  root = made.root;
  intermediate = made.intermediates[0] as Issued;
  v1 = made.leaf;
  v2 = await pki.leaf(intermediate, { cn: HOST, dns: [HOST, 'example.com', 'www.example.com'] });
});
after(() => pki.cleanup());

const sha1 = (issued: Issued) => fingerprintOf(issued.certDer);

/** No test reaches real DNS: a name not pinned fails to resolve. */
const noDns = async (host: string): Promise<never> => {
  throw new Error(`${host} is not in the test's DNS`);
};

function inputs(version: Issued, extra: RawInputs): RawInputs {
  return {
    mode: 'apply',
    name: 'example-com',
    certificate: version.certPem + intermediate.certPem,
    'private-key': version.keyPem,
    'trusted-ca': root.certPem,
    ...extra,
  };
}

async function apply(raw: RawInputs) {
  const settings = parseSettings(raw);
  return run(settings, {
    cwd: process.cwd(),
    mask: () => {},
    env: {},
    verification: { lookup: noDns, initialDelayMs: 200, maxDelayMs: 1000 },
  });
}

describe('apply verifies what clients are served, then removes', () => {
  it('DigitalOcean: the load balancer serves the new version at once; verified, then the old one goes', async () => {
    const double = await DigitalOceanDouble.start({ loadBalancers: { settleMs: 0, globalBindMs: 0 } });
    try {
      const endpoint = `${HOST}:${double.tlsPort}`;
      const provider = {
        provider: 'digitalocean',
        'api-url': double.url,
        'api-token': double.token,
        endpoints: endpoint,
        resolve: `${endpoint}:${double.tlsAddress}`,
      };
      // Nothing serves the first version until a load balancer uses it: not checked.
      const first = await apply(inputs(v1, { ...provider, verify: 'false' }));
      assert.equal(first.report.ok, true, renderSummary(first.report));
      const old = double.certificates.all()[0];
      assert.ok(old);
      const lb = double.addLoadBalancer(regionalLoadBalancer(old.id, { name: 'web' }));

      const { report } = await apply(inputs(v2, provider));
      assert.equal(report.ok, true, renderSummary(report));
      const outputs = outputsOf(report);
      assert.equal(outputs.verified, 'true');
      const rows = JSON.parse(outputs.endpoints) as { sha1: string; matches: boolean; address: string }[];
      assert.deepEqual(
        rows.map((r) => [r.address, r.sha1, r.matches]),
        [[double.tlsAddress, sha1(v2), true]],
      );
      const steps = report.rotation?.lineages[0]?.steps?.map((s) => `${s.op}:${s.outcome.status}`);
      // The check comes after the rebind and before the removal.
      assert.deepEqual(steps, ['create:done', 'confirm:done', 'rebind:done', 'verify:done', 'remove:done']);
      assert.deepEqual(
        double.certificates.all().map((c) => c.sha1_fingerprint),
        [sha1(v2)],
      );
      assert.ok(double.loadBalancer(lb.id));
    } finally {
      await double.close();
    }
  });

  it('DigitalOcean: a global load balancer that stays stale fails the step, and nothing superseded is removed', async () => {
    const double = await DigitalOceanDouble.start({
      loadBalancers: { settleMs: 0, globalBindMs: 0, globalServeMs: 600_000 },
    });
    try {
      const endpoint = `www.example.com:${double.tlsPort}`;
      const provider = {
        provider: 'digitalocean',
        'api-url': double.url,
        'api-token': double.token,
        endpoints: endpoint,
        resolve: `${endpoint}:${double.tlsAddress}`,
        'verify-timeout-seconds': '1',
      };
      await apply(inputs(v1, { ...provider, verify: 'false' }));
      const old = double.certificates.all()[0];
      assert.ok(old);
      double.addLoadBalancer(globalLoadBalancer(old.id, { name: 'edge' }));

      const { report } = await apply(inputs(v2, provider));
      assert.equal(report.ok, false);
      const lineage = report.rotation?.lineages[0];
      assert.equal(lineage?.status, 'partial');
      const verify = lineage?.steps?.find((s) => s.op === 'verify');
      assert.equal(verify?.outcome.status, 'failed');
      assert.match(
        verify?.outcome.status === 'failed' ? verify.outcome.message : '',
        new RegExp(
          `www\\.example\\.com:${double.tlsPort} at ${double.tlsAddress.replace(/\./g, '\\.')}: the superseded version example-com-[0-9a-f]{12} \\(SHA-1 ${sha1(v1)}`,
        ),
      );
      const removal = lineage?.steps?.find((s) => s.op === 'remove');
      assert.equal(removal?.outcome.status, 'skipped');
      // Both versions are still there; the outputs say so.
      assert.equal(double.certificates.all().length, 2);
      const outputs = outputsOf(report);
      assert.equal(outputs.verified, 'false');
      assert.equal(outputs.removed, '[]');
      assert.match(renderSummary(report), /superseded version/);
    } finally {
      await double.close();
    }
  });

  it('DigitalOcean: on-verify-failure rollback moves the load balancer back to the previous version', async () => {
    const double = await DigitalOceanDouble.start({
      loadBalancers: { settleMs: 0, globalBindMs: 0, globalServeMs: 600_000 },
    });
    try {
      const endpoint = `www.example.com:${double.tlsPort}`;
      const provider = {
        provider: 'digitalocean',
        'api-url': double.url,
        'api-token': double.token,
        endpoints: endpoint,
        resolve: `${endpoint}:${double.tlsAddress}`,
        'verify-timeout-seconds': '0',
        'on-verify-failure': 'rollback',
      };
      await apply(inputs(v1, { ...provider, verify: 'false' }));
      const old = double.certificates.all()[0];
      assert.ok(old);
      const lb = double.addLoadBalancer(globalLoadBalancer(old.id, { name: 'edge' }));

      const { report } = await apply(inputs(v2, provider));
      assert.equal(report.ok, false);
      const steps = report.rotation?.lineages[0]?.steps?.map((s) => `${s.op}:${s.outcome.status}`);
      assert.deepEqual(steps, [
        'create:done',
        'confirm:done',
        'rebind:done',
        'verify:failed',
        'rollback:done',
        'remove:skipped',
      ]);
      const domains = double.loadBalancer(lb.id)?.domains?.map((d) => d.certificate_id);
      assert.deepEqual(domains, [old.id, old.id]);
      assert.equal(double.certificates.all().length, 2);
    } finally {
      await double.close();
    }
  });
});

describe('apply on Dokploy: a stale Traefik', () => {
  const KEY = `test-admin-${'k'.repeat(24)}`;
  async function start(prefers: 'first' | 'last') {
    return DokployDouble.start({
      keys: [{ key: KEY, organizationId: 'org-a', role: 'admin' }],
      traefikStale: true,
      traefikPrefers: prefers,
    });
  }
  const dokploy = (double: DokployDouble, extra: RawInputs = {}): RawInputs => {
    const endpoint = `${HOST}:${double.tlsPort}`;
    return {
      provider: 'dokploy',
      'api-url': double.url,
      'api-token': KEY,
      endpoints: endpoint,
      resolve: `${endpoint}:${double.tlsAddress}`,
      'verify-timeout-seconds': '1',
      ...extra,
    };
  };

  it('without reload-traefik: Traefik serves its default certificate, the step fails and says to reload', async () => {
    const double = await start('last');
    try {
      const { report } = await apply(inputs(v1, dokploy(double)));
      assert.equal(report.ok, false);
      const verify = report.rotation?.lineages[0]?.steps?.find((s) => s.op === 'verify');
      assert.equal(verify?.outcome.status, 'failed');
      const outcome = verify?.outcome.status === 'failed' ? verify.outcome : undefined;
      assert.match(outcome?.message ?? '', /Traefik's default certificate/);
      assert.match(outcome?.fix ?? '', /set reload-traefik to true/);
      assert.equal(double.reloads.length, 0);
    } finally {
      await double.close();
    }
  });

  it('with reload-traefik: one reload after the upload heals it, and the superseded version goes after the check', async () => {
    const double = await start('last');
    try {
      const raw = dokploy(double, { 'reload-traefik': 'true' });
      const first = await apply(inputs(v1, raw));
      assert.equal(first.report.ok, true, renderSummary(first.report));
      assert.equal(double.reloads.length, 1);
      const { report } = await apply(inputs(v2, raw));
      assert.equal(report.ok, true, renderSummary(report));
      const steps = report.rotation?.lineages[0]?.steps?.map((s) => `${s.op}:${s.outcome.status}`);
      assert.deepEqual(steps, ['create:done', 'confirm:done', 'verify:done', 'remove:done']);
      assert.equal(double.reloads.length, 2);
      assert.deepEqual(
        double.certificates('org-a').map((row) => row.name.slice(-12)),
        [sha1(v2).slice(0, 12)],
      );
      assert.equal(outputsOf(report).verified, 'true');
    } finally {
      await double.close();
    }
  });

  it('when Traefik prefers the superseded version while both are there: handed over (removed, reloaded) and checked again', async () => {
    const double = await start('first');
    try {
      const raw = dokploy(double, { 'reload-traefik': 'true' });
      await apply(inputs(v1, raw));
      const { report } = await apply(inputs(v2, raw));
      assert.equal(report.ok, true, renderSummary(report));
      const lineage = report.rotation?.lineages[0];
      const steps = lineage?.steps?.map((s) => `${s.op}:${s.outcome.status}`);
      assert.deepEqual(steps, ['create:done', 'confirm:done', 'remove:done', 'verify:done']);
      const verify = lineage?.steps?.find((s) => s.op === 'verify');
      assert.match(
        verify?.outcome.status === 'done' ? (verify.outcome.note ?? '') : '',
        /kept serving a superseded version/,
      );
      // Upload reload, the reload that did not help, the reload without the old version.
      assert.equal(double.reloads.length, 1 + 3);
      assert.equal(outputsOf(report).verified, 'true');
    } finally {
      await double.close();
    }
  });
});
