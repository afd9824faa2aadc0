import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createDigitalOceanProvider } from '../../../src/providers/digitalocean/provider.ts';
import {
  isProviderError,
  type ProviderError,
  type ProviderErrorCode,
} from '../../../src/providers/errors.ts';
import { Redactor } from '../../../src/secrets.ts';
import { regionalLoadBalancer } from '../../../test/doubles/digitalocean.ts';
import { LoopbackServer } from '../../../test/doubles/loopback.ts';
import { type Harness, harness, uploadOf } from '../../../test/support/digitalocean-harness.ts';
import { type Issued, Pki } from '../../../test/support/pki.ts';
import { rejection } from '../../../test/support/rejection.ts';

let pki: Pki;
let leaf: Issued;

before(async () => {
  pki = await Pki.create();
  leaf = await pki.leaf('self', { cn: 'errors.example.test' });
});
after(() => pki.cleanup());

/** Everything the run could print: messages, fixes, causes, stacks, debug lines. */
function printed(h: Harness, errors: ProviderError[]): string {
  return [
    ...h.debug,
    ...errors.flatMap((e) => [e.message, e.fix ?? '', e.stack ?? '', String(e.cause ?? '')]),
  ].join('\n');
}

const SCOPES =
  /certificate:read, certificate:create, certificate:delete, load_balancer:read, load_balancer:update, cdn:read, cdn:update/;

