/**
 * Every way Dokploy says no, as a ProviderError with a code the rotation decides by and a
 * message that says what the server said and what to do.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Agent } from 'undici';
import {
  isProviderError,
  type ProviderError,
  type ProviderErrorCode,
} from '../../../src/providers/errors.ts';
import { createDokployProvider } from '../../../src/providers/dokploy/provider.ts';
import { Redactor } from '../../../src/secrets.ts';
import { DokployDouble, type DokployKey } from '../../../test/doubles/dokploy.ts';
import { Pki } from '../../../test/support/pki.ts';
import { type Made, makeUpload, newAgent, testKey, wire } from './fixtures.ts';

const ALL = '/api/certificates.all';

function expectError(code: ProviderErrorCode, check: (e: ProviderError) => void): (e: unknown) => boolean {
  return (e) => {
    assert.ok(isProviderError(e), `a ProviderError, got ${String(e)}`);
    assert.equal(e.providerCode, code, e.message);
    assert.ok(e.fix && e.fix.length > 20, 'a fix that says what to do');
    check(e);
    return true;
  };
}

describe('Dokploy provider, error replies', () => {
  let pki: Pki;
  let agent: Agent;
  let made: Made;
  let double: DokployDouble;
  const owner = testKey('owner');
  before(async () => {
    pki = await Pki.create();
    agent = newAgent();
    made = await makeUpload(pki, 'app-example-test-1');
    double = await DokployDouble.start({ keys: [{ key: owner, organizationId: 'org-a', role: 'owner' }] });
  });
  after(async () => {
    await double.close();
    await agent.close();
    await pki.cleanup();
  });

  function member(permissions: DokployKey['permissions']): string {
    const key = testKey('member');
    double.addKey({ key, organizationId: 'org-a', role: 'member', ...(permissions ? { permissions } : {}) });
    return key;
  }

  it('a wrong key in plan asks only for the read permission, where the terminal takes the key', async () => {
    const via = 'in the environment variable CERT_ROTATE_API_TOKEN';
    const plan = wire(double, testKey('wrong'), agent, { tokenHelp: { access: 'read', via } }).provider;
    await assert.rejects(
      plan.list(),
      expectError('AUTH', (e) => {
        assert.match(e.fix ?? '', /certificate permissions \(read\) or the owner\/admin role/);
        assert.match(e.fix ?? '', /pass it in the environment variable CERT_ROTATE_API_TOKEN\./);
        assert.doesNotMatch(e.fix ?? '', /create|input|secret/);
      }),
    );
    const apply = wire(double, testKey('wrong'), agent, { tokenHelp: { access: 'write', via } }).provider;
    await assert.rejects(
      apply.list(),
      expectError('AUTH', (e) => assert.match(e.fix ?? '', /permissions \(read, create, delete\)/)),
    );
  });

  it('a wrong key: AUTH, the server quoted, a fix that names the permission; the key never in the message', async () => {
    const wrong = testKey('wrong');
    const before = double.requests.length;
    const { provider } = wire(double, wrong, agent);
    await assert.rejects(
      provider.list(),
      expectError('AUTH', (e) => {
        assert.equal(e.status, 401);
        assert.equal(
          e.message,
          'Dokploy refused the certificate list (GET /api/certificates.all): 401, "Unauthorized". ' +
            'The API key is wrong or lacks the certificate permission.',
        );
        assert.match(e.fix ?? '', /API key/);
        assert.match(e.fix ?? '', /certificate permissions \(read, create, delete\)/);
        assert.match(e.fix ?? '', /pass it in the api-token input \(from a secret\)\./);
        assert.ok(!e.message.includes(wrong) && !(e.fix ?? '').includes(wrong));
      }),
    );
    // The real route said 401; the docs route is asked once, in case the server authenticates
    // before it routes, and its 404 leaves the real server's answer standing.
    assert.deepEqual(
      double.requests.slice(before).map((r) => `${r.path} ${r.reply?.status}`),
      ['/api/certificates.all 401', '/api/certificate.all 404'],
    );
  });

  it('no key at all is refused before any request', () => {
    assert.throws(
      () => createDokployProvider({ apiKey: '  ', baseUrl: double.url, redactor: new Redactor() }),
      expectError('AUTH', (e) => assert.match(e.message, /no API key/)),
    );
  });

  it('a member without the certificate permission gets 401 (never 403): AUTH', async () => {
    const { provider } = wire(double, member([]), agent);
    await assert.rejects(
      provider.list(),
      expectError('AUTH', (e) => {
        assert.equal(e.status, 401);
        assert.match(e.message, /401 UNAUTHORIZED, "You do not have permission to read certificates"/);
      }),
    );
  });

  it('a member who may read but not create: the list works, the create is AUTH', async () => {
    const { provider } = wire(double, member(['read']), agent);
    await provider.list();
    await assert.rejects(
      provider.create(made.upload),
      expectError('AUTH', (e) => {
        assert.match(e.message, /the certificate upload \(POST \/api\/certificates\.create\)/);
        assert.match(e.message, /permission to create certificates/);
      }),
    );
  });

  it('an invalid input: BAD_REQUEST with the issues, field by field', async () => {
    const { provider } = wire(double, owner, agent);
    await assert.rejects(
      provider.create({ ...made.upload, name: '' }),
      expectError('BAD_REQUEST', (e) => {
        assert.equal(e.status, 400);
        assert.equal(
          e.message,
          'Dokploy rejected the certificate upload (POST /api/certificates.create) with 400: ' +
            'name: String must contain at least 1 character(s).',
        );
      }),
    );
  });

  it('issues only in data.zodError are quoted too', async () => {
    const { provider } = wire(double, owner, agent);
    await provider.list();
    double.inject({
      path: '/api/certificates.create',
      fault: {
        kind: 'status',
        status: 400,
        body: {
          message: 'Input validation failed',
          code: 'BAD_REQUEST',
          data: { zodError: { formErrors: [], fieldErrors: { privateKey: ['Required'] } } },
        },
      },
    });
    await assert.rejects(
      provider.create(made.upload),
      expectError('BAD_REQUEST', (e) => assert.match(e.message, /: privateKey: Required\.$/)),
    );
  });

  it('Dokploy Cloud without a server id: the server says so', async () => {
    const key = testKey('cloud');
    const cloud = await DokployDouble.start({ cloud: true, keys: [{ key, organizationId: 'org-c' }] });
    try {
      const { provider } = wire(cloud, key, agent);
      await assert.rejects(
        provider.create(made.upload),
        expectError('AUTH', (e) => {
          assert.match(e.message, /"Please set a server to create a certificate"/);
          assert.match(e.fix ?? '', /Dokploy Cloud a certificate also needs a server id/);
        }),
      );
      await wire(cloud, key, agent, { serverId: 'srv-1' }).provider.create(made.upload);
      assert.equal(cloud.certificates().length, 1);
    } finally {
      await cloud.close();
    }
  });

  it('a 500 with a tRPC body that lasts past the retries: UNAVAILABLE, quoting the server; 5xx from a gateway after retries', async () => {
    const { provider } = wire(double, owner, agent);
    await provider.list();
    // A read: a passing 500 is retried, so only one that lasts reaches the caller.
    double.inject({
      path: ALL,
      times: Infinity,
      fault: {
        kind: 'status',
        status: 500,
        body: {
          message: 'Failed query',
          code: 'INTERNAL_SERVER_ERROR',
          data: { code: 'INTERNAL_SERVER_ERROR' },
        },
      },
    });
    await assert.rejects(
      provider.list(),
      expectError('UNAVAILABLE', (e) => {
        assert.equal(
          e.message,
          'Dokploy failed on the certificate list (GET /api/certificates.all): 500 INTERNAL_SERVER_ERROR, "Failed query".',
        );
        assert.match(e.fix ?? '', /logs/);
      }),
    );
    double.server.clearFaults();
    double.inject({ path: ALL, times: Infinity, fault: { kind: 'status', status: 503 } });
    try {
      await assert.rejects(
        provider.list(),
        expectError('UNAVAILABLE', (e) => assert.match(e.message, /503 after 5 tries/)),
      );
    } finally {
      double.server.clearFaults();
    }
  });

  it('no certificate API at the URL: NOT_FOUND naming both routes, with the URL fix', async () => {
    const { provider } = wire(double, owner, agent, { baseUrl: `${double.url}/somewhere-else` });
    await assert.rejects(
      provider.list(),
      expectError('NOT_FOUND', (e) => {
        assert.match(
          e.message,
          /GET \/somewhere-else\/api\/certificates\.all and GET \/somewhere-else\/api\/certificate\.all both answered 404/,
        );
        assert.match(e.fix ?? '', /address of the Dokploy dashboard/);
      }),
    );
  });

  it('replies that are not what the API describes: PROTOCOL, naming the item, never its content', async () => {
    const { provider } = wire(double, owner, agent);
    await provider.list();
    const html = { 'content-type': 'text/html' };
    double.inject({ path: ALL, fault: { kind: 'status', status: 200, headers: html, body: '<html>' } });
    await assert.rejects(
      provider.list(),
      expectError('PROTOCOL', (e) => assert.match(e.message, /the reply is not a list of certificates/)),
    );
    double.inject({
      path: ALL,
      fault: { kind: 'status', status: 200, body: [{ name: 'x', privateKey: 'p' }] },
    });
    await assert.rejects(
      provider.list(),
      expectError('PROTOCOL', (e) => assert.match(e.message, /item 1 has no certificateId/)),
    );
    double.inject({
      path: ALL,
      fault: { kind: 'status', status: 405, body: { message: 'Method not allowed' } },
    });
    await assert.rejects(
      provider.list(),
      expectError('PROTOCOL', (e) => assert.match(e.message, /unexpected 405, "Method not allowed"/)),
    );
  });

  it('a 404 on a remove is already-gone, nowhere else is a 404 success', async () => {
    const { provider } = wire(double, owner, agent);
    assert.equal(await provider.remove('never-was'), 'already-gone');
    double.inject({
      path: '/api/certificates.create',
      fault: { kind: 'status', status: 404, body: { message: 'Server not found', code: 'NOT_FOUND' } },
    });
    await assert.rejects(
      provider.create(made.upload),
      expectError('NOT_FOUND', (e) => assert.match(e.message, /404 NOT_FOUND, "Server not found"/)),
    );
  });
});
