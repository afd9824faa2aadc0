/**
 * Nothing that is not ours is moved or removed, against the DigitalOcean double over a real
 * socket: a certificate whose name looks like a version but holds another site's certificate
 * (`web-000000000000`, a timestamp such as `web-202601151200`), and no use is moved to a version
 * that does not cover the names it serves (CDN custom domain, global load balancer domains,
 * a regional load balancer's old certificate's names unless allow-dropped-names).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CheckedBundle } from '../../src/certs/bundle.ts';
import type { Provider } from '../../src/providers/provider.ts';
import { rotationMarkdown, rotationText } from '../../src/report/rotation.ts';
import { DEFAULT_PLAN_OPTIONS, type PlanOptions } from '../../src/rotation/plan.ts';
import { rotate } from '../../src/rotation/rotate.ts';
import { globalLoadBalancer, regionalLoadBalancer } from '../../test/doubles/digitalocean.ts';
import { type Harness, harness } from '../../test/support/digitalocean-harness.ts';
import { Pki } from '../../test/support/pki.ts';
import { bundleOf, nameOf, only, picture, sha1Of, stepsOf, TEMPLATE } from './fixtures.ts';

const LINEAGE = 'web';

function run(
  provider: Provider,
  bundle: CheckedBundle,
  extra: { mode?: 'plan' | 'apply'; plan?: Partial<PlanOptions> } = {},
) {
  return rotate(provider, [{ lineage: LINEAGE, bundle }], {
    mode: extra.mode ?? 'apply',
    template: TEMPLATE,
    plan: { ...DEFAULT_PLAN_OPTIONS, ...extra.plan },
  });
}

function setUp(): Promise<Harness> {
  return harness({ provider: { inUseWait: { initialMs: 1_000, maxMs: 4_000, timeoutMs: 30_000 } } });
}

/** PUTs the double received for one load balancer or CDN endpoint. */
function putsTo(h: Harness, path: string) {
  return h.double.server.requestsTo('PUT', path);
}

describe('certificates whose names look like versions but are not', () => {
  let pki: Pki;
  let v1: CheckedBundle;
  let v2: CheckedBundle;
  /** Another site's certificate, made here: what the foreign name really holds. */
  let shop: CheckedBundle;
  before(async () => {
    pki = await Pki.create();
    [v1, v2, shop] = await Promise.all([bundleOf(pki), bundleOf(pki), bundleOf(pki, ['shop.example.org'])]);
  });
  after(() => pki.cleanup());

  it('web-000000000000 holding another site’s certificate, served by another load balancer: not moved, not removed, reported', async () => {
    const h = await setUp();
    try {
      await run(h.provider, v1);
      const old = h.double.certificates.all()[0]!;
      const ours = h.double.addLoadBalancer(regionalLoadBalancer(old.id, { name: 'web-lb' }));
      const foreign = h.double.addCertificate(`${LINEAGE}-000000000000`, {
        sha1_fingerprint: sha1Of(shop),
        dns_names: ['shop.example.org'],
      });
      const theirs = h.double.addLoadBalancer(regionalLoadBalancer(foreign.id, { name: 'shop-lb' }));

      const result = await run(h.provider, v2);
      const lineage = only(result);
      assert.equal(lineage.status, 'rotated');
      assert.deepEqual(picture(lineage), ['create:done', 'confirm:done', 'rebind:done', 'remove:done']);
      assert.equal(stepsOf(lineage, 'rebind')[0]?.use.id, ours.id);
      assert.equal(stepsOf(lineage, 'remove')[0]?.certificate.id, old.id);

      assert.ok(h.double.certificate(foreign.id), 'the foreign certificate is still there');
      assert.deepEqual(
        putsTo(h, `/v2/load_balancers/${theirs.id}`),
        [],
        'its load balancer was never written',
      );
      assert.deepEqual(
        h.double.loadBalancer(theirs.id)?.forwarding_rules?.map((r) => r.certificate_id ?? ''),
        ['', foreign.id, foreign.id],
      );
      assert.deepEqual(h.double.server.requestsTo('DELETE', `/v2/certificates/${foreign.id}`), []);

      assert.deepEqual(
        lineage.plan.lookalikes?.map((l) => l.certificate.id),
        [foreign.id],
      );
      const note = lineage.attention.find((line) => line.includes(foreign.id));
      assert.ok(note, `reported: ${JSON.stringify(lineage.attention)}`);
      assert.match(note, /web-000000000000 .* is not a version of web/);
      assert.match(note, new RegExp(`SHA-1 000000000000…, but it is listed with SHA-1 ${sha1Of(shop)}`));
      assert.match(note, /shop-lb/);
      assert.match(note, /never moved, never removed/);
      assert.equal(result.inventory.find((i) => i.certificate.id === foreign.id)?.lineage, undefined);
      // Both presentations carry it.
      assert.ok(rotationText(result, { color: false }).some((line) => line.includes('web-000000000000')));
      assert.ok(
        rotationMarkdown(result).some((line) => line.replaceAll('<!-- -->', '').includes('web-000000000000')),
      );
    } finally {
      await h.close();
    }
  });

  it('timestamp names such as web-202601151200 fit {sha1:12}, and are left alone', async () => {
    const h = await setUp();
    try {
      await run(h.provider, v1);
      const old = h.double.certificates.all()[0]!;
      const stamped = h.double.addCertificate(`${LINEAGE}-202601151200`);
      const plan = only(await run(h.provider, v2, { mode: 'plan' }));
      assert.deepEqual(
        plan.plan.steps.map(
          (s) => `${s.op} ${s.op === 'create' ? s.name : s.op === 'rebind' ? s.use.id : s.certificate.id}`,
        ),
        [`create ${nameOf(LINEAGE, v2)}`, `remove ${old.id}`],
      );
      const lineage = only(await run(h.provider, v2));
      assert.deepEqual(picture(lineage), ['create:done', 'confirm:done', 'remove:done']);
      assert.ok(h.double.certificate(stamped.id), 'still there');
      assert.ok(lineage.attention.some((line) => line.includes(`${LINEAGE}-202601151200 (${stamped.id})`)));
    } finally {
      await h.close();
    }
  });
});