describe('DigitalOcean error mapping', () => {
  const cases: Array<[number, Record<string, unknown> | undefined, ProviderErrorCode]> = [
    [401, { id: 'unauthorized', message: 'Unable to authenticate you.' }, 'AUTH'],
    [403, { id: 'forbidden', message: 'You do not have access for the attempted action.' }, 'AUTH'],
    [404, { id: 'not_found', message: 'The resource you requested could not be found.' }, 'NOT_FOUND'],
    [400, { id: 'bad_request', message: 'error parsing request body' }, 'BAD_REQUEST'],
    [422, { id: 'unprocessable_entity', message: 'request payload validation failed' }, 'BAD_REQUEST'],
    [500, { id: 'server_error', message: 'Unexpected server-side error' }, 'UNAVAILABLE'],
    [503, { id: 'service_unavailable', message: 'down' }, 'UNAVAILABLE'],
    [429, { id: 'too_many_requests', message: 'API rate limit exceeded.' }, 'RATE_LIMITED'],
    [418, { id: 'teapot', message: 'short and stout' }, 'PROTOCOL'],
    [200, { certificates: 'not a list' }, 'PROTOCOL'],
    [200, undefined, 'PROTOCOL'],
  ];
  for (const [status, body, code] of cases) {
    it(`${status} ${body ? JSON.stringify(body).slice(0, 40) : '(no body)'} → ${code}`, async () => {
      const h = await harness();
      try {
        h.double.server.inject({
          path: '/v2/certificates',
          times: Infinity,
          fault: {
            kind: 'status',
            status,
            ...(body === undefined ? {} : { body }),
            headers: { 'retry-after': '1' },
          },
        });
        const error = await rejection(h.provider.list());
        assert.equal(error.providerCode, code);
        assert.equal(error.code, `PROVIDER_${code}`);
        if (
          typeof body?.['message'] === 'string' &&
          !['RATE_LIMITED', 'UNAVAILABLE'].includes(code) &&
          status !== 200
        ) {
          assert.ok(error.message.includes(body['message']), error.message);
        }
      } finally {
        await h.close();
      }
    });
  }

  it('a token DigitalOcean does not accept is AUTH, with a fix naming every scope, and never printed', async () => {
    const wrong = `dop_v1_${randomBytes(32).toString('hex')}`;
    const h = await harness({ provider: { token: wrong } });
    try {
      const error = await rejection(h.provider.list());
      assert.equal(error.providerCode, 'AUTH');
      assert.equal(error.status, 401);
      assert.match(error.message, /Unable to authenticate you/);
      assert.match(error.fix ?? '', SCOPES);
      assert.ok(!printed(h, [error]).includes(wrong));
    } finally {
      await h.close();
    }
  });

  it('a refused token in plan asks only for the read scopes, where the terminal takes the token', async () => {
    const wrong = `dop_v1_${randomBytes(32).toString('hex')}`;
    const via = 'in the environment variable CERT_ROTATE_API_TOKEN';
    const h = await harness({ provider: { token: wrong, tokenHelp: { access: 'read', via } } });
    try {
      for (const refused of [h.provider.list(), h.provider.uses!()]) {
        const error = await rejection(refused);
        assert.equal(error.providerCode, 'AUTH');
        assert.equal(
          error.fix,
          'Pass a valid DigitalOcean API token with the scopes certificate:read, load_balancer:read, cdn:read in the environment variable CERT_ROTATE_API_TOKEN.',
        );
        assert.ok(!printed(h, [error]).includes(wrong));
      }
    } finally {
      await h.close();
    }
    const apply = await harness({ provider: { token: wrong, tokenHelp: { access: 'write', via } } });
    try {
      const error = await rejection(apply.provider.list());
      assert.match(error.fix ?? '', SCOPES);
      assert.match(error.fix ?? '', /CERT_ROTATE_API_TOKEN\.$/);
      assert.doesNotMatch(error.fix ?? '', /input|secret/);
    } finally {
      await apply.close();
    }
  });

  it('a token without a scope is AUTH naming the scope the request needed', async () => {
    const token = `dop_v1_${randomBytes(32).toString('hex')}`;
    const h = await harness({
      double: { tokens: { [token]: ['certificate:read', 'load_balancer:read'] } },
      provider: { token },
    });
    try {
      const create = await rejection(h.provider.create(uploadOf('x', leaf)));
      assert.equal(create.providerCode, 'AUTH');
      assert.equal(create.status, 403);
      assert.match(create.message, /certificate:create/);
      const uses = await rejection(h.provider.uses!());
      assert.match(uses.message, /cdn:read/);
      const cert = h.double.addCertificate('a');
      const lb = h.double.addLoadBalancer(regionalLoadBalancer(cert.id));
      const use = { kind: 'load-balancer' as const, id: lb.id, name: 'lb', certificateIds: [cert.id] };
      assert.match(
        (await rejection(h.provider.rebind!(use, cert.id, cert.id))).message,
        /load_balancer:update/,
      );
      assert.match((await rejection(h.provider.remove(cert.id))).message, /certificate:delete/);
    } finally {
      await h.close();
    }
  });

  it('a busy 403 outside a rebind is BUSY; an in-use 403 is IN_USE whatever its case', async () => {
    const h = await harness();
    try {
      const cert = h.double.addCertificate('a');
      h.double.addLoadBalancer(regionalLoadBalancer(cert.id));
      const refuse = (message: string) =>
        h.double.server.inject({
          method: 'DELETE',
          fault: { kind: 'status', status: 403, body: { id: 'forbidden', message } },
        });
      refuse('MAKE SURE THE CERTIFICATE IS NOT IN USE BEFORE DELETING IT');
      assert.equal((await rejection(h.provider.remove(cert.id))).providerCode, 'IN_USE');
      refuse("Load Balancer can't be updated while it processes previous actions");
      assert.equal((await rejection(h.provider.remove(cert.id))).providerCode, 'BUSY');
    } finally {
      await h.close();
    }
  });

  it('an in-use refusal is IN_USE even when the token cannot list what uses the certificate', async () => {
    const token = `dop_v1_${randomBytes(32).toString('hex')}`;
    const h = await harness({
      double: { tokens: { [token]: ['certificate:read', 'certificate:delete', 'load_balancer:read'] } },
      provider: { token },
    });
    try {
      const cert = h.double.addCertificate('a');
      h.double.addLoadBalancer(regionalLoadBalancer(cert.id));
      const error = await rejection(h.provider.remove(cert.id));
      assert.equal(error.providerCode, 'IN_USE');
      assert.ok(isProviderError(error.cause, 'AUTH'));
    } finally {
      await h.close();
    }
  });

  it('nothing listening is NETWORK after the retries, naming the host', async () => {
    const closed = await LoopbackServer.start(() => ({ status: 200 }));
    const url = closed.url;
    await closed.close();
    const debug: string[] = [];
    const token = `dop_v1_${randomBytes(32).toString('hex')}`;
    const provider = createDigitalOceanProvider({
      token,
      baseUrl: url,
      redactor: new Redactor(),
      retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
      debug: (line) => debug.push(line),
    });
    const error = await rejection(provider.list());
    assert.equal(error.providerCode, 'NETWORK');
    assert.match(error.fix ?? '', /127\.0\.0\.1/);
    assert.ok(![...debug, error.message, error.fix].join('\n').includes(token));
  });

  it('refuses plain http to another host, and an empty token, before sending anything', () => {
    const redactor = new Redactor();
    assert.throws(
      () =>
        createDigitalOceanProvider({ token: 'x'.repeat(64), baseUrl: 'http://api.example.com', redactor }),
      (e) => isProviderError(e, 'INSECURE_URL'),
    );
    assert.throws(
      () => createDigitalOceanProvider({ token: '  ', redactor }),
      (e) => isProviderError(e, 'AUTH'),
    );
  });

  it('the token never shows: not in errors (even when a reply echoes it), not in debug lines', async () => {
    const h = await harness({ double: { stillInUseMs: 5_000 } });
    const errors: ProviderError[] = [];
    try {
      const a = h.double.addCertificate('a');
      const b = h.double.addCertificate('b');
      h.double.addLoadBalancer(regionalLoadBalancer(a.id));
      h.double.server.inject({
        path: '/v2/certificates',
        method: 'GET',
        fault: {
          kind: 'status',
          status: 400,
          body: { id: 'bad_request', message: `token ${h.double.token} rejected` },
        },
      });
      errors.push(await rejection(h.provider.list()));
      assert.match(
        errors[0]?.message ?? '',
        /got 400: the reply echoed part of what was sent and is not shown$/,
      );
      errors.push(await rejection(h.provider.remove(a.id)));
      const [use] = await h.provider.uses!();
      await h.provider.rebind!(use!, a.id, b.id);
      await h.provider.remove(a.id);
      h.double.server.inject({ fault: { kind: 'status', status: 503 }, times: Infinity });
      errors.push(await rejection(h.provider.list()));
      errors.push(await rejection(h.provider.create(uploadOf('c', leaf))));
      assert.ok(h.debug.length > 10);
      assert.ok(!printed(h, errors).includes(h.double.token));
      assert.ok(
        h.double.server.requests.every((r) => r.headers.authorization === `Bearer ${h.double.token}`),
      );
    } finally {
      await h.close();
    }
  });
});
