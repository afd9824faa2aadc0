/**
 * settle(): Traefik's file provider misses new certificate folders until it reloads (Dokploy
 * issue #4503), so when asked the provider reloads it: on the Dokploy host, or on the server the
 * certificates went to. It needs an owner's or admin's key.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Agent } from 'undici';
import { isProviderError } from '../../../src/providers/errors.ts';
import { DokployDouble } from '../../../test/doubles/dokploy.ts';
import { newAgent, testKey, wire } from './fixtures.ts';

const RELOAD = '/api/settings.reloadTraefik';

describe('Dokploy provider, settle', () => {
  let agent: Agent;
  let double: DokployDouble;
  let docs: DokployDouble;
  const admin = testKey('admin');
  const member = testKey('member');
  before(async () => {
    agent = newAgent();
    const keys = [
      { key: admin, organizationId: 'org-a', role: 'admin' as const },
      { key: member, organizationId: 'org-a', role: 'member' as const },
    ];
    double = await DokployDouble.start({ keys });
    docs = await DokployDouble.start({ dialect: 'docs', keys });
  });
  after(async () => {
    await double.close();
    await docs.close();
    await agent.close();
  });

  it('does nothing unless asked', async () => {
    const before = double.requests.length;
    const { provider } = wire(double, admin, agent);
    assert.ok(provider.settle);
    await provider.settle();
    assert.equal(double.requests.length, before, 'not even a detection');
    assert.equal(provider.uses, undefined, 'Dokploy serves by SNI: nothing to rebind');
    assert.equal(provider.rebind, undefined);
  });

  it('reloads Traefik on the Dokploy host: an empty body', async () => {
    const { provider } = wire(double, admin, agent, { reloadTraefik: true });
    await provider.list();
    await provider.settle?.();
    const [reload] = double.server.requestsTo('POST', RELOAD);
    assert.deepEqual(reload?.body, {});
    assert.equal(reload?.headers['x-api-key'], admin);
    assert.deepEqual(double.reloads, [{ organizationId: 'org-a', serverId: null }]);
  });

  it('reloads Traefik on the server the certificates went to', async () => {
    const { provider } = wire(double, admin, agent, { reloadTraefik: true, serverId: 'srv-7' });
    await provider.settle?.();
    assert.deepEqual(double.server.requestsTo('POST', RELOAD).at(-1)?.body, { serverId: 'srv-7' });
    assert.deepEqual(double.reloads.at(-1), { organizationId: 'org-a', serverId: 'srv-7' });
  });

  it('settle before any listing detects the dialect first (docs: Bearer on the same route)', async () => {
    const { provider } = wire(docs, admin, agent, { reloadTraefik: true, serverId: 'srv-7' });
    await provider.settle?.();
    assert.deepEqual(
      docs.requests.map((r) => `${r.method} ${r.path}`),
      ['GET /api/certificates.all', 'GET /api/certificate.all', `POST ${RELOAD}`],
    );
    assert.equal(docs.requests.at(-1)?.headers.authorization, `Bearer ${admin}`);
    assert.deepEqual(docs.reloads, [{ organizationId: 'org-a', serverId: 'srv-7' }]);
  });

  it("a member's key may not reload Traefik: AUTH, with a fix that says so", async () => {
    const { provider } = wire(double, member, agent, { reloadTraefik: true });
    await assert.rejects(provider.settle?.() ?? Promise.resolve(), (e: unknown) => {
      assert.ok(isProviderError(e, 'AUTH'));
      assert.match(
        e.message,
        /^Dokploy refused the Traefik reload \(POST \/api\/settings\.reloadTraefik\): 401 UNAUTHORIZED/,
      );
      assert.match(e.fix ?? '', /owner or an admin/);
      assert.match(e.fix ?? '', /turn the Traefik reload off/);
      return true;
    });
  });
});
