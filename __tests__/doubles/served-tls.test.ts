/**
 * The doubles' TLS sides: what a client connecting with SNI is served, before and after a
 * rebind (DigitalOcean) or a reload (Dokploy), so verification can be tested on the wire.
 */
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  DigitalOceanDouble,
  type DigitalOceanDoubleOptions,
  globalLoadBalancer,
  regionalLoadBalancer,
} from '../../test/doubles/digitalocean.ts';
import { DokployDouble, type DokployDoubleOptions } from '../../test/doubles/dokploy.ts';
import type { Certificate, LoadBalancer } from '../../src/providers/digitalocean/contracts.ts';
import { FakeClock } from '../../test/support/fake-clock.ts';
import { type Issued, Pki } from '../../test/support/pki.ts';
import { fingerprintOf, servedFingerprint } from '../../test/support/served-leaf.ts';

let pki: Pki;
let oldLeaf: Issued;
let newLeaf: Issued;
let wildcard: Issued;

before(async () => {
  pki = await Pki.create();
  oldLeaf = await pki.leaf('self', { cn: 'app.example.com', dns: ['app.example.com', 'example.com'] });
  newLeaf = await pki.leaf('self', { cn: 'app.example.com', dns: ['app.example.com', 'example.com'] });
  wildcard = await pki.leaf('self', { cn: '*.wild.example.com', dns: ['*.wild.example.com'] });
});
after(() => pki.cleanup());

const fp = (issued: Issued): string => fingerprintOf(issued.certDer);

// --- DigitalOcean ------------------------------------------------------------------------------

