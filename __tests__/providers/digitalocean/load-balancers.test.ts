import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LoadBalancer } from '../../../src/providers/digitalocean/contracts.ts';
import type { CertificateUse } from '../../../src/providers/provider.ts';
import { createDigitalOceanProvider } from '../../../src/providers/digitalocean/provider.ts';
import { Redactor } from '../../../src/secrets.ts';
import {
  BUSY_MESSAGE,
  DigitalOceanDouble,
  globalLoadBalancer,
  regionalLoadBalancer,
} from '../../../test/doubles/digitalocean.ts';
import { type Harness, harness } from '../../../test/support/digitalocean-harness.ts';
import { rejection } from '../../../test/support/rejection.ts';

/** The load balancer with one certificate id put back: what "nothing else changed" compares. */
function withCertificate(lb: LoadBalancer | undefined, from: string, to: string): unknown {
  return JSON.parse(JSON.stringify(lb).replaceAll(`"${from}"`, `"${to}"`));
}

async function useOf(h: Harness, id: string): Promise<CertificateUse> {
  const use = (await h.provider.uses!()).find((u) => u.id === id);
  assert.ok(use, `use ${id} listed`);
  return use;
}

describe('DigitalOcean uses', () => {
  it('finds regional (forwarding rules), global (domains) and CDN (endpoint) uses, with the names they serve, and marks DOKS ones', async () => {
    const h = await harness();
    try {
      const a = h.double.addCertificate('a');
      const b = h.double.addCertificate('b');
      const c = h.double.addCertificate('c');
      const regional = h.double.addLoadBalancer(regionalLoadBalancer(a.id, { name: 'regional' }));
      const global = h.double.addLoadBalancer(globalLoadBalancer(b.id, { name: 'global' }));
      const doks = h.double.addLoadBalancer(
        regionalLoadBalancer(a.id, { name: 'a1b2c3', tags: ['k8s:0d8b6d3c-2b1e-4c1e-9f1a-3a1f5e8b7c6d'] }),
      );
      h.double.addLoadBalancer(
        regionalLoadBalancer('', {
          name: 'tcp-only',
          forwarding_rules: [
            { entry_protocol: 'tcp', entry_port: 22, target_protocol: 'tcp', target_port: 22 },
          ],
        }),
      );
      const cdn = h.double.addCdnEndpoint({
        origin: 'static.nyc3.digitaloceanspaces.com',
        custom_domain: 'static.example.com',
        certificate_id: c.id,
      });
      h.double.addCdnEndpoint({ origin: 'plain.nyc3.digitaloceanspaces.com' });
      const uses = await h.provider.uses!();
      assert.deepEqual(
        uses.sort((x, y) => x.name.localeCompare(y.name)),
        [
          {
            kind: 'load-balancer',
            id: doks.id,
            name: 'a1b2c3',
            certificateIds: [a.id],
            managedBy: 'kubernetes',
          },
          {
            kind: 'global-load-balancer',
            id: global.id,
            name: 'global',
            certificateIds: [b.id],
            // What a move must keep covered: the domains, each with its certificate.
            hostnames: [
              { hostname: 'example.com', certificateId: b.id },
              { hostname: 'www.example.com', certificateId: b.id },
            ],
          },
          // A regional load balancer names no hostnames: it serves what its certificate holds.
          { kind: 'load-balancer', id: regional.id, name: 'regional', certificateIds: [a.id] },
          {
            kind: 'cdn-endpoint',
            id: cdn.id,
            name: 'static.example.com',
            certificateIds: [c.id],
            hostnames: [{ hostname: 'static.example.com', certificateId: c.id }],
          },
        ],
      );
      assert.equal(h.double.server.requestsTo('GET', '/v2/load_balancers')[0]?.query.get('per_page'), '200');
    } finally {
      await h.close();
    }
  });

  it('reads every page of load balancers', async () => {
    const h = await harness();
    try {
      const cert = h.double.addCertificate('a');
      for (let i = 0; i < 205; i++) h.double.addLoadBalancer(regionalLoadBalancer(cert.id));
      assert.equal((await h.provider.uses!()).length, 205);
      assert.equal(h.double.server.requestsTo('GET', '/v2/load_balancers').length, 2);
    } finally {
      await h.close();
    }
  });
});