describe('a use moves only to a version that covers what it serves', () => {
  let pki: Pki;
  let wide: CheckedBundle;
  let narrow: CheckedBundle;
  let apexOnly: CheckedBundle;
  before(async () => {
    pki = await Pki.create();
    [wide, narrow, apexOnly] = await Promise.all([
      bundleOf(pki), // example.com, *.example.com, app.example.test
      bundleOf(pki, ['app.example.test']),
      bundleOf(pki, ['app.example.test', 'example.com']),
    ]);
  });
  after(() => pki.cleanup());

  it('a CDN endpoint whose custom domain the new version does not cover stays on the old one', async () => {
    const h = await setUp();
    try {
      await run(h.provider, wide);
      const old = h.double.certificates.all()[0]!;
      const cdn = h.double.addCdnEndpoint({
        origin: 'static.nyc3.digitaloceanspaces.com',
        custom_domain: 'static.example.com',
        certificate_id: old.id,
        ttl: 3600,
      });
      const planned = only(await run(h.provider, narrow, { mode: 'plan' }));
      assert.equal(planned.status, 'blocked', 'plan mode says apply cannot finish');
      assert.deepEqual(
        planned.plan.refused?.map((r) => r.uncovered),
        [['static.example.com']],
      );

      const lineage = only(await run(h.provider, narrow));
      assert.equal(lineage.status, 'partial');
      assert.deepEqual(picture(lineage), ['create:done', 'confirm:done', 'rebind:skipped', 'keep:done']);
      const [refused] = stepsOf(lineage, 'rebind');
      assert.equal(refused?.use.id, cdn.id);
      assert.match(
        refused?.outcome.status === 'skipped' ? refused.outcome.why : '',
        /does not cover static\.example\.com/,
      );
      assert.deepEqual(putsTo(h, `/v2/cdn/endpoints/${cdn.id}`), []);
      assert.equal(h.double.cdnEndpoint(cdn.id)?.certificate_id, old.id);
      assert.ok(h.double.certificate(old.id), 'the old version stays: it is still served');
      assert.ok(
        lineage.attention.some((line) => /Issue the certificate for static\.example\.com/.test(line)),
      );
    } finally {
      await h.close();
    }
  });

  it('a global load balancer whose domains are not all covered stays on the old one', async () => {
    const h = await setUp();
    try {
      await run(h.provider, wide);
      const old = h.double.certificates.all()[0]!;
      const glb = h.double.addLoadBalancer(globalLoadBalancer(old.id, { name: 'edge' }));
      const lineage = only(await run(h.provider, apexOnly, { plan: { allowDroppedNames: true } }));
      assert.equal(lineage.status, 'partial');
      assert.deepEqual(
        lineage.plan.refused?.map((r) => r.uncovered),
        [['www.example.com']],
      );
      assert.deepEqual(putsTo(h, `/v2/load_balancers/${glb.id}`), [], 'allow-dropped-names does not apply');
      assert.ok(h.double.certificate(old.id));
    } finally {
      await h.close();
    }
  });

  it('a regional load balancer: refused when the new version drops a name of the old one, unless allow-dropped-names', async () => {
    const h = await setUp();
    try {
      // The old version as DigitalOcean would list it with its names (Let's Encrypt-style listing).
      const old = h.double.addCertificate(nameOf(LINEAGE, wide), {
        sha1_fingerprint: sha1Of(wide),
        dns_names: ['app.example.test', 'www.example.com'],
      });
      const lb = h.double.addLoadBalancer(regionalLoadBalancer(old.id, { name: 'web-lb' }));
      const refused = only(await run(h.provider, narrow));
      assert.equal(refused.status, 'partial');
      assert.deepEqual(
        refused.plan.refused?.map((r) => r.uncovered),
        [['www.example.com']],
      );
      assert.deepEqual(putsTo(h, `/v2/load_balancers/${lb.id}`), []);
      assert.ok(h.double.certificate(old.id));
      assert.ok(refused.attention.some((line) => /allow-dropped-names to true/.test(line)));

      const allowed = only(await run(h.provider, narrow, { plan: { allowDroppedNames: true } }));
      assert.equal(allowed.status, 'rotated');
      assert.deepEqual(picture(allowed), ['unchanged:done', 'rebind:done', 'remove:done']);
      assert.equal(h.double.certificate(old.id), undefined, 'removed once nothing uses it');
    } finally {
      await h.close();
    }
  });

  it('a regional load balancer whose old version lists no names (dns_names [""]) moves, and the step says it was not compared', async () => {
    const h = await setUp();
    try {
      await run(h.provider, wide);
      const old = h.double.certificates.all()[0]!;
      assert.deepEqual(old.dns_names, [''], 'as DigitalOcean lists custom certificates');
      const lb = h.double.addLoadBalancer(regionalLoadBalancer(old.id, { name: 'web-lb' }));
      const lineage = only(await run(h.provider, narrow));
      assert.equal(lineage.status, 'rotated');
      const [moved] = stepsOf(lineage, 'rebind');
      assert.equal(moved?.use.id, lb.id);
      assert.match(
        moved?.outcome.status === 'done' ? (moved.outcome.note ?? '') : '',
        /names not compared: .* listed without DNS names/,
      );
    } finally {
      await h.close();
    }
  });
});