async function withDo(
  options: DigitalOceanDoubleOptions,
  test: (
    double: DigitalOceanDouble,
    api: (method: string, path: string, body?: unknown) => Promise<unknown>,
  ) => Promise<void>,
): Promise<void> {
  const double = await DigitalOceanDouble.start(options);
  const api = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const res = await fetch(double.url + path, {
      method,
      headers: { authorization: `Bearer ${double.token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    assert.ok(res.ok, `${method} ${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : {};
  };
  try {
    await test(double, api);
  } finally {
    await double.close();
  }
}

async function upload(
  api: (method: string, path: string, body?: unknown) => Promise<unknown>,
  name: string,
  issued: Issued,
): Promise<string> {
  const reply = await api('POST', '/v2/certificates', {
    name,
    type: 'custom',
    private_key: issued.keyPem,
    leaf_certificate: issued.certPem,
  });
  return (reply as { certificate: Certificate }).certificate.id;
}

/** GET, swap every certificate id, PUT the whole body back (as a rebinding client does). */
async function rebind(
  api: (method: string, path: string, body?: unknown) => Promise<unknown>,
  id: string,
  from: string,
  to: string,
): Promise<void> {
  const { load_balancer: lb } = (await api('GET', `/v2/load_balancers/${id}`)) as {
    load_balancer: LoadBalancer;
  };
  const swap = <T extends { certificate_id?: string }>(items: T[] | undefined) =>
    items?.map((item) => (item.certificate_id === from ? { ...item, certificate_id: to } : item));
  const body: Record<string, unknown> = {
    ...lb,
    forwarding_rules: swap(lb.forwarding_rules),
    domains: swap(lb.domains),
  };
  if (lb.region) body['region'] = lb.region.slug;
  if (!lb.domains) delete body['domains'];
  await api('PUT', `/v2/load_balancers/${id}`, body);
}

describe('DigitalOcean double: served certificates', () => {
  it('a regional load balancer serves its rules certificate for the names the leaf covers, the new one right after a rebind', async () => {
    await withDo({}, async (double, api) => {
      const oldId = await upload(api, 'old', oldLeaf);
      const newId = await upload(api, 'new', newLeaf);
      const lb = double.addLoadBalancer(regionalLoadBalancer(oldId));
      const keyBody = oldLeaf.keyPem.split('\n')[1]!;
      const listed = JSON.stringify([
        await api('GET', '/v2/certificates'),
        await api('GET', `/v2/certificates/${oldId}`),
      ]);
      assert.ok(!listed.includes(keyBody), 'the kept key is served on TLS only, never in a reply');
      const served = (name: string) => servedFingerprint(double.tlsAddress, double.tlsPort, name);
      assert.equal(double.tlsAddress, '127.0.0.1');
      assert.equal(await served('app.example.com'), fp(oldLeaf));
      assert.equal(await served('example.com'), fp(oldLeaf));
      await rebind(api, lb.id, oldId, newId);
      assert.equal(await served('app.example.com'), fp(newLeaf));
      await assert.rejects(served('elsewhere.example.net'), 'a name nothing serves fails the handshake');
    });
  });

  it('serves the names a test gives a load balancer, wildcards included, instead of the leaf names', async () => {
    await withDo({}, async (double, api) => {
      const id = await upload(api, 'old', oldLeaf);
      double.addLoadBalancer(regionalLoadBalancer(id), { serves: ['*.shop.example.org'] });
      assert.equal(
        await servedFingerprint(double.tlsAddress, double.tlsPort, 'a.shop.example.org'),
        fp(oldLeaf),
      );
      await assert.rejects(servedFingerprint(double.tlsAddress, double.tlsPort, 'app.example.com'));
    });
  });

  it('a global load balancer keeps serving the old certificate for globalServeMs after its domains show the new one', async () => {
    const clock = new FakeClock();
    await withDo({ now: clock.now, loadBalancers: { globalServeMs: 30_000 } }, async (double, api) => {
      const oldId = await upload(api, 'old', oldLeaf);
      const newId = await upload(api, 'new', newLeaf);
      const lb = double.addLoadBalancer(globalLoadBalancer(oldId));
      const served = (name: string) => servedFingerprint(double.tlsAddress, double.tlsPort, name);
      assert.equal(await served('www.example.com'), fp(oldLeaf));
      await rebind(api, lb.id, oldId, newId);
      assert.ok(double.loadBalancer(lb.id)!.domains!.every((d) => d.certificate_id === newId));
      assert.equal(await served('www.example.com'), fp(oldLeaf), 'the edge has not switched yet');
      clock.advance(29_999);
      assert.equal(await served('example.com'), fp(oldLeaf));
      clock.advance(1);
      assert.equal(await served('www.example.com'), fp(newLeaf));
      assert.equal(await served('example.com'), fp(newLeaf));
    });
  });

  it('a global load balancer serves a domain only for that domain name, whatever its certificate covers', async () => {
    await withDo({}, async (double, api) => {
      const id = await upload(api, 'old', oldLeaf);
      double.addLoadBalancer(globalLoadBalancer(id));
      await assert.rejects(servedFingerprint(double.tlsAddress, double.tlsPort, 'app.example.com'));
    });
  });
});

// --- Dokploy -----------------------------------------------------------------------------------

const KEY = 'dokploy-test-key-served-tls';
const ORG = 'org-served';

async function withDokploy(
  options: DokployDoubleOptions,
  test: (double: DokployDouble, api: (procedure: string, body: unknown) => Promise<unknown>) => Promise<void>,
): Promise<void> {
  const double = await DokployDouble.start({
    keys: [{ key: KEY, organizationId: ORG, role: 'owner' }],
    ...options,
  });
  const api = async (procedure: string, body: unknown): Promise<unknown> => {
    const res = await fetch(`${double.url}/api/${procedure}`, {
      method: 'POST',
      headers: { 'x-api-key': KEY, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    assert.ok(res.ok, `${procedure}: ${res.status} ${text}`);
    return JSON.parse(text);
  };
  try {
    await test(double, api);
  } finally {
    await double.close();
  }
}

const defaultFp = (double: DokployDouble): string =>
  fingerprintOf(new X509Certificate(double.defaultCertificate).raw);

const create = (issued: Issued, name: string) => ({
  name,
  certificateData: issued.certPem,
  privateKey: issued.keyPem,
  organizationId: ORG,
});

/** The restart runs after the reply (fire-and-forget): wait until the server logged it. */
async function restarted(double: DokployDouble, count: number): Promise<void> {
  for (let i = 0; i < 100 && double.serverLog.length < count; i++) {
    await new Promise((resolve) => setImmediate(resolve));
  }
  assert.equal(double.serverLog.length, count);
}

describe('Dokploy double: Traefik serves by SNI', () => {
  it('serves an uploaded certificate at once by default, and its own default certificate for an unknown name', async () => {
    await withDokploy({}, async (double, api) => {
      const served = (name: string) => servedFingerprint(double.tlsAddress, double.tlsPort, name);
      const unknown = await served('nobody.example.net');
      assert.equal(unknown, defaultFp(double));
      assert.match(new X509Certificate(double.defaultCertificate).subject, /CN=TRAEFIK DEFAULT CERT/);
      await api('certificates.create', create(oldLeaf, 'old'));
      assert.equal(await served('app.example.com'), fp(oldLeaf));
    });
  });

  it('matches a wildcard for one label only, and prefers an exact name', async () => {
    await withDokploy({}, async (double, api) => {
      const served = (name: string) => servedFingerprint(double.tlsAddress, double.tlsPort, name);
      await api('certificates.create', create(wildcard, 'wild'));
      const exact = await pki.leaf('self', { cn: 'a.wild.example.com' });
      await api('certificates.create', create(exact, 'exact'));
      assert.equal(await served('b.wild.example.com'), fp(wildcard));
      assert.equal(await served('B.Wild.Example.com'), fp(wildcard));
      assert.equal(await served('a.wild.example.com'), fp(exact));
      assert.equal(await served('x.b.wild.example.com'), defaultFp(double));
    });
  });

  it('stale mode (issue 4503): a new certificate is served only after reloadTraefik, a removed one until then', async () => {
    await withDokploy({ traefikStale: true }, async (double, api) => {
      const served = (name: string) => servedFingerprint(double.tlsAddress, double.tlsPort, name);
      const seeded = double.seed({ ...create(oldLeaf, 'old') });
      assert.equal(
        await served('app.example.com'),
        fp(oldLeaf),
        'a seeded row was there before Traefik started',
      );
      await api('certificates.remove', { certificateId: seeded.certificateId });
      await api('certificates.create', create(newLeaf, 'new'));
      assert.equal(
        await served('app.example.com'),
        fp(oldLeaf),
        'removed but still served before the reload',
      );
      await api('settings.reloadTraefik', {});
      await restarted(double, 1);
      assert.equal(await served('app.example.com'), fp(newLeaf));
    });
  });

  it('stale mode: a failed Traefik restart leaves the old set served', async () => {
    await withDokploy({ traefikStale: true, traefikRestartFails: true }, async (double, api) => {
      const served = (name: string) => servedFingerprint(double.tlsAddress, double.tlsPort, name);
      await api('certificates.create', create(newLeaf, 'new'));
      await api('settings.reloadTraefik', {});
      await restarted(double, 1);
      assert.equal(await served('app.example.com'), defaultFp(double));
    });
  });

  it('two rows for the same name: the first created is served unless traefikPrefers is last; rows for another server are not served here', async () => {
    for (const [prefers, expected] of [
      ['first', oldLeaf],
      ['last', newLeaf],
    ] as const) {
      await withDokploy({ traefikPrefers: prefers, servers: [] }, async (double, api) => {
        await api('certificates.create', create(oldLeaf, 'old'));
        await api('certificates.create', create(newLeaf, 'new'));
        await api('certificates.create', { ...create(wildcard, 'remote'), serverId: 'srv-1' });
        assert.equal(
          await servedFingerprint(double.tlsAddress, double.tlsPort, 'app.example.com'),
          fp(expected),
        );
        assert.equal(
          await servedFingerprint(double.tlsAddress, double.tlsPort, 'a.wild.example.com'),
          defaultFp(double),
        );
      });
    }
  });
});
