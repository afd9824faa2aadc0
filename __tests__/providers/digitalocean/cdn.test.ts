import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { harness } from '../../../test/support/digitalocean-harness.ts';
import { rejection } from '../../../test/support/rejection.ts';

const ORIGIN = 'static.nyc3.digitaloceanspaces.com';

describe('DigitalOcean rebind: CDN endpoints', () => {
  it('sends certificate, custom domain and the current ttl, so the ttl is kept', async () => {
    const h = await harness();
    try {
      const old = h.double.addCertificate('old');
      const next = h.double.addCertificate('new');
      const endpoint = h.double.addCdnEndpoint({
        origin: ORIGIN,
        custom_domain: 'static.example.com',
        certificate_id: old.id,
        ttl: 86400,
      });
      const [use] = await h.provider.uses!();
      assert.deepEqual(use, {
        kind: 'cdn-endpoint',
        id: endpoint.id,
        name: 'static.example.com',
        certificateIds: [old.id],
        hostnames: [{ hostname: 'static.example.com', certificateId: old.id }],
      });
      const moved = await h.provider.rebind!(use!, old.id, next.id);
      assert.deepEqual(moved.certificateIds, [next.id]);
      assert.deepEqual(h.double.cdnEndpoint(endpoint.id), { ...endpoint, certificate_id: next.id });
      const [put] = h.double.server.requestsTo('PUT', `/v2/cdn/endpoints/${endpoint.id}`);
      assert.deepEqual(put?.body, {
        certificate_id: next.id,
        custom_domain: 'static.example.com',
        ttl: 86400,
      });
    } finally {
      await h.close();
    }
  });

  it('stays under the CDN limit (5 requests per 10 s) however many endpoints there are', async () => {
    const h = await harness();
    try {
      const old = h.double.addCertificate('old');
      const next = h.double.addCertificate('new');
      for (let i = 0; i < 8; i++) {
        h.double.addCdnEndpoint({
          origin: `s${i}.${ORIGIN}`,
          custom_domain: `s${i}.example.com`,
          certificate_id: old.id,
        });
      }
      const started = h.clock.now();
      for (const use of await h.provider.uses!()) await h.provider.rebind!(use, old.id, next.id);
      const cdn = h.double.server
        .requestsTo('GET', /^\/v2\/cdn\//)
        .concat(h.double.server.requestsTo('PUT', /^\/v2\/cdn\//));
      assert.equal(cdn.length, 17);
      assert.ok(cdn.every((r) => r.reply?.status === 200));
      assert.ok(h.clock.now() - started >= 30_000, 'spaced out: 17 requests need three more windows');
      assert.ok(h.double.cdn.all().every((e) => e.certificate_id === next.id));
    } finally {
      await h.close();
    }
  });

  it('without the pacing, the CDN 429s (no retry-after) are backed off until the window frees', async () => {
    const h = await harness({ provider: { cdnLimit: { requests: 100, windowMs: 10_000 } } });
    try {
      const old = h.double.addCertificate('old');
      const next = h.double.addCertificate('new');
      for (let i = 0; i < 6; i++) {
        h.double.addCdnEndpoint({
          origin: `s${i}.${ORIGIN}`,
          custom_domain: `s${i}.example.com`,
          certificate_id: old.id,
        });
      }
      const uses = await h.provider.uses!();
      await Promise.all(uses.map((use) => h.provider.rebind!(use, old.id, next.id)));
      const refused = h.double.server.requests.filter((r) => r.reply?.status === 429);
      assert.ok(refused.length > 0, 'the CDN limit was hit: this is what the pacing avoids');
      // Each refused request waits out the CDN window (10 s), not the hourly ratelimit-reset.
      assert.ok(h.clock.sleeps.includes(10_000), `slept ${h.clock.sleeps.join(', ')} ms`);
      assert.ok(Math.max(...h.clock.sleeps) < 30_000, `slept ${Math.max(...h.clock.sleeps)} ms at most`);
    } finally {
      await h.close();
    }
  });

  it('an endpoint already moved is left alone; one on another certificate is NOT_FOUND', async () => {
    const h = await harness();
    try {
      const old = h.double.addCertificate('old');
      const next = h.double.addCertificate('new');
      const endpoint = h.double.addCdnEndpoint({
        origin: ORIGIN,
        custom_domain: 'static.example.com',
        certificate_id: old.id,
      });
      const [use] = await h.provider.uses!();
      await h.provider.rebind!(use!, old.id, next.id);
      await h.provider.rebind!(use!, old.id, next.id);
      assert.equal(h.double.server.requestsTo('PUT', `/v2/cdn/endpoints/${endpoint.id}`).length, 1);
      assert.equal((await rejection(h.provider.rebind!(use!, 'a', 'b'))).providerCode, 'NOT_FOUND');
    } finally {
      await h.close();
    }
  });

  it('a custom domain changed since the rotation looked is not moved unchecked: no PUT', async () => {
    const h = await harness();
    try {
      const old = h.double.addCertificate('old');
      const next = h.double.addCertificate('new');
      const endpoint = h.double.addCdnEndpoint({
        origin: ORIGIN,
        custom_domain: 'static.example.com',
        certificate_id: old.id,
      });
      const [use] = await h.provider.uses!();
      // Someone points the endpoint at another site between the plan and the move.
      h.double.cdn.byId.get(endpoint.id)!.custom_domain = 'shop.example.org';
      const refused = await rejection(h.provider.rebind!(use!, old.id, next.id));
      assert.equal(refused.providerCode, 'NOT_FOUND');
      assert.match(refused.message, /now serves shop\.example\.org/);
      assert.match(refused.fix ?? '', /run again/);
      assert.deepEqual(h.double.server.requestsTo('PUT', `/v2/cdn/endpoints/${endpoint.id}`), []);
    } finally {
      await h.close();
    }
  });
});

describe('DigitalOcean CDN endpoints: details from public issues', () => {
  it("an endpoint on 'needs-cloudflare-cert' is no use of any certificate, and a rebind never touches it", async () => {
    const h = await harness();
    try {
      const old = h.double.addCertificate('old');
      const next = h.double.addCertificate('new');
      const managed = h.double.addCdnEndpoint({
        origin: `managed.${ORIGIN}`,
        custom_domain: 'managed.example.com',
        certificate_id: 'needs-cloudflare-cert',
      });
      const ours = h.double.addCdnEndpoint({
        origin: ORIGIN,
        custom_domain: 'static.example.com',
        certificate_id: old.id,
      });
      const uses = await h.provider.uses!();
      assert.deepEqual(
        uses.map((use) => use.id),
        [ours.id],
      );
      const asIfListed = {
        kind: 'cdn-endpoint' as const,
        id: managed.id,
        name: 'managed.example.com',
        certificateIds: ['needs-cloudflare-cert'],
      };
      const refused = await rejection(h.provider.rebind!(asIfListed, 'needs-cloudflare-cert', next.id));
      assert.equal(refused.providerCode, 'BAD_REQUEST');
      assert.match(refused.message, /'needs-cloudflare-cert' is not a certificate/);
      assert.equal(h.double.server.requestsTo('GET', `/v2/cdn/endpoints/${managed.id}`).length, 0);
      assert.equal(h.double.server.requestsTo('PUT', `/v2/cdn/endpoints/${managed.id}`).length, 0);
      assert.equal(h.double.cdnEndpoint(managed.id)?.certificate_id, 'needs-cloudflare-cert');
    } finally {
      await h.close();
    }
  });

  for (const body of [
    { id: 'invalid-cert', message: 'invalid certificate issued by Cloudflare origin CA' },
    { id: 'unprocessable_entity', message: 'invalid certificate issued by Cloudflare origin CA' },
  ]) {
    it(`a Cloudflare Origin CA certificate refused with 422 (id ${body.id}) says why and what to do`, async () => {
      const h = await harness();
      try {
        const old = h.double.addCertificate('old');
        const next = h.double.addCertificate('origin-ca');
        const endpoint = h.double.addCdnEndpoint({
          origin: ORIGIN,
          custom_domain: 'static.example.com',
          certificate_id: old.id,
        });
        h.double.server.inject({
          method: 'PUT',
          path: `/v2/cdn/endpoints/${endpoint.id}`,
          fault: { kind: 'status', status: 422, body },
        });
        const [use] = await h.provider.uses!();
        const error = await rejection(h.provider.rebind!(use!, old.id, next.id));
        assert.equal(error.providerCode, 'BAD_REQUEST');
        assert.equal(error.status, 422);
        assert.match(error.message, /invalid certificate issued by Cloudflare origin CA/);
        assert.match(error.message, /Cloudflare's Origin CA, which only Cloudflare's own edge trusts/);
        assert.match(error.fix ?? '', /publicly trusted CA/);
        assert.equal(h.double.cdnEndpoint(endpoint.id)?.certificate_id, old.id, 'left as it was');
      } finally {
        await h.close();
      }
    });
  }
});
