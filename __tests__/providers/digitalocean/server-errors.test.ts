/**
 * A passing 500 on a read is asked again (as godo's retrying client and Terraform's provider
 * do); a 500 on a create is never resent blindly: the listing is searched for it first.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { regionalLoadBalancer } from '../../../test/doubles/digitalocean.ts';
import { harness, uploadOf } from '../../../test/support/digitalocean-harness.ts';
import { type Issued, Pki } from '../../../test/support/pki.ts';
import { rejection } from '../../../test/support/rejection.ts';

let pki: Pki;
let leaf: Issued;

before(async () => {
  pki = await Pki.create();
  leaf = await pki.leaf('self', { cn: 'retry.example.test' });
});
after(() => pki.cleanup());

const SERVER_ERROR = {
  kind: 'status',
  status: 500,
  body: { id: 'server_error', message: 'Unexpected server-side error' },
} as const;

describe('DigitalOcean: a 500 on a read is retried', () => {
  it('the first certificate listing gets 500, the retry succeeds, the listing is whole', async () => {
    const h = await harness();
    try {
      h.double.addCertificates(450);
      h.double.server.inject({ method: 'GET', path: '/v2/certificates', fault: SERVER_ERROR });
      assert.equal((await h.provider.list()).length, 450);
      const gets = h.double.server.requestsTo('GET', '/v2/certificates');
      assert.deepEqual(
        gets.map((r) => r.reply?.status),
        [500, 200, 200, 200],
      );
      assert.equal(gets[0]?.query.get('page'), '1');
      assert.equal(gets[1]?.query.get('page'), '1');
    } finally {
      await h.close();
    }
  });

  it('a page after the first, a load balancer listing and a CDN listing each get 500 once: all retried', async () => {
    const h = await harness();
    try {
      const old = h.double.addCertificate('old');
      h.double.addCertificates(250);
      h.double.addLoadBalancer(regionalLoadBalancer(old.id));
      h.double.addCdnEndpoint({
        origin: 'a.nyc3.digitaloceanspaces.com',
        custom_domain: 'a.example.com',
        certificate_id: old.id,
      });
      h.double.server.inject({ method: 'GET', path: '/v2/certificates', nth: 2, fault: SERVER_ERROR });
      h.double.server.inject({ method: 'GET', path: '/v2/load_balancers', fault: SERVER_ERROR });
      h.double.server.inject({ method: 'GET', path: '/v2/cdn/endpoints', fault: SERVER_ERROR });
      assert.equal((await h.provider.list()).length, 251);
      assert.equal((await h.provider.uses!()).length, 2);
    } finally {
      await h.close();
    }
  });

  it('a read-back and the load balancer read before a rebind get 500 once: retried, the rebind lands', async () => {
    const h = await harness();
    try {
      const old = h.double.addCertificate('old');
      const next = h.double.addCertificate('new');
      const lb = h.double.addLoadBalancer(regionalLoadBalancer(old.id));
      h.double.server.inject({ method: 'GET', path: `/v2/certificates/${next.id}`, fault: SERVER_ERROR });
      h.double.server.inject({ method: 'GET', path: `/v2/load_balancers/${lb.id}`, fault: SERVER_ERROR });
      assert.equal((await h.provider.readBack!(next.id))?.id, next.id);
      const [use] = await h.provider.uses!();
      const moved = await h.provider.rebind!(use!, old.id, next.id);
      assert.deepEqual(moved.certificateIds, [next.id]);
    } finally {
      await h.close();
    }
  });

  it('a read that keeps getting 500 fails as UNAVAILABLE after the bounded retries', async () => {
    const h = await harness({ provider: { retry: { attempts: 3 } } });
    try {
      h.double.server.inject({
        method: 'GET',
        path: '/v2/certificates',
        times: Infinity,
        fault: SERVER_ERROR,
      });
      const error = await rejection(h.provider.list());
      assert.equal(error.code, 'PROVIDER_UNAVAILABLE');
      assert.equal(h.double.server.requestsTo('GET', '/v2/certificates').length, 3);
    } finally {
      await h.close();
    }
  });
});

describe('DigitalOcean: a 500 on a create is not resent blindly', () => {
  it('the 500 came before anything was stored: one POST, the listing searched, then one more POST', async () => {
    const h = await harness();
    try {
      h.double.server.inject({ method: 'POST', path: '/v2/certificates', fault: SERVER_ERROR });
      const created = await h.provider.create(uploadOf('fresh', leaf));
      assert.equal(created.name, 'fresh');
      const order = h.double.server.requests.map((r) => `${r.method} ${r.path}`);
      // The listing comes between the two POSTs: the second is sent only once the first is known not to have landed.
      assert.deepEqual(order.slice(0, 3), [
        'POST /v2/certificates',
        'GET /v2/certificates',
        'POST /v2/certificates',
      ]);
      assert.equal(h.double.certificates.all().length, 1);
    } finally {
      await h.close();
    }
  });
});
