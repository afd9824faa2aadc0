/**
 * The provider against the real dialect (what Dokploy's source does), end to end over a socket:
 * detection in one request, what a create sends, fingerprints from `certificateData`, removal,
 * organization scoping and the server-id scope.
 */
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Agent } from 'undici';
import { isProviderError } from '../../../src/providers/errors.ts';
import { DokployDouble } from '../../../test/doubles/dokploy.ts';
import { Pki } from '../../../test/support/pki.ts';
import { type Made, makeUpload, newAgent, pemCount, testKey, wire } from './fixtures.ts';

describe('Dokploy provider, real dialect', () => {
  let pki: Pki;
  let agent: Agent;
  let made: Made;
  let other: Made;
  before(async () => {
    pki = await Pki.create();
    agent = newAgent();
    made = await makeUpload(pki, 'app-example-test-1', 2, ['app.example.test', 'www.app.example.test']);
    other = await makeUpload(pki, 'other-example-test', 1, ['other.example.test']);
  });
  after(async () => {
    await agent.close();
    await pki.cleanup();
  });

  it('detects the dialect with one request, then creates, lists and removes', async () => {
    const key = testKey('a');
    const double = await DokployDouble.start({ keys: [{ key, organizationId: 'org-a' }] });
    try {
      const { provider } = wire(double, key, agent);
      assert.equal(provider.kind, 'dokploy');
      assert.match(provider.label, /^Dokploy at 127\.0\.0\.1:\d+$/);
      assert.deepEqual(await provider.list(), []);
      assert.deepEqual(
        double.requests.map((r) => `${r.method} ${r.path}`),
        ['GET /api/certificates.all'],
        'one request detects the dialect and lists',
      );

      const created = await provider.create(made.upload);
      assert.equal(created.name, made.upload.name);
      assert.equal(created.sha1, made.sha1);
      assert.deepEqual(created.dnsNames, ['app.example.test', 'www.app.example.test']);
      assert.equal(created.notAfter, new X509Certificate(made.leaf.certPem).validToDate.toISOString());
      assert.equal(created.createdAt, undefined);
      assert.ok(!('privateKey' in created));

      const listed = await provider.list();
      assert.deepEqual(listed, [created]);
      assert.equal(await provider.remove(created.id), 'removed');
      assert.deepEqual(await provider.list(), []);
      assert.deepEqual(double.certificates(), []);

      const paths = double.requests.map((r) => r.path);
      assert.equal(paths.filter((p) => p === '/api/certificates.all').length, 3, 'no extra detection');
      assert.ok(!paths.some((p) => p.startsWith('/api/certificate.')), 'the docs dialect is never tried');
      assert.equal(provider.requestCount(), double.requests.length);
    } finally {
      await double.close();
    }
  });

  it('sends what the real schema takes: x-api-key, the full chain as certificateData, no chain field', async () => {
    const key = testKey('a');
    const double = await DokployDouble.start({ keys: [{ key, organizationId: 'org-a' }] });
    try {
      const { provider } = wire(double, key, agent);
      await provider.create(made.upload);
      for (const req of double.requests) {
        assert.equal(req.headers['x-api-key'], key);
        assert.equal(req.headers.authorization, undefined, 'no Bearer header: the real server ignores it');
      }
      const [post] = double.server.requestsTo('POST', '/api/certificates.create');
      assert.ok(post);
      assert.equal(post.headers['content-type'], 'application/json');
      assert.deepEqual(Object.keys(post.body as object).sort(), [
        'certificateData',
        'name',
        'organizationId',
        'privateKey',
      ]);
      const body = post.body as Record<string, string>;
      assert.equal(body['organizationId'], '');
      assert.equal(body['certificateData'], made.upload.fullchain);
      assert.equal(pemCount(body['certificateData']!), 3, 'leaf and both intermediates, no root');
      const [stored] = double.certificates('org-a');
      assert.equal(stored?.certificateData, made.upload.certificate + made.upload.chain);
      assert.equal(stored?.serverId, null);
    } finally {
      await double.close();
    }
  });

  it('computes fingerprint, expiry and names from certificateData exactly as stored', async () => {
    const key = testKey('a');
    const double = await DokployDouble.start({ keys: [{ key, organizationId: 'org-a' }] });
    try {
      // Stored as given: CRLF line ends and text before the PEM, as a dashboard upload may hold.
      const messy = `subject=CN = app\r\n${made.upload.fullchain.replace(/\n/g, '\r\n')}`;
      double.seed({
        name: 'messy',
        certificateData: messy,
        privateKey: made.upload.privateKey,
        organizationId: 'org-a',
      });
      double.seed({ name: 'not-pem', certificateData: 'garbage', privateKey: 'x', organizationId: 'org-a' });
      const { provider } = wire(double, key, agent);
      const [first, second] = await provider.list();
      assert.equal(first?.sha1, made.sha1, "the engine's fingerprint");
      assert.equal(first?.notAfter, new X509Certificate(made.leaf.certPem).validToDate.toISOString());
      assert.deepEqual(first?.dnsNames, ['app.example.test', 'www.app.example.test']);
      assert.equal(second?.name, 'not-pem');
      assert.equal(second?.sha1, undefined, 'nothing readable: no fingerprint');
      assert.deepEqual(second?.dnsNames, []);
    } finally {
      await double.close();
    }
  });

  it('stores whatever it is given, as the real server does: no fingerprint from text that is no certificate', async () => {
    const key = testKey('a');
    const double = await DokployDouble.start({ keys: [{ key, organizationId: 'org-a' }] });
    try {
      const { provider } = wire(double, key, agent);
      const created = await provider.create({ ...made.upload, fullchain: 'not a certificate' });
      assert.equal(created.sha1, undefined);
      assert.equal(double.certificates()[0]?.certificateData, 'not a certificate');
    } finally {
      await double.close();
    }
  });

  it('sees and removes only its own organization', async () => {
    const keyA = testKey('a');
    const keyB = testKey('b');
    const double = await DokployDouble.start({
      keys: [
        { key: keyA, organizationId: 'org-a' },
        { key: keyB, organizationId: 'org-b' },
      ],
    });
    try {
      const a = wire(double, keyA, agent).provider;
      const b = wire(double, keyB, agent).provider;
      const mine = await a.create(made.upload);
      const theirs = await b.create(other.upload);
      assert.deepEqual(
        (await a.list()).map((c) => c.id),
        [mine.id],
      );
      assert.deepEqual(
        (await b.list()).map((c) => c.id),
        [theirs.id],
      );
      await assert.rejects(a.remove(theirs.id), (e: unknown) => {
        assert.ok(isProviderError(e, 'AUTH'));
        assert.match(e.message, /not allowed to delete this certificate/);
        return true;
      });
      assert.equal(double.certificates().length, 2, "the other organization's certificate is still there");
      assert.equal(double.certificates('org-b')[0]?.organizationId, 'org-b');
    } finally {
      await double.close();
    }
  });

  it('remove of an unknown id is already-gone, and a remove is safe to repeat', async () => {
    const key = testKey('a');
    const double = await DokployDouble.start({ keys: [{ key, organizationId: 'org-a' }] });
    try {
      const { provider } = wire(double, key, agent);
      assert.equal(await provider.remove('no-such-id'), 'already-gone');
      const created = await provider.create(made.upload);
      // The remove happens, the reply is lost: the retry finds it gone.
      double.inject({ method: 'POST', path: '/api/certificates.remove', fault: { kind: 'reset-after' } });
      assert.equal(await provider.remove(created.id), 'already-gone');
      assert.deepEqual(double.certificates(), []);
      assert.equal(double.server.requestsTo('POST', '/api/certificates.remove').length, 3);
    } finally {
      await double.close();
    }
  });

  it('with a server id: creates there and lists only that server; without: only the Dokploy host', async () => {
    const key = testKey('a');
    const double = await DokployDouble.start({
      keys: [{ key, organizationId: 'org-a' }],
      servers: [
        { serverId: 'srv-1', name: 'edge-1', organizationId: 'org-a' },
        { serverId: 'srv-2', name: 'edge-2', organizationId: 'org-a' },
      ],
    });
    try {
      double.seed({
        name: 'on-2',
        certificateData: other.upload.fullchain,
        privateKey: 'k',
        organizationId: 'org-a',
        serverId: 'srv-2',
      });
      double.seed({
        name: 'on-host',
        certificateData: other.upload.fullchain,
        privateKey: 'k',
        organizationId: 'org-a',
      });
      const onOne = wire(double, key, agent, { serverId: 'srv-1' }).provider;
      const created = await onOne.create(made.upload);
      const body = double.server.requestsTo('POST', '/api/certificates.create')[0]?.body as Record<
        string,
        unknown
      >;
      assert.equal(body['serverId'], 'srv-1');
      assert.deepEqual(
        (await onOne.list()).map((c) => c.name),
        [created.name],
      );
      const onHost = wire(double, key, agent).provider;
      assert.deepEqual(
        (await onHost.list()).map((c) => c.name),
        ['on-host'],
      );
      const onTwo = wire(double, key, agent, { serverId: ' srv-2 ' }).provider;
      assert.deepEqual(
        (await onTwo.list()).map((c) => c.name),
        ['on-2'],
      );
    } finally {
      await double.close();
    }
  });
});
