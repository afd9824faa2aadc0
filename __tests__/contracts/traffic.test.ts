/**
 * The clients against their doubles over real sockets, one full rotation round each, and every
 * request sent and every reply received checked against the vendor's description
 * (test/contracts): DigitalOcean's OpenAPI excerpts, Dokploy's published request schemas and the
 * notes-based response schemas. Only Dokploy's real dialect is described; the docs dialect's
 * traffic is checked for what the client sends on the real routes only.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Agent } from 'undici';
import {
  type ContractSpec,
  type DokployContract,
  loadDigitalOcean,
  loadDokploy,
} from '../../test/contracts/openapi.ts';
import { assertTrafficMatchesContract, trafficViolations } from '../../test/contracts/recorded.ts';
import { globalLoadBalancer, regionalLoadBalancer } from '../../test/doubles/digitalocean.ts';
import { DokployDouble } from '../../test/doubles/dokploy.ts';
import { harness, uploadOf } from '../../test/support/digitalocean-harness.ts';
import { Pki } from '../../test/support/pki.ts';
import { type Made, makeUpload, newAgent, testKey, wire } from '../providers/dokploy/fixtures.ts';

describe('contract: DigitalOcean client against its double', () => {
  let spec: ContractSpec;
  let pki: Pki;
  let old: Awaited<ReturnType<Pki['chain']>>;
  let next: Awaited<ReturnType<Pki['chain']>>;
  before(async () => {
    // As published (open objects): the double deliberately carries attributes the excerpt does
    // not name (tags, a future setting) to prove a load balancer PUT keeps them.
    spec = await loadDigitalOcean();
    pki = await Pki.create();
    old = await pki.chain(1, { cn: 'app.example.test', dns: ['app.example.test'] });
    next = await pki.chain(1, { cn: 'app.example.test', dns: ['app.example.test'] });
  });
  after(() => pki.cleanup());

  it('a full round (list, create, list, rebind a load balancer, a global one and a CDN endpoint, remove) keeps to the contract', async () => {
    const h = await harness();
    try {
      const { provider, double } = h;
      const previous = await provider.create(uploadOf('app-example-test-old', old.leaf, old.intermediates));
      const regional = double.addLoadBalancer(regionalLoadBalancer(previous.id));
      const global = double.addLoadBalancer(globalLoadBalancer(previous.id));
      const cdn = double.addCdnEndpoint({
        origin: 'static-images.nyc3.digitaloceanspaces.com',
        custom_domain: 'static.example.com',
        certificate_id: previous.id,
        ttl: 600,
      });

      assert.deepEqual(
        (await provider.list()).map((c) => c.id),
        [previous.id],
      );
      const created = await provider.create(uploadOf('app-example-test-new', next.leaf, next.intermediates));
      assert.equal((await provider.list()).length, 2);
      const uses = await provider.uses!();
      assert.deepEqual(new Set(uses.map((u) => u.id)), new Set([regional.id, global.id, cdn.id]));
      for (const use of uses) await provider.rebind!(use, previous.id, created.id);
      assert.equal(await provider.remove(previous.id), 'removed');
      assert.deepEqual(
        (await provider.list()).map((c) => c.id),
        [created.id],
      );

      const sent = new Set(
        double.server.requests.map((r) => `${r.method} ${spec.match(r.method, r.path)?.operation.id}`),
      );
      for (const operation of [
        'GET certificates_list',
        'POST certificates_create',
        'DELETE certificates_delete',
        'GET loadBalancers_list',
        'PUT loadBalancers_update',
        'GET cdn_list_endpoints',
        'PUT cdn_update_endpoints',
      ]) {
        assert.ok(sent.has(operation), `the round sent ${operation}`);
      }
      assertTrafficMatchesContract(spec, double.server.requests);
    } finally {
      await h.close();
    }
  });

  it('error replies the double makes on its own keep to the contract too', async () => {
    const h = await harness();
    try {
      const { provider, double } = h;
      const upload = uploadOf('dup-example-test', next.leaf, next.intermediates);
      const first = await provider.create(upload);
      await assert.rejects(provider.create(upload)); // 422: the name is taken
      double.addLoadBalancer(regionalLoadBalancer(first.id));
      await assert.rejects(provider.remove(first.id)); // 403: in use
      assert.equal(await provider.remove('0d4f3c2a-0000-4000-8000-000000000000'), 'already-gone'); // 404
      const statuses = new Set(double.server.requests.map((r) => r.reply?.status));
      for (const status of [422, 403, 404]) assert.ok(statuses.has(status), `a ${status} was answered`);
      assertTrafficMatchesContract(spec, double.server.requests);
    } finally {
      await h.close();
    }
  });
});

describe('contract: Dokploy client against its double', () => {
  let spec: DokployContract;
  let pki: Pki;
  let agent: Agent;
  let old: Made;
  let next: Made;
  before(async () => {
    // Closed objects: a real-dialect create that carried an extra field (a `certificateChain`,
    // which the real server drops, losing the chain) must not pass.
    spec = await loadDokploy({ unknownProperties: 'reject' });
    pki = await Pki.create();
    agent = newAgent();
    old = await makeUpload(pki, 'app-example-test-old', 1);
    next = await makeUpload(pki, 'app-example-test-new', 2);
  });
  after(async () => {
    await agent.close();
    await pki.cleanup();
  });

  it('a full round in the real dialect (list, create, list, remove, reload Traefik) keeps to the contract', async () => {
    const key = testKey('contract');
    const double = await DokployDouble.start({
      keys: [{ key, organizationId: 'org-contract', role: 'admin' }],
      servers: [{ serverId: 'srv-edge-1', name: 'edge', organizationId: 'org-contract' }],
    });
    try {
      const { provider } = wire(double, key, agent, { reloadTraefik: true });
      assert.deepEqual(await provider.list(), []);
      const previous = await provider.create(old.upload);
      const created = await provider.create(next.upload);
      assert.equal((await provider.list()).length, 2);
      assert.equal(await provider.remove(previous.id), 'removed');
      assert.equal(await provider.remove(previous.id), 'already-gone'); // 404
      await provider.settle!();
      assert.deepEqual(
        (await provider.list()).map((c) => c.id),
        [created.id],
      );

      const { provider: remote } = wire(double, key, agent, { serverId: 'srv-edge-1', reloadTraefik: true });
      const onServer = await remote.create({ ...old.upload, name: 'app-example-test-edge' });
      await remote.list();
      await remote.settle!();
      assert.equal(await remote.remove(onServer.id), 'removed');

      const operations = new Set(double.requests.map((r) => spec.match(r.method, r.path)?.operation.id));
      for (const id of [
        'certificates-all',
        'certificates-create',
        'certificates-remove',
        'settings-reloadTraefik',
      ]) {
        assert.ok(operations.has(id), `the round sent ${id}`);
      }
      assertTrafficMatchesContract(spec, double.requests);
    } finally {
      await double.close();
    }
  });

  it('in the docs dialect, what the client sends on the real routes keeps to the contract', async () => {
    const key = testKey('docs');
    const double = await DokployDouble.start({
      dialect: 'docs',
      keys: [{ key, organizationId: 'org-docs' }],
    });
    try {
      const { provider } = wire(double, key, agent);
      await provider.list();
      const created = await provider.create(old.upload);
      await provider.list();
      assert.equal(await provider.remove(created.id), 'removed');

      const real = double.requests.filter((r) => spec.match(r.method, r.path) !== undefined);
      assert.ok(real.length > 0, 'the client probed the real route');
      // The docs-dialect double answers as the docs describe, not as Dokploy does: replies are not checked.
      assert.deepEqual(trafficViolations(spec, real, { replies: false }), []);
      const described = trafficViolations(spec, double.requests, { replies: false });
      assert.ok(
        described.every((v) =>
          /no operation in Dokploy's description matches .* \/api\/certificate\./.test(v),
        ),
        described.join('\n'),
      );
    } finally {
      await double.close();
    }
  });
});