describe('DigitalOcean rebind: load balancers', () => {
  it('changes nothing but the certificate: the PUT carries every attribute back', async () => {
    const h = await harness();
    try {
      const old = h.double.addCertificate('old');
      const next = h.double.addCertificate('new');
      const lb = h.double.addLoadBalancer(regionalLoadBalancer(old.id));
      const before = h.double.loadBalancer(lb.id);
      const moved = await h.provider.rebind!(await useOf(h, lb.id), old.id, next.id);
      assert.deepEqual(moved.certificateIds, [next.id]);
      const after = h.double.loadBalancer(lb.id);
      assert.deepEqual(after, withCertificate(before, old.id, next.id));

      const [put] = h.double.server.requestsTo('PUT', `/v2/load_balancers/${lb.id}`);
      const body = put?.body as Record<string, unknown>;
      assert.equal(body['region'], 'ams3');
      for (const readOnly of ['id', 'ip', 'ipv6', 'status', 'created_at'])
        assert.ok(!(readOnly in body), readOnly);
      assert.deepEqual(body['droplet_ids'], [3164444, 3164445]);
      assert.ok(!('tag' in body));
      assert.deepEqual(body['x_future_setting'], { enabled: true });
    } finally {
      await h.close();
    }
  });

  it('sends the droplet tag, not droplet_ids, when the load balancer targets a tag', async () => {
    const h = await harness();
    try {
      const old = h.double.addCertificate('old');
      const next = h.double.addCertificate('new');
      const lb = h.double.addLoadBalancer(regionalLoadBalancer(old.id, { droplet_ids: [], tag: 'prod:web' }));
      const before = h.double.loadBalancer(lb.id);
      await h.provider.rebind!(await useOf(h, lb.id), old.id, next.id);
      assert.deepEqual(h.double.loadBalancer(lb.id), withCertificate(before, old.id, next.id));
      const body = h.double.server.requestsTo('PUT', `/v2/load_balancers/${lb.id}`)[0]?.body as object;
      assert.equal((body as { tag?: string }).tag, 'prod:web');
      assert.ok(!('droplet_ids' in body));
    } finally {
      await h.close();
    }
  });

  for (const busyStatus of ['updating', 'new']) {
    it(`waits while the load balancer is '${busyStatus}', and sends the PUT once it is active`, async () => {
      const h = await harness({ double: { loadBalancers: { busyStatus } } });
      try {
        const old = h.double.addCertificate('old');
        const next = h.double.addCertificate('new');
        const lb = h.double.addLoadBalancer(regionalLoadBalancer(old.id), { busyForMs: 30_000 });
        const started = h.clock.now();
        await h.provider.rebind!(await useOf(h, lb.id), old.id, next.id);
        const puts = h.double.server.requestsTo('PUT', `/v2/load_balancers/${lb.id}`);
        assert.equal(puts.length, 1);
        assert.equal(puts[0]?.reply?.status, 200);
        assert.ok(h.clock.now() - started >= 30_000);
        assert.ok(h.double.server.requestsTo('GET', `/v2/load_balancers/${lb.id}`).length >= 16);
      } finally {
        await h.close();
      }
    });
  }

  it('a busy 403 on the PUT is waited out and the PUT built again from a fresh GET', async () => {
    const h = await harness();
    try {
      const old = h.double.addCertificate('old');
      const next = h.double.addCertificate('new');
      const lb = h.double.addLoadBalancer(regionalLoadBalancer(old.id));
      h.double.server.inject({
        method: 'PUT',
        path: `/v2/load_balancers/${lb.id}`,
        fault: { kind: 'status', status: 403, body: { id: 'forbidden', message: BUSY_MESSAGE } },
      });
      await h.provider.rebind!(await useOf(h, lb.id), old.id, next.id);
      assert.deepEqual(
        h.double.server.requestsTo('PUT', `/v2/load_balancers/${lb.id}`).map((r) => r.reply?.status),
        [403, 200],
      );
      assert.ok(h.debug.some((line) => /busy with earlier actions/.test(line)));
    } finally {
      await h.close();
    }
  });

  it('a PUT cut off after it landed is resent, and the busy refusal that follows resolves to done', async () => {
    const h = await harness({ double: { loadBalancers: { settleMs: 10_000 } } });
    try {
      const old = h.double.addCertificate('old');
      const next = h.double.addCertificate('new');
      const lb = h.double.addLoadBalancer(regionalLoadBalancer(old.id));
      const before = h.double.loadBalancer(lb.id);
      h.double.server.inject({
        method: 'PUT',
        path: `/v2/load_balancers/${lb.id}`,
        fault: { kind: 'reset-after' },
      });
      const moved = await h.provider.rebind!(await useOf(h, lb.id), old.id, next.id);
      assert.deepEqual(moved.certificateIds, [next.id]);
      const puts = h.double.server.requestsTo('PUT', `/v2/load_balancers/${lb.id}`);
      assert.deepEqual(
        puts.map((r) => [r.fault, r.reply?.status]),
        [
          ['reset-after', undefined],
          [undefined, 403],
        ],
      );
      h.clock.advance(10_000);
      assert.deepEqual(h.double.loadBalancer(lb.id), withCertificate(before, old.id, next.id));
    } finally {
      await h.close();
    }
  });

  it('a global load balancer: domains rebound, GET polled until the new id shows', async () => {
    const h = await harness({ double: { loadBalancers: { globalBindMs: 15_000, settleMs: 5_000 } } });
    try {
      const old = h.double.addCertificate('old');
      const next = h.double.addCertificate('new');
      const lb = h.double.addLoadBalancer(globalLoadBalancer(old.id));
      const before = h.double.loadBalancer(lb.id);
      const use = await useOf(h, lb.id);
      assert.equal(use.kind, 'global-load-balancer');
      const started = h.clock.now();
      const moved = await h.provider.rebind!(use, old.id, next.id);
      assert.deepEqual(moved.certificateIds, [next.id]);
      assert.ok(h.clock.now() - started >= 15_000, 'waited for the background binding');
      h.clock.advance(5_000);
      assert.deepEqual(h.double.loadBalancer(lb.id), withCertificate(before, old.id, next.id));
      const body = h.double.server.requestsTo('PUT', `/v2/load_balancers/${lb.id}`)[0]?.body as LoadBalancer;
      assert.ok(!('region' in body));
      assert.deepEqual(body.domains, [
        { name: 'example.com', is_managed: true, certificate_id: next.id },
        { name: 'www.example.com', is_managed: false, certificate_id: next.id },
      ]);
    } finally {
      await h.close();
    }
  });

  it('a domain added to a global load balancer since the rotation looked is not moved unchecked: no PUT', async () => {
    const h = await harness();
    try {
      const old = h.double.addCertificate('old');
      const next = h.double.addCertificate('new');
      const lb = h.double.addLoadBalancer(globalLoadBalancer(old.id));
      const use = await useOf(h, lb.id);
      const stored = h.double.loadBalancers.byId.get(lb.id)!.lb as { domains: object[] };
      stored.domains.push({ name: 'shop.example.org', is_managed: false, certificate_id: old.id });
      const refused = await rejection(h.provider.rebind!(use, old.id, next.id));
      assert.equal(refused.providerCode, 'NOT_FOUND');
      assert.match(refused.message, /now serves shop\.example\.org with certificate/);
      assert.deepEqual(h.double.server.requestsTo('PUT', `/v2/load_balancers/${lb.id}`), []);
    } finally {
      await h.close();
    }
  });

  it('a global binding that never shows ends in TIMEOUT, bounded', async () => {
    const h = await harness({
      double: { loadBalancers: { globalBindMs: 3_600_000 } },
      provider: { polling: { intervalMs: 1_000, timeoutMs: 20_000 } },
    });
    try {
      const old = h.double.addCertificate('old');
      const next = h.double.addCertificate('new');
      const lb = h.double.addLoadBalancer(globalLoadBalancer(old.id));
      const error = await rejection(h.provider.rebind!(await useOf(h, lb.id), old.id, next.id));
      assert.equal(error.providerCode, 'TIMEOUT');
      assert.match(error.message, /was updated but still showed/);
      assert.ok(h.clock.sleeps.reduce((a, b) => a + b, 0) <= 20_000);
    } finally {
      await h.close();
    }
  });

  it('a load balancer that stays busy ends in TIMEOUT without a PUT', async () => {
    const h = await harness({ provider: { polling: { intervalMs: 1_000, timeoutMs: 10_000 } } });
    try {
      const old = h.double.addCertificate('old');
      const lb = h.double.addLoadBalancer(regionalLoadBalancer(old.id), { busyForMs: 3_600_000 });
      const error = await rejection(h.provider.rebind!(await useOf(h, lb.id), old.id, 'x'));
      assert.equal(error.providerCode, 'TIMEOUT');
      assert.match(error.message, /still 'updating'/);
      assert.equal(h.double.server.requestsTo('PUT', /.*/).length, 0);
    } finally {
      await h.close();
    }
  });

  it('an overwrite by another writer right after the PUT is re-applied once; a second is a clear BUSY', async () => {
    const h = await harness();
    try {
      const old = h.double.addCertificate('old');
      const next = h.double.addCertificate('new');
      const store = h.double.loadBalancers;
      const realPut = store.put.bind(store);
      let overwrites = 0;
      // Another writer's full-body PUT, with the old certificate, lands right after each of ours.
      store.put = (id, body) => {
        const reply = realPut(id, body);
        if (overwrites > 0 && reply.status === 200) {
          overwrites--;
          realPut(id, JSON.parse(JSON.stringify(body).replaceAll(next.id, old.id)));
        }
        return reply;
      };

      overwrites = 1;
      const once = h.double.addLoadBalancer(regionalLoadBalancer(old.id, { name: 'once' }));
      const moved = await h.provider.rebind!(await useOf(h, once.id), old.id, next.id);
      assert.deepEqual(moved.certificateIds, [next.id]);
      assert.equal(h.double.server.requestsTo('PUT', `/v2/load_balancers/${once.id}`).length, 2);

      overwrites = Number.POSITIVE_INFINITY;
      const always = h.double.addLoadBalancer(regionalLoadBalancer(old.id, { name: 'always' }));
      const error = await rejection(h.provider.rebind!(await useOf(h, always.id), old.id, next.id));
      assert.equal(error.providerCode, 'BUSY');
      assert.match(error.message, /changed back to certificate .* twice/);
      assert.equal(h.double.server.requestsTo('PUT', `/v2/load_balancers/${always.id}`).length, 2);
    } finally {
      await h.close();
    }
  });

  it("an 'errored' load balancer is not touched", async () => {
    const h = await harness();
    try {
      const old = h.double.addCertificate('old');
      const lb = h.double.addLoadBalancer(regionalLoadBalancer(old.id), { status: 'errored' });
      const error = await rejection(h.provider.rebind!(await useOf(h, lb.id), old.id, 'x'));
      assert.equal(error.providerCode, 'UNAVAILABLE');
      assert.equal(h.double.server.requestsTo('PUT', /.*/).length, 0);
    } finally {
      await h.close();
    }
  });

  it('refuses a DOKS-managed load balancer, from the use or from a fresh GET, and sends no PUT', async () => {
    const h = await harness();
    try {
      const old = h.double.addCertificate('old');
      const next = h.double.addCertificate('new');
      const lb = h.double.addLoadBalancer(regionalLoadBalancer(old.id, { tags: ['k8s:0d8b6d3c'] }));
      const use = await useOf(h, lb.id);
      const gets = h.double.server.requests.length;
      const error = await rejection(h.provider.rebind!(use, old.id, next.id));
      assert.equal(error.providerCode, 'MANAGED');
      assert.match(error.message, /managed by DigitalOcean Kubernetes/);
      assert.match(error.fix ?? '', /do-loadbalancer-certificate-id/);
      assert.equal(h.double.server.requests.length, gets, 'nothing sent');
      const { managedBy: _, ...stale } = use;
      assert.equal((await rejection(h.provider.rebind!(stale, old.id, next.id))).providerCode, 'MANAGED');
      assert.equal(h.double.server.requestsTo('PUT', /.*/).length, 0);
    } finally {
      await h.close();
    }
  });

  it('a rebind already done is not sent again; one whose certificate is gone is NOT_FOUND', async () => {
    const h = await harness();
    try {
      const old = h.double.addCertificate('old');
      const next = h.double.addCertificate('new');
      const lb = h.double.addLoadBalancer(regionalLoadBalancer(old.id));
      const use = await useOf(h, lb.id);
      await h.provider.rebind!(use, old.id, next.id);
      await h.provider.rebind!(use, old.id, next.id);
      assert.equal(h.double.server.requestsTo('PUT', /.*/).length, 1);
      assert.equal((await rejection(h.provider.rebind!(use, 'other', 'another'))).providerCode, 'NOT_FOUND');
      const gone = { ...use, id: '00000000-0000-4000-8000-000000000000' };
      assert.equal((await rejection(h.provider.rebind!(gone, old.id, next.id))).providerCode, 'NOT_FOUND');
    } finally {
      await h.close();
    }
  });
});

describe('DigitalOcean rebind with the real clock', () => {
  it('waits out a busy load balancer in real time with short intervals', async () => {
    const double = await DigitalOceanDouble.start({ loadBalancers: { settleMs: 60, globalBindMs: 80 } });
    try {
      const provider = createDigitalOceanProvider({
        token: double.token,
        baseUrl: double.url,
        redactor: new Redactor(),
        polling: { intervalMs: 10, timeoutMs: 5_000 },
      });
      const old = double.addCertificate('old');
      const next = double.addCertificate('new');
      const lb = double.addLoadBalancer(globalLoadBalancer(old.id), { busyForMs: 50 });
      const use = (await provider.uses!())[0]!;
      const moved = await provider.rebind!(use, old.id, next.id);
      assert.deepEqual(moved.certificateIds, [next.id]);
      assert.deepEqual(double.loadBalancer(lb.id)?.domains?.[0]?.certificate_id, next.id);
    } finally {
      await double.close();
    }
  });
});
