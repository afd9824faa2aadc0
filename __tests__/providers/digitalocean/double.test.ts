/**
 * The double itself: it must be as strict as DigitalOcean where the client could go wrong, or the
 * provider tests prove nothing. These talk to it with plain fetch, as a careless client would.
 */
import assert from 'node:assert/strict';
import { createHash, X509Certificate } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  BUSY_MESSAGE,
  DigitalOceanDouble,
  type DigitalOceanDoubleOptions,
  IN_USE_MESSAGE,
  regionalLoadBalancer,
} from '../../../test/doubles/digitalocean.ts';
import { FakeClock } from '../../../test/support/fake-clock.ts';
import { type Issued, Pki } from '../../../test/support/pki.ts';

let pki: Pki;
let leaf: Issued;
let other: Issued;

before(async () => {
  pki = await Pki.create();
  leaf = await pki.leaf('self', { cn: 'double.example.test' });
  other = await pki.leaf('self', { cn: 'other.example.test' });
});
after(() => pki.cleanup());

interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

async function withDouble(
  options: DigitalOceanDoubleOptions,
  test: (
    double: DigitalOceanDouble,
    call: (method: string, path: string, body?: unknown) => Promise<Answer>,
  ) => Promise<void>,
): Promise<void> {
  const double = await DigitalOceanDouble.start(options);
  const call = async (method: string, path: string, body?: unknown): Promise<Answer> => {
    const res = await fetch(double.url + path, {
      method,
      headers: { authorization: `Bearer ${double.token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : {} };
  };
  try {
    await test(double, call);
  } finally {
    await double.close();
  }
}

describe('DigitalOcean double: load balancer PUT replaces everything', () => {
  it('resets what a PUT leaves out to the spec defaults (so a client that drops attributes is caught)', async () => {
    await withDouble({}, async (double, call) => {
      const cert = double.addCertificate('a');
      const lb = double.addLoadBalancer(regionalLoadBalancer(cert.id));
      const res = await call('PUT', `/v2/load_balancers/${lb.id}`, {
        name: lb.name,
        region: 'ams3',
        forwarding_rules: lb.forwarding_rules,
        droplet_ids: lb.droplet_ids,
        vpc_uuid: lb.vpc_uuid,
        network_stack: lb.network_stack,
      });
      assert.equal(res.status, 200);
      const now = double.loadBalancer(lb.id)!;
      assert.deepEqual(now.firewall, { deny: [], allow: [] });
      assert.deepEqual(now.sticky_sessions, { type: 'none' });
      assert.equal(now.health_check?.port, 80);
      assert.equal(now.http_idle_timeout_seconds, 60);
      assert.equal(now.redirect_http_to_https, false);
      assert.equal(now.tls_cipher_policy, 'DEFAULT');
      assert.equal(now.size_unit, 1);
      assert.deepEqual(now.tags, ['prod', 'web'], 'tags are attached through /v2/tags, not by the PUT');
      assert.equal(now['x_future_setting'], undefined);
    });
  });

  it('refuses what DigitalOcean refuses: region object, both droplets and tag, fixed attributes changed, busy', async () => {
    await withDouble({ loadBalancers: { settleMs: 60_000 } }, async (double, call) => {
      const cert = double.addCertificate('a');
      const lb = double.addLoadBalancer(regionalLoadBalancer(cert.id));
      const { id: _, status: __, ...body } = double.loadBalancer(lb.id)!;
      const put = (changes: Record<string, unknown>) =>
        call('PUT', `/v2/load_balancers/${lb.id}`, { ...body, region: 'ams3', ...changes });
      assert.equal((await put({ region: body.region })).status, 400);
      assert.equal((await put({ region: undefined })).status, 422);
      assert.equal((await put({ tag: 'prod:web' })).status, 422);
      assert.equal((await put({ network_stack: undefined })).status, 422);
      assert.equal((await put({ vpc_uuid: undefined })).status, 422);
      assert.equal((await put({ forwarding_rules: [] })).status, 422);
      const missing = [{ ...body.forwarding_rules![1], certificate_id: 'nope' }];
      assert.equal((await put({ forwarding_rules: missing })).status, 422);
      assert.equal((await put({})).status, 200);
      const busy = await put({});
      assert.equal(busy.status, 403);
      assert.deepEqual(busy.body['message'], BUSY_MESSAGE);
      assert.equal(double.loadBalancer(lb.id)?.status, 'updating');
    });
  });
});

describe('DigitalOcean double: certificates', () => {
  it('fingerprints the leaf DER, dates it from the leaf, shows dns_names [""]', async () => {
    await withDouble({}, async (_, call) => {
      const res = await call('POST', '/v2/certificates', {
        name: 'x',
        type: 'custom',
        private_key: leaf.keyPem,
        leaf_certificate: leaf.certPem,
      });
      assert.equal(res.status, 201);
      const cert = res.body['certificate'] as Record<string, unknown>;
      assert.equal(cert['sha1_fingerprint'], createHash('sha1').update(leaf.certDer).digest('hex'));
      assert.equal(
        cert['not_after'],
        new X509Certificate(leaf.certPem).validToDate.toISOString().replace('.000Z', 'Z'),
      );
      assert.deepEqual(cert['dns_names'], ['']);
      assert.equal(cert['type'], 'custom');
    });
  });

  it('refuses a key that is not the leaf’s, PEMs that do not parse, and a second use of a name', async () => {
    await withDouble({}, async (_, call) => {
      const post = (changes: Record<string, unknown>) =>
        call('POST', '/v2/certificates', {
          name: 'x',
          type: 'custom',
          private_key: leaf.keyPem,
          leaf_certificate: leaf.certPem,
          ...changes,
        });
      assert.equal((await post({ private_key: other.keyPem })).status, 422);
      assert.equal((await post({ private_key: 'not a key' })).status, 422);
      assert.equal((await post({ leaf_certificate: 'not a cert' })).status, 422);
      assert.equal(
        (await post({ certificate_chain: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----' }))
          .status,
        422,
      );
      assert.equal((await post({})).status, 201);
      const again = await post({});
      assert.equal(again.status, 422);
      assert.equal(again.body['message'], 'name is not unique');
    });
  });

  it('refuses to delete a certificate in use, and for stillInUseMs after its last use went', async () => {
    const clock = new FakeClock();
    await withDouble({ now: clock.now, stillInUseMs: 10_000 }, async (double, call) => {
      const a = double.addCertificate('a');
      const b = double.addCertificate('b');
      const lb = double.addLoadBalancer(regionalLoadBalancer(a.id));
      const refused = await call('DELETE', `/v2/certificates/${a.id}`);
      assert.equal(refused.status, 403);
      assert.equal(refused.body['message'], IN_USE_MESSAGE);
      const { id: _, status: __, region: ___, ...body } = double.loadBalancer(lb.id)!;
      const rules = body.forwarding_rules!.map((r) =>
        r.certificate_id === a.id ? { ...r, certificate_id: b.id } : r,
      );
      assert.equal(
        (
          await call('PUT', `/v2/load_balancers/${lb.id}`, {
            ...body,
            region: 'ams3',
            forwarding_rules: rules,
          })
        ).status,
        200,
      );
      assert.equal((await call('DELETE', `/v2/certificates/${a.id}`)).status, 403);
      clock.advance(10_000);
      assert.equal((await call('DELETE', `/v2/certificates/${a.id}`)).status, 204);
      assert.equal((await call('DELETE', `/v2/certificates/${a.id}`)).status, 404);
    });
  });
});

describe('DigitalOcean double: pagination, auth, limits, CDN', () => {
  it('pages 20 by default, 200 at most, with absolute links and meta.total', async () => {
    await withDouble({}, async (double, call) => {
      double.addCertificates(450);
      const first = await call('GET', '/v2/certificates');
      assert.equal((first.body['certificates'] as unknown[]).length, 20);
      assert.deepEqual(first.body['meta'], { total: 450 });
      const second = await call('GET', '/v2/certificates?per_page=500&page=2');
      assert.equal((second.body['certificates'] as unknown[]).length, 200);
      assert.deepEqual(second.body['links'], {
        pages: {
          first: 'https://api.digitalocean.com/v2/certificates?page=1&per_page=200',
          prev: 'https://api.digitalocean.com/v2/certificates?page=1&per_page=200',
          last: 'https://api.digitalocean.com/v2/certificates?page=3&per_page=200',
          next: 'https://api.digitalocean.com/v2/certificates?page=3&per_page=200',
        },
      });
    });
  });

  it('answers 401 without a valid token and 403 without the scope, rate-limit headers on both', async () => {
    await withDouble({ tokens: { 'dop_v1_readonly-double': ['certificate:read'] } }, async (_, call) => {
      assert.equal((await call('GET', '/v2/certificates')).status, 200);
      const denied = await call('DELETE', '/v2/certificates/x');
      assert.equal(denied.status, 403);
      assert.equal(denied.headers.get('ratelimit-limit'), '5000');
    });
    await withDouble({}, async (double) => {
      const res = await fetch(`${double.url}/v2/certificates`, {
        headers: { authorization: 'Bearer wrong' },
      });
      assert.equal(res.status, 401);
      const { id, message } = (await res.json()) as { id: string; message: string };
      assert.deepEqual({ id, message }, { id: 'unauthorized', message: 'Unable to authenticate you.' });
      assert.ok(res.headers.get('ratelimit-reset'));
    });
  });

  it('counts requests in the headers and answers 429 with retry-after past the burst limit', async () => {
    const clock = new FakeClock();
    await withDouble(
      { now: clock.now, limits: { burst: { requests: 3, windowMs: 60_000 } } },
      async (_, call) => {
        const remaining: string[] = [];
        for (let i = 0; i < 3; i++) {
          const res = await call('GET', '/v2/certificates');
          remaining.push(res.headers.get('ratelimit-remaining') ?? '');
          clock.advance(1_000);
        }
        assert.deepEqual(remaining, ['4999', '4998', '4997']);
        const limited = await call('GET', '/v2/certificates');
        assert.equal(limited.status, 429);
        assert.deepEqual(
          { id: limited.body['id'], message: limited.body['message'] },
          { id: 'too_many_requests', message: 'API rate limit exceeded.' },
        );
        assert.equal(limited.headers.get('retry-after'), '57');
        assert.equal(limited.headers.get('ratelimit-remaining'), '0');
        clock.advance(57_000);
        assert.equal((await call('GET', '/v2/certificates')).status, 200);
      },
    );
  });

  it('CDN: 5 requests per 10 s; a PUT without ttl resets it to 3600; a certificate needs its domain', async () => {
    const clock = new FakeClock();
    await withDouble({ now: clock.now }, async (double, call) => {
      const cert = double.addCertificate('a');
      const endpoint = double.addCdnEndpoint({
        origin: 'static.nyc3.digitaloceanspaces.com',
        custom_domain: 'static.example.com',
        certificate_id: cert.id,
        ttl: 86400,
      });
      const path = `/v2/cdn/endpoints/${endpoint.id}`;
      assert.equal((await call('PUT', path, { certificate_id: cert.id })).status, 422);
      assert.equal((await call('PUT', path, { ttl: 1234 })).status, 422);
      const reset = await call('PUT', path, { certificate_id: cert.id, custom_domain: 'static.example.com' });
      assert.equal((reset.body['endpoint'] as { ttl: number }).ttl, 3600);
      assert.equal((await call('GET', path)).status, 200);
      assert.equal((await call('GET', path)).status, 200);
      const limited = await call('GET', path);
      assert.equal(limited.status, 429);
      assert.equal(limited.headers.get('retry-after'), null);
      clock.advance(10_000);
      assert.equal((await call('GET', path)).status, 200);
    });
  });
});
