/**
 * The provider against the dialect third-party docs describe: singular router, Bearer key,
 * `{"error","message"}` errors, a listing without certificate data. Detected once (a 404 on the
 * real route, then the docs one), used from then on; sha1 stays undefined and names are kept.
 */
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { type Agent, request } from 'undici';
import { isProviderError } from '../../../src/providers/errors.ts';
import { DokployDouble } from '../../../test/doubles/dokploy.ts';
import { Pki } from '../../../test/support/pki.ts';
import { type Made, makeUpload, newAgent, pemCount, testKey, wire } from './fixtures.ts';

describe('Dokploy provider, docs dialect', () => {
  let pki: Pki;
  let agent: Agent;
  let made: Made;
  before(async () => {
    pki = await Pki.create();
    agent = newAgent();
    made = await makeUpload(pki, 'app-example-test-1', 2, ['app.example.test', 'api.example.test']);
  });
  after(async () => {
    await agent.close();
    await pki.cleanup();
  });

  it('detects once (404 on certificates.all, then certificate.all) and sticks to it', async () => {
    const key = testKey('d');
    const double = await DokployDouble.start({ dialect: 'docs', keys: [{ key, organizationId: 'org-d' }] });
    try {
      const { provider, debug } = wire(double, key, agent);
      assert.deepEqual(await provider.list(), []);
      assert.deepEqual(
        double.requests.map((r) => `${r.method} ${r.path} ${r.reply?.status}`),
        ['GET /api/certificates.all 404', 'GET /api/certificate.all 200'],
        'two detection requests',
      );
      const created = await provider.create(made.upload);
      await provider.list();
      assert.equal(await provider.remove(created.id), 'removed');
      await provider.list();
      const after = double.requests.slice(2);
      assert.deepEqual(
        after.map((r) => `${r.method} ${r.path}`),
        [
          'POST /api/certificate.create',
          'GET /api/certificate.all',
          'POST /api/certificate.remove',
          'GET /api/certificate.all',
        ],
      );
      assert.equal(double.server.requestsTo('GET', '/api/certificates.all').length, 1, 'detected once');
      for (const req of double.requests.slice(1)) {
        assert.equal(req.headers.authorization, `Bearer ${key}`);
        assert.equal(req.headers['x-api-key'], undefined, 'the key travels in one header only');
      }
      assert.equal(double.requests[0]?.headers['x-api-key'], key);
      assert.equal(double.requests[0]?.headers.authorization, undefined);
      assert.ok(debug.some((line) => /speaking the documented variant/.test(line)));
    } finally {
      await double.close();
    }
  });

  it('lists without certificate data: no sha1, the name kept, expiry and names from the listing', async () => {
    const key = testKey('d');
    const double = await DokployDouble.start({ dialect: 'docs', keys: [{ key, organizationId: 'org-d' }] });
    try {
      const { provider } = wire(double, key, agent);
      const created = await provider.create(made.upload);
      const [listed] = await provider.list();
      assert.ok(listed);
      assert.equal(listed.id, created.id);
      assert.equal(listed.name, 'app-example-test-1');
      assert.equal(listed.sha1, undefined);
      assert.equal(listed.notAfter, new X509Certificate(made.leaf.certPem).validToDate.toISOString());
      assert.deepEqual(listed.dnsNames, ['app.example.test', 'api.example.test']);
      assert.equal(listed.state, 'active');
      assert.equal(created.sha1, undefined, 'the create reply carries no data either');
      const reply = double.server.requestsTo('GET', '/api/certificate.all').at(-1)?.reply;
      assert.ok(reply && Array.isArray(reply.body));
      const item: unknown = reply.body[0];
      assert.deepEqual(Object.keys(item as object).sort(), [
        'certificateId',
        'domains',
        'expirationDate',
        'name',
        'serverId',
        'status',
      ]);
    } finally {
      await double.close();
    }
  });

  it('never sends certificateChain: each intermediate is stored once', async () => {
    const key = testKey('d');
    const double = await DokployDouble.start({ dialect: 'docs', keys: [{ key, organizationId: 'org-d' }] });
    try {
      const { provider } = wire(double, key, agent, { serverId: 'srv-9' });
      await provider.create(made.upload);
      const body = double.server.requestsTo('POST', '/api/certificate.create')[0]?.body as Record<
        string,
        unknown
      >;
      assert.deepEqual(Object.keys(body).sort(), [
        'certificateData',
        'name',
        'organizationId',
        'privateKey',
        'serverId',
      ]);
      const [stored] = double.certificates();
      assert.equal(stored?.certificateData, made.upload.fullchain);
      assert.equal(pemCount(stored?.certificateData ?? ''), 3);
      for (const intermediate of made.intermediates) {
        const body64 = intermediate.certPem.split('\n')[1] ?? '';
        assert.equal(stored?.certificateData.split(body64).length, 2, 'intermediate served exactly once');
      }
    } finally {
      await double.close();
    }
  });

  it('control: the double serves a certificateChain appended, so sending both would duplicate', async () => {
    const key = testKey('d');
    const double = await DokployDouble.start({ dialect: 'docs', keys: [{ key, organizationId: 'org-d' }] });
    try {
      const res = await request(`${double.url}/api/certificate.create`, {
        method: 'POST',
        dispatcher: agent,
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          name: 'both',
          certificateData: made.upload.fullchain,
          certificateChain: made.upload.chain,
          privateKey: made.upload.privateKey,
        }),
      });
      assert.equal(res.statusCode, 200);
      await res.body.dump();
      assert.equal(pemCount(double.certificates()[0]?.certificateData ?? ''), 5, 'two intermediates twice');
    } finally {
      await double.close();
    }
  });

  it('maps {"error","message"} replies: 401, 403 on another organization, 400, 404', async () => {
    const keyD = testKey('d');
    const keyE = testKey('e');
    const double = await DokployDouble.start({
      dialect: 'docs',
      keys: [
        { key: keyD, organizationId: 'org-d' },
        { key: keyE, organizationId: 'org-e' },
      ],
    });
    try {
      const wrongKey = testKey('wrong');
      const wrong = wire(double, wrongKey, agent).provider;
      const since = double.requests.length;
      await assert.rejects(wrong.list(), (e: unknown) => {
        assert.ok(isProviderError(e, 'AUTH'));
        assert.match(e.message, /: 401 Unauthorized, "Missing or invalid API key"\. /);
        assert.match(e.message, /The API key is wrong, lacks the certificate permission, or has used up/);
        return true;
      });
      // The real route's 404 is no refusal, so the Bearer form is tried once; its 401 ends it.
      assert.deepEqual(
        double.requests
          .slice(since)
          .map((r) => `${r.path} ${r.reply?.status} ${r.headers.authorization ?? '-'}`),
        [`/api/certificates.all 404 -`, `/api/certificate.all 401 Bearer ${wrongKey}`],
      );
      const d = wire(double, keyD, agent).provider;
      const e = wire(double, keyE, agent).provider;
      const theirs = await e.create(made.upload);
      await assert.rejects(d.remove(theirs.id), (err: unknown) => {
        assert.ok(isProviderError(err, 'AUTH'));
        assert.equal(err.status, 403);
        assert.match(err.message, /403 Forbidden, "You are not allowed to delete this certificate"/);
        return true;
      });
      await assert.rejects(d.create({ ...made.upload, name: '' }), (err: unknown) => {
        assert.ok(isProviderError(err, 'BAD_REQUEST'));
        assert.match(err.message, /name: String must contain at least 1 character/);
        return true;
      });
      assert.equal(await d.remove('gone-already'), 'already-gone');
      assert.equal(double.certificates().length, 1);
    } finally {
      await double.close();
    }
  });

  it('an ambiguous create is found by name (no data listed) and not sent again', async () => {
    const key = testKey('d');
    const double = await DokployDouble.start({ dialect: 'docs', keys: [{ key, organizationId: 'org-d' }] });
    try {
      const { provider, debug } = wire(double, key, agent);
      await provider.list();
      double.inject({ method: 'POST', path: '/api/certificate.create', fault: { kind: 'reset-after' } });
      const created = await provider.create(made.upload);
      assert.equal(created.name, made.upload.name);
      assert.equal(double.certificates().length, 1, 'no duplicate');
      assert.equal(double.server.requestsTo('POST', '/api/certificate.create').length, 1);
      assert.ok(debug.some((line) => /had landed despite the error/.test(line)));
    } finally {
      await double.close();
    }
  });
});
