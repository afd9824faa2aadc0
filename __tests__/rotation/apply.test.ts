/**
 * The rotation against the DigitalOcean double, over a real socket, on a fake clock (polling,
 * backoff and the in-use wait after a rebind take no time). Each test has a double of its own.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CheckedBundle } from '../../src/certs/bundle.ts';
import { createDigitalOceanProvider } from '../../src/providers/digitalocean/provider.ts';
import type { Provider } from '../../src/providers/provider.ts';
import { DEFAULT_PLAN_OPTIONS, type PlanOptions } from '../../src/rotation/plan.ts';
import { type RotationLineage, rotate } from '../../src/rotation/rotate.ts';
import { Redactor } from '../../src/secrets.ts';
import {
  type DigitalOceanDoubleOptions,
  fakeCertificate,
  globalLoadBalancer,
  regionalLoadBalancer,
} from '../../test/doubles/digitalocean.ts';
import { type Harness, harness } from '../../test/support/digitalocean-harness.ts';
import { Pki } from '../../test/support/pki.ts';
import {
  assertPlain,
  bundleOf,
  nameOf,
  only,
  picture,
  sha1Of,
  stepsOf,
  TEMPLATE,
  writes,
} from './fixtures.ts';

const LINEAGE = 'example-com';
const DOKS_TAG = 'k8s:0d8b6d3c-2b1e-4c1e-9f1a-3a1f5e8b7c6d';

function apply(
  provider: Provider,
  lineages: RotationLineage[],
  extra: { mode?: 'plan' | 'apply'; plan?: Partial<PlanOptions>; concurrency?: number } = {},
) {
  return rotate(provider, lineages, {
    mode: extra.mode ?? 'apply',
    template: TEMPLATE,
    plan: { ...DEFAULT_PLAN_OPTIONS, ...extra.plan },
    ...(extra.concurrency === undefined ? {} : { concurrency: extra.concurrency }),
  });
}

const IN_USE_WAIT = { initialMs: 1_000, maxMs: 4_000, timeoutMs: 30_000 };

function setUp(double: DigitalOceanDoubleOptions = {}): Promise<Harness> {
  return harness({
    // DigitalOcean keeps refusing the delete of a certificate for a while after its last user moved.
    double: { stillInUseMs: 8_000, ...double },
    provider: { inUseWait: IN_USE_WAIT },
  });
}

describe('rotation on DigitalOcean', () => {
  let pki: Pki;
  let v1: CheckedBundle;
  let v2: CheckedBundle;
  let v3: CheckedBundle;
  before(async () => {
    pki = await Pki.create();
    [v1, v2, v3] = await Promise.all([bundleOf(pki), bundleOf(pki), bundleOf(pki)]);
  });
  after(() => pki.cleanup());

  it('uploads the first version under its templated name, confirmed and verified', async () => {
    const h = await setUp();
    try {
      const result = await apply(h.provider, [{ lineage: LINEAGE, bundle: v1 }]);
      const lineage = only(result);
      assert.equal(lineage.status, 'created');
      assert.deepEqual(picture(lineage), ['create:done', 'confirm:done']);
      const [stored] = h.double.certificates.all();
      assert.equal(stored?.name, nameOf(LINEAGE, v1));
      assert.equal(stored?.sha1_fingerprint, sha1Of(v1));
      assert.deepEqual(lineage.current, { id: stored?.id, name: stored?.name });
      assert.equal(result.settle, undefined, 'DigitalOcean has nothing to settle');
      assert.equal(writes(h.double.server.requests).length, 1, 'one POST');
      assert.equal(result.requests, h.double.server.requests.length);
      assertPlain(result);
    } finally {
      await h.close();
    }
  });

  it("never replaces or removes DigitalOcean's own Let's Encrypt certificates, whatever their names", async () => {
    const h = await setUp();
    try {
      const managed = h.double.certificates.add(
        fakeCertificate(`${LINEAGE}-0123456789ab`, Date.now(), { type: 'lets_encrypt' }),
      );
      const result = await apply(h.provider, [{ lineage: LINEAGE, bundle: v1 }]);
      assert.equal(only(result).status, 'created');
      assert.deepEqual(picture(only(result)), ['create:done', 'confirm:done']);
      assert.ok(h.double.certificates.peek(managed.id), 'still there');
      assert.equal(result.inventory.find((i) => i.certificate.id === managed.id)?.lineage, undefined);
    } finally {
      await h.close();
    }
  });

  it('a re-run with the same inputs writes nothing and lists only the certificates', async () => {
    const h = await setUp();
    try {
      await apply(h.provider, [{ lineage: LINEAGE, bundle: v1 }]);
      const since = h.double.server.requests.length;
      const again = only(await apply(h.provider, [{ lineage: LINEAGE, bundle: v1 }]));
      assert.equal(again.status, 'unchanged');
      assert.deepEqual(picture(again), ['unchanged:done']);
      assert.deepEqual(writes(h.double.server.requests, since), []);
      const paths = h.double.server.requests.slice(since).map((r) => `${r.method} ${r.path}`);
      // ⌈remote/200⌉ list requests: with no superseded version, where certificates are used
      // does not matter, so load balancers and CDN endpoints are not listed.
      assert.deepEqual(paths, ['GET /v2/certificates']);
    } finally {
      await h.close();
    }
  });

  it('rotates: a regional LB, a global LB and a CDN endpoint move to the new version, the old one goes', async () => {
    const h = await setUp();
    try {
      await apply(h.provider, [{ lineage: LINEAGE, bundle: v1 }]);
      const old = h.double.certificates.all()[0]!;
      const regional = h.double.addLoadBalancer(regionalLoadBalancer(old.id, { name: 'regional' }));
      const global = h.double.addLoadBalancer(globalLoadBalancer(old.id, { name: 'global' }));
      const cdn = h.double.addCdnEndpoint({
        origin: 'static.nyc3.digitaloceanspaces.com',
        custom_domain: 'static.example.com',
        certificate_id: old.id,
      });

      const result = await apply(h.provider, [{ lineage: LINEAGE, bundle: v2 }]);
      const lineage = only(result);
      assert.equal(lineage.status, 'rotated');
      assert.deepEqual(picture(lineage), [
        'create:done',
        'confirm:done',
        'rebind:done',
        'rebind:done',
        'rebind:done',
        'remove:done',
      ]);
      const current = h.double.certificates.all().find((c) => c.sha1_fingerprint === sha1Of(v2));
      assert.ok(current);
      assert.equal(current.name, nameOf(LINEAGE, v2));
      assert.deepEqual(
        h.double.certificates.all().map((c) => c.id),
        [current.id],
      );
      const rules = h.double.loadBalancer(regional.id)?.forwarding_rules ?? [];
      assert.deepEqual(
        rules.flatMap((r) => (r.certificate_id ? [r.certificate_id] : [])),
        [current.id, current.id],
      );
      assert.deepEqual(
        h.double.loadBalancer(global.id)?.domains?.map((d) => d.certificate_id),
        [current.id, current.id],
      );
      assert.equal(h.double.cdnEndpoint(cdn.id)?.certificate_id, current.id);
      for (const step of stepsOf(lineage, 'rebind')) {
        assert.deepEqual(step.to, { id: current.id, name: current.name });
        assert.equal(step.from.id, old.id);
      }
      assert.deepEqual(stepsOf(lineage, 'remove')[0]?.result, 'removed');
      assert.ok(
        h.debug.some((line) => line.includes('may not have caught up')),
        'the delete waited out DigitalOcean',
      );
      assertPlain(result);

      const since = h.double.server.requests.length;
      assert.equal(only(await apply(h.provider, [{ lineage: LINEAGE, bundle: v2 }])).status, 'unchanged');
      assert.deepEqual(writes(h.double.server.requests, since), []);
    } finally {
      await h.close();
    }
  });

  it('keep-superseded 1 keeps the newest superseded version for rollback and removes the rest', async () => {
    const h = await setUp();
    try {
      await apply(h.provider, [{ lineage: LINEAGE, bundle: v1 }]);
      h.clock.advance(60_000);
      await apply(h.provider, [{ lineage: LINEAGE, bundle: v2 }], { plan: { removeSuperseded: false } });
      h.clock.advance(60_000);
      const lineage = only(
        await apply(h.provider, [{ lineage: LINEAGE, bundle: v3 }], { plan: { keepSuperseded: 1 } }),
      );
      assert.equal(lineage.status, 'rotated');
      assert.deepEqual(picture(lineage), ['create:done', 'confirm:done', 'remove:done', 'keep:done']);
      assert.equal(stepsOf(lineage, 'remove')[0]?.certificate.name, nameOf(LINEAGE, v1));
      assert.equal(stepsOf(lineage, 'keep')[0]?.certificate.name, nameOf(LINEAGE, v2));
      assert.deepEqual(lineage.attention, [], 'a rollback copy nothing uses needs no attention');
      assert.deepEqual(
        h.double.certificates
          .all()
          .map((c) => c.name)
          .sort(),
        [nameOf(LINEAGE, v2), nameOf(LINEAGE, v3)].sort(),
      );
    } finally {
      await h.close();
    }
  });

  it('leaves a foreign certificate alone, even one with the same fingerprint that a load balancer uses', async () => {
    const h = await setUp();
    try {
      const foreign = h.double.addCertificate('hand-made', { sha1_fingerprint: sha1Of(v1) });
      const lb = h.double.addLoadBalancer(regionalLoadBalancer(foreign.id, { name: 'by-hand' }));
      const first = only(await apply(h.provider, [{ lineage: LINEAGE, bundle: v1 }]));
      assert.equal(first.status, 'created', 'the lineage gets a version of its own');
      assert.equal(first.plan.foreign, 1);
      const second = only(await apply(h.provider, [{ lineage: LINEAGE, bundle: v2 }]));
      assert.equal(second.status, 'rotated');
      assert.ok(h.double.certificate(foreign.id), 'still there');
      assert.ok(
        h.double.loadBalancer(lb.id)?.forwarding_rules?.some((r) => r.certificate_id === foreign.id),
        'its load balancer not moved',
      );
      assert.ok(
        h.double.server.requests.every((r) => !r.path.includes(foreign.id) && !r.path.includes(lb.id)),
        'never addressed',
      );
    } finally {
      await h.close();
    }
  });

  it('keeps the old version a DOKS-managed load balancer uses, and says so; the others move', async () => {
    const h = await setUp();
    try {
      await apply(h.provider, [{ lineage: LINEAGE, bundle: v1 }]);
      const old = h.double.certificates.all()[0]!;
      const plain = h.double.addLoadBalancer(regionalLoadBalancer(old.id, { name: 'plain' }));
      const doks = h.double.addLoadBalancer(
        regionalLoadBalancer(old.id, { name: 'a1b2c3', tags: [DOKS_TAG] }),
      );
      const lineage = only(await apply(h.provider, [{ lineage: LINEAGE, bundle: v2 }]));
      assert.equal(lineage.status, 'rotated');
      assert.deepEqual(picture(lineage), ['create:done', 'confirm:done', 'rebind:done', 'keep:done']);
      assert.equal(stepsOf(lineage, 'rebind')[0]?.use.id, plain.id);
      assert.match(stepsOf(lineage, 'keep')[0]?.reason ?? '', /kubernetes/);
      assert.equal(lineage.attention.length, 1);
      assert.match(lineage.attention[0] ?? '', new RegExp(`${old.id}.*a1b2c3`));
      assert.ok(h.double.certificate(old.id), 'the old version stays');
      assert.deepEqual(h.double.server.requestsTo('PUT', `/v2/load_balancers/${doks.id}`), []);
    } finally {
      await h.close();
    }
  });

  it('a rebind that keeps failing: nothing it guards is removed, the run is partial, a clean re-run finishes', async () => {
    const h = await setUp();
    try {
      await apply(h.provider, [{ lineage: LINEAGE, bundle: v1 }]);
      const old = h.double.certificates.all()[0]!;
      const lb = h.double.addLoadBalancer(regionalLoadBalancer(old.id, { name: 'stuck' }));
      const cdn = h.double.addCdnEndpoint({
        origin: 'static.nyc3.digitaloceanspaces.com',
        custom_domain: 'static.example.com',
        certificate_id: old.id,
      });
      h.double.server.inject({
        method: 'PUT',
        path: `/v2/load_balancers/${lb.id}`,
        times: Number.POSITIVE_INFINITY,
        fault: { kind: 'status', status: 503, body: { id: 'service_unavailable', message: 'try later' } },
      });

      const first = only(await apply(h.provider, [{ lineage: LINEAGE, bundle: v2 }]));
      assert.equal(first.status, 'partial');
      assert.deepEqual(picture(first), [
        'create:done',
        'confirm:done',
        'rebind:failed',
        'rebind:done',
        'remove:skipped',
      ]);
      const failed = stepsOf(first, 'rebind').find((s) => s.use.id === lb.id)?.outcome;
      assert.equal(failed?.status === 'failed' && failed.code, 'UNAVAILABLE');
      const skipped = stepsOf(first, 'remove')[0]?.outcome;
      assert.match(
        skipped?.status === 'skipped' ? skipped.why : '',
        /rebind of load balancer stuck .* failed/,
      );
      assert.ok(h.double.certificate(old.id), 'the old version still serves the load balancer');
      assert.deepEqual(h.double.server.requestsTo('DELETE', /^\/v2\/certificates\//), []);
      assert.ok(h.double.loadBalancer(lb.id)?.forwarding_rules?.some((r) => r.certificate_id === old.id));

      h.double.server.clearFaults();
      const second = only(await apply(h.provider, [{ lineage: LINEAGE, bundle: v2 }]));
      assert.equal(second.status, 'rotated');
      assert.deepEqual(picture(second), ['unchanged:done', 'rebind:done', 'remove:done']);
      assert.equal(h.double.certificate(old.id), undefined);
      assert.equal(h.double.cdnEndpoint(cdn.id)?.certificate_id, second.current?.id);
    } finally {
      await h.close();
    }
  });

  it('NAME_TAKEN: another run uploaded the same content first, so its certificate is adopted', async () => {
    const h = await setUp();
    try {
      await apply(h.provider, [{ lineage: LINEAGE, bundle: v1 }]);
      const old = h.double.certificates.all()[0]!;
      h.double.addLoadBalancer(regionalLoadBalancer(old.id, { name: 'web' }));
      // The other run's POST lands first: ours is handled as a second one and refused.
      h.double.server.inject({
        method: 'POST',
        path: '/v2/certificates',
        fault: {
          kind: 'status',
          status: 422,
          afterHandling: true,
          body: { id: 'unprocessable_entity', message: 'name is not unique' },
        },
      });
      const lineage = only(await apply(h.provider, [{ lineage: LINEAGE, bundle: v2 }]));
      assert.equal(lineage.status, 'rotated');
      assert.deepEqual(picture(lineage), ['create:adopted', 'confirm:done', 'rebind:done', 'remove:done']);
      const adopted = stepsOf(lineage, 'create')[0]?.outcome;
      assert.match(adopted?.status === 'adopted' ? adopted.why : '', /another run/);
      const all = h.double.certificates.all();
      assert.equal(all.length, 1);
      assert.equal(all[0]?.sha1_fingerprint, sha1Of(v2));
      assert.deepEqual(lineage.current, { id: all[0]?.id, name: nameOf(LINEAGE, v2) });
    } finally {
      await h.close();
    }
  });

  it('NAME_TAKEN by other content: the create fails clearly, nothing is moved or removed', async () => {
    const h = await setUp();
    try {
      await apply(h.provider, [{ lineage: LINEAGE, bundle: v1 }]);
      const old = h.double.certificates.all()[0]!;
      const lb = h.double.addLoadBalancer(regionalLoadBalancer(old.id, { name: 'web' }));
      // Between the plan and the create, something else takes the name with other content.
      const racing: Provider = {
        ...h.provider,
        create: (upload) => {
          h.double.addCertificate(upload.name);
          return h.provider.create(upload);
        },
      };
      const lineage = only(await apply(racing, [{ lineage: LINEAGE, bundle: v2 }]));
      assert.equal(lineage.status, 'failed');
      assert.deepEqual(picture(lineage), ['create:failed', 'rebind:skipped', 'remove:skipped']);
      const failed = stepsOf(lineage, 'create')[0]?.outcome;
      assert.equal(failed?.status === 'failed' && failed.code, 'NAME_TAKEN');
      assert.match(failed?.status === 'failed' ? failed.message : '', /not this upload/);
      assert.equal(lineage.current, undefined);
      assert.ok(h.double.certificate(old.id));
      assert.ok(h.double.loadBalancer(lb.id)?.forwarding_rules?.some((r) => r.certificate_id === old.id));
    } finally {
      await h.close();
    }
  });

  it('a remove answered 404 counts as removed', async () => {
    const h = await setUp();
    try {
      await apply(h.provider, [{ lineage: LINEAGE, bundle: v1 }]);
      const old = h.double.certificates.all()[0]!;
      h.double.server.inject({
        method: 'DELETE',
        path: `/v2/certificates/${old.id}`,
        fault: {
          kind: 'status',
          status: 404,
          body: { id: 'not_found', message: 'The resource you were accessing could not be found.' },
        },
      });
      const lineage = only(await apply(h.provider, [{ lineage: LINEAGE, bundle: v2 }]));
      assert.equal(lineage.status, 'rotated');
      assert.equal(stepsOf(lineage, 'remove')[0]?.result, 'already-gone');
      assert.equal(stepsOf(lineage, 'remove')[0]?.outcome.status, 'done');
    } finally {
      await h.close();
    }
  });

  it('plan mode sends only GETs and says what apply would do', async () => {
    const h = await setUp();
    try {
      await apply(h.provider, [{ lineage: LINEAGE, bundle: v1 }]);
      const old = h.double.certificates.all()[0]!;
      h.double.addLoadBalancer(regionalLoadBalancer(old.id, { name: 'web' }));
      const since = h.double.server.requests.length;
      const result = await apply(h.provider, [{ lineage: LINEAGE, bundle: v2 }], { mode: 'plan' });
      const lineage = only(result);
      assert.equal(result.mode, 'plan');
      assert.equal(lineage.status, 'planned');
      assert.equal(lineage.steps, undefined);
      assert.deepEqual(
        lineage.plan.steps.map((s) => s.op),
        ['create', 'rebind', 'remove'],
      );
      assert.deepEqual(writes(h.double.server.requests, since), []);
      assert.equal(result.requests, 3);
      assert.deepEqual(
        h.double.certificates.all().map((c) => c.id),
        [old.id],
      );
      assertPlain(result);
    } finally {
      await h.close();
    }
  });

  it('many lineages: one listing for all, at most `concurrency` at a time', async () => {
    const h = await setUp();
    try {
      const bundles = await Promise.all(Array.from({ length: 5 }, () => bundleOf(pki)));
      const lineages = bundles.map((bundle, i) => ({ lineage: `site-${i}`, bundle }));
      let running = 0;
      let most = 0;
      const counting: Provider = {
        ...h.provider,
        create: async (upload) => {
          running++;
          most = Math.max(most, running);
          try {
            return await h.provider.create(upload);
          } finally {
            running--;
          }
        },
      };
      const first = await apply(counting, lineages, { concurrency: 2 });
      assert.deepEqual(
        first.lineages.map((l) => [l.lineage, l.status]),
        lineages.map((l) => [l.lineage, 'created']),
      );
      assert.equal(most, 2);
      const listings = h.double.server.requestsTo('GET', '/v2/certificates').length;
      assert.equal(listings, 1, 'one inventory for all lineages');
      const readBacks = h.double.server.requests.filter(
        (r) => r.method === 'GET' && /^\/v2\/certificates\/[^/]+$/.test(r.path),
      );
      assert.equal(readBacks.length, 5, 'each upload confirmed by reading it back (names are unique)');

      const since = h.double.server.requests.length;
      const again = await apply(h.provider, lineages);
      assert.ok(again.lineages.every((l) => l.status === 'unchanged'));
      assert.equal(h.double.server.requestsTo('GET', '/v2/certificates').length, listings + 1);
      assert.deepEqual(writes(h.double.server.requests, since), []);
    } finally {
      await h.close();
    }
  });

  it('two runs at once on one lineage end with exactly one current certificate', async () => {
    // Two runs with one token share the CDN's 5 requests per 10 s, which each run's own pacer
    // cannot see: a CDN 429 then waits out the 10 s window (the limit stays on here).
    const h = await setUp();
    try {
      await apply(h.provider, [{ lineage: LINEAGE, bundle: v1 }]);
      const old = h.double.certificates.all()[0]!;
      const lb = h.double.addLoadBalancer(regionalLoadBalancer(old.id, { name: 'web' }));
      const cdn = h.double.addCdnEndpoint({
        origin: 'static.nyc3.digitaloceanspaces.com',
        custom_domain: 'static.example.com',
        certificate_id: old.id,
      });
      const other = createDigitalOceanProvider({
        token: h.double.token,
        baseUrl: h.double.url,
        redactor: new Redactor(),
        clock: h.clock,
        polling: { intervalMs: 2_000, timeoutMs: 120_000 },
        inUseWait: IN_USE_WAIT,
      });
      h.double.server.latencyMs = 15;
      const runs = await Promise.all([
        apply(h.provider, [{ lineage: LINEAGE, bundle: v2 }]),
        apply(other, [{ lineage: LINEAGE, bundle: v2 }]),
      ]);
      h.double.server.latencyMs = 0;
      for (const run of runs) assert.equal(only(run).status, 'rotated', JSON.stringify(only(run).steps));
      const creates = runs.map((run) => stepsOf(only(run), 'create')[0]?.outcome.status).sort();
      assert.deepEqual(creates, ['adopted', 'done'], 'one uploaded, the other adopted it');
      const all = h.double.certificates.all();
      assert.deepEqual(
        all.map((c) => [c.name, c.sha1_fingerprint]),
        [[nameOf(LINEAGE, v2), sha1Of(v2)]],
      );
      for (const run of runs) assert.deepEqual(only(run).current, { id: all[0]?.id, name: all[0]?.name });
      assert.ok(h.double.loadBalancer(lb.id)?.forwarding_rules?.every((r) => r.certificate_id !== old.id));
      assert.equal(h.double.cdnEndpoint(cdn.id)?.certificate_id, all[0]?.id);

      const since = h.double.server.requests.length;
      assert.equal(only(await apply(h.provider, [{ lineage: LINEAGE, bundle: v2 }])).status, 'unchanged');
      assert.deepEqual(writes(h.double.server.requests, since), []);
    } finally {
      await h.close();
    }
  });

  it('an ambiguous create is never answered with a foreign certificate of the same content', async () => {
    const h = await setUp();
    try {
      const foreign = h.double.addCertificate('hand-made', { sha1_fingerprint: sha1Of(v1) });
      // A 500 on the upload: it may have landed, so the provider looks for the fingerprint.
      h.double.server.inject({
        method: 'POST',
        path: '/v2/certificates',
        fault: { kind: 'status', status: 500, body: { id: 'server_error', message: 'oops' } },
      });
      const first = only(await apply(h.provider, [{ lineage: LINEAGE, bundle: v1 }]));
      // The listing shows no certificate under the name sent: the upload did not land, so it is
      // sent again; the foreign certificate of the same content is never taken for it.
      assert.equal(first.status, 'created');
      assert.equal(first.current?.name, nameOf(LINEAGE, v1));
      assert.notEqual(first.current?.id, foreign.id);
      assert.equal(h.double.server.requestsTo('POST', '/v2/certificates').length, 2);
      assert.ok(h.double.certificate(foreign.id), 'the foreign certificate is left alone');
    } finally {
      await h.close();
    }
  });

  it('blocks a lineage whose name is taken by other content, and lineages whose names overlap', async () => {
    const h = await setUp();
    try {
      const squatter = h.double.addCertificate(nameOf(LINEAGE, v1));
      h.double.addCertificate('web-0123456789ab');
      const result = await apply(h.provider, [
        { lineage: LINEAGE, bundle: v1 },
        { lineage: 'web', bundle: v2 },
        { lineage: 'web-0123456789ab', bundle: v3 },
      ]);
      assert.deepEqual(
        result.lineages.map((l) => [l.lineage, l.status, l.steps]),
        [
          [LINEAGE, 'blocked', []],
          ['web', 'blocked', []],
          ['web-0123456789ab', 'blocked', []],
        ],
      );
      assert.match(result.lineages[0]?.plan.blocked ?? '', new RegExp(squatter.id));
      assert.match(result.lineages[1]?.plan.blocked ?? '', /fits lineages web and web-0123456789ab/);
      assert.deepEqual(writes(h.double.server.requests), []);
    } finally {
      await h.close();
    }
  });

  it('refuses inputs it cannot rotate before sending anything', async () => {
    const h = await setUp();
    try {
      const unchecked: CheckedBundle = { ...v1, ok: false };
      const { upload: _upload, ...keyless } = v1;
      const cases: [RotationLineage[], RegExp][] = [
        [[{ lineage: LINEAGE, bundle: unchecked }], /did not pass its checks/],
        [[{ lineage: LINEAGE, bundle: keyless }], /no private key/],
        [
          [
            { lineage: LINEAGE, bundle: v1 },
            { lineage: LINEAGE, bundle: v2 },
          ],
          /given twice/,
        ],
        [[{ lineage: 'no spaces', bundle: v1 }], /Invalid name/],
      ];
      for (const [lineages, message] of cases) {
        await assert.rejects(apply(h.provider, lineages), (thrown: Error) => {
          assert.equal(thrown.name, 'InputError');
          assert.match(thrown.message, message);
          return true;
        });
      }
      await assert.rejects(
        rotate(h.provider, [{ lineage: LINEAGE, bundle: v1 }], {
          mode: 'apply',
          template: '{name}',
          plan: DEFAULT_PLAN_OPTIONS,
        }),
        /fingerprint/,
      );
      assert.deepEqual(h.double.server.requests, []);
    } finally {
      await h.close();
    }
  });

  it('two lineages on one load balancer: their rebinds take turns, so neither undoes the other', async () => {
    const h = await setUp();
    try {
      const [a1, a2, b1, b2] = await Promise.all([
        bundleOf(pki),
        bundleOf(pki),
        bundleOf(pki),
        bundleOf(pki),
      ]);
      await apply(h.provider, [
        { lineage: 'site-a', bundle: a1 },
        { lineage: 'site-b', bundle: b1 },
      ]);
      const idOf = (bundle: CheckedBundle) =>
        h.double.certificates.all().find((c) => c.sha1_fingerprint === sha1Of(bundle))?.id;
      const rule = (port: number, certificate_id: string | undefined) => ({
        entry_protocol: 'https',
        entry_port: port,
        target_protocol: 'http',
        target_port: 8080,
        certificate_id,
      });
      const lb = h.double.addLoadBalancer(
        regionalLoadBalancer('', { forwarding_rules: [rule(443, idOf(a1)), rule(8443, idOf(b1))] }),
      );
      h.double.server.latencyMs = 10;
      const result = await apply(h.provider, [
        { lineage: 'site-a', bundle: a2 },
        { lineage: 'site-b', bundle: b2 },
      ]);
      h.double.server.latencyMs = 0;
      assert.deepEqual(
        result.lineages.map((l) => l.status),
        ['rotated', 'rotated'],
        JSON.stringify(result.lineages.map((l) => l.steps)),
      );
      assert.deepEqual(
        h.double.loadBalancer(lb.id)?.forwarding_rules?.map((r) => r.certificate_id),
        [idOf(a2), idOf(b2)],
      );
    } finally {
      await h.close();
    }
  });
});
