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
            'The API key is wrong, lacks the certificate permission, or has used up ' +
            "Dokploy's per-key rate limit (a key created through the API without rateLimitEnabled: false " +
            'may be verified 10 times a day, and each call verifies it twice: about 5 calls).',
        );
        assert.match(e.fix ?? '', /API key/);
        assert.match(e.fix ?? '', /certificate permissions \(read, create, delete\)/);
        assert.match(e.fix ?? '', /pass it in the api-token input \(from a secret\)\./);
        assert.ok(!e.message.includes(wrong) && !(e.fix ?? '').includes(wrong));
      }),
    );
    // Refused once, and never presented again: not as Bearer, not to another route.
    assert.deepEqual(
      double.requests.slice(before).map((r) => `${r.path} ${r.reply?.status}`),
      ['/api/certificates.all 401'],
    );
  });

  it('a wrong key is sent once, as x-api-key, whatever is called first; never as Bearer or to another route', async () => {
    const wrong = testKey('wrong');
    const calls: Array<[string, (p: ReturnType<typeof wire>['provider']) => Promise<unknown>]> = [
      ['list', (p) => p.list()],
      ['create', (p) => p.create(made.upload)],
      ['remove', (p) => p.remove('some-id')],
      ['settle', (p) => p.settle?.() ?? Promise.resolve()],
    ];
    for (const [name, call] of calls) {
      const before = double.requests.length;
      const { provider } = wire(double, wrong, agent, { reloadTraefik: true });
      await assert.rejects(
        call(provider),
        expectError('AUTH', () => {}),
        name,
      );
      const sent = double.requests.slice(before);
      assert.deepEqual(
        sent.map((r) => `${r.method} ${r.path} ${r.reply?.status}`),
        ['GET /api/certificates.all 401'],
        `${name}: the detection's one request, refused, and nothing after it`,
      );
      assert.equal(sent[0]?.headers['x-api-key'], wrong);
      assert.equal(sent[0]?.headers.authorization, undefined, `${name}: no Bearer header`);
    }
  });

  it('the double authenticates before it routes: a wrong key gets 401 on any path, a valid one 404 on an unknown route', async () => {
    const wrong = testKey('wrong');
    const get = (path: string, key: string) =>
      fetch(`${double.url}${path}`, { headers: { 'x-api-key': key } }).then((r) => r.status);
    assert.equal(await get('/api/certificate.all', wrong), 401);
    assert.equal(await get('/api/no.such', wrong), 401);
    assert.equal(await get('/api/certificate.all', owner), 404);
    assert.equal(await get('/api/certificates.all', owner), 200);
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
        assert.doesNotMatch(e.message, /rate limit/, "a procedure's own refusal is not the key's");
      }),
    );
  });

  it('a rate-limited key refused after it worked in the run: the rate limit named, and how to lift it', async () => {
    const key = testKey('limited');
    // A key created through the API with 10 verifications a day, as Dokploy makes it: 5 calls.
    double.addKey({ key, organizationId: 'org-a', role: 'owner', rateLimit: 10 });
    const via = 'in the environment variable CERT_ROTATE_API_TOKEN';
    const { provider } = wire(double, key, agent, { tokenHelp: { access: 'write', via } });
    for (let call = 1; call <= 5; call++) await provider.list();
    assert.equal(double.verifications(key), 10, 'two verifications per call');
    const before = double.requests.length;
    await assert.rejects(
      provider.list(),
      expectError('AUTH', (e) => {
        assert.equal(e.status, 401);
        assert.equal(
          e.message,
          'Dokploy refused the certificate list (GET /api/certificates.all): 401, "Unauthorized", ' +
            'though it accepted the same API key earlier in this run. The likely cause is ' +
            "Dokploy's per-key rate limit (a key created through the API without rateLimitEnabled: false " +
            'may be verified 10 times a day, and each call verifies it twice: about 5 calls).',
        );
        assert.match(e.fix ?? '', /"Add API key" form, which turns the limit off/);
        assert.match(e.fix ?? '', /through the API with rateLimitEnabled: false/);
        assert.match(
          e.fix ?? '',
          /pass it in the environment variable CERT_ROTATE_API_TOKEN\. Then run again\./,
        );
        assert.ok(!e.message.includes(key) && !(e.fix ?? '').includes(key));
      }),
    );
    assert.deepEqual(
      double.requests.slice(before).map((r) => `${r.path} ${r.reply?.status}`),
      ['/api/certificates.all 401'],
      'the same bare 401 as a wrong key, and not retried',
    );
    assert.deepEqual(double.requests.at(-1)?.reply?.body, { message: 'Unauthorized' });
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
