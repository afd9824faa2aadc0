/**
 * Replies whose rows miss a field or carry one of the wrong type: each is the PROTOCOL error that
 * names the field and where it sat, never a TypeError from deep inside the rotation, and never a
 * row passed on half-read. What DigitalOcean really sends for "not given" ('' and null) passes.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { harness } from '../../../test/support/digitalocean-harness.ts';
import { rejection } from '../../../test/support/rejection.ts';

type Row = Record<string, unknown>;

const CERTIFICATE: Row = {
  id: '892071a0-bb95-49bc-8021-3afd67a210bf',
  name: 'web-cert-01',
  not_after: '2030-02-22T00:23:00Z',
  sha1_fingerprint: 'dfcc9f57d86bf58e321c2c6c31c7a971be244ac7',
  created_at: '2025-02-08T16:02:37Z',
  dns_names: [''],
  state: 'verified',
  type: 'custom',
};

const LOAD_BALANCER: Row = {
  id: '4de7ac8b-495b-4884-9a69-1050c6793cd6',
  name: 'example-lb-01',
  status: 'active',
  region: { slug: 'nyc3' },
  forwarding_rules: [
    {
      entry_protocol: 'https',
      entry_port: 443,
      target_protocol: 'http',
      target_port: 80,
      certificate_id: CERTIFICATE['id'],
    },
  ],
  tags: ['prod'],
};

const CDN_ENDPOINT: Row = {
  id: '19f06b6a-3ace-4315-b086-499a0e521b76',
  origin: 'static-images.nyc3.digitaloceanspaces.com',
  endpoint: 'static-images.nyc3.cdn.digitaloceanspaces.com',
  certificate_id: CERTIFICATE['id'],
  custom_domain: 'static.example.com',
  ttl: 3600,
};

/** `row` with `changes` applied; a value of `undefined` removes the field. */
function with_(row: Row, changes: Row): Row {
  const out = { ...row, ...changes };
  for (const [key, value] of Object.entries(changes)) if (value === undefined) delete out[key];
  return out;
}

/** A one-page listing reply holding `rows` under `key`. */
function listing(key: string, rows: unknown[]): Row {
  return { [key]: rows, links: {}, meta: { total: rows.length } };
}

const CERTIFICATE_CASES: Array<[string, unknown, RegExp]> = [
  ['no name', with_(CERTIFICATE, { name: undefined }), /a text for 'name' at item 1 of page 1/],
  ['a number for a name', with_(CERTIFICATE, { name: 42 }), /'name'/],
  ['no id', with_(CERTIFICATE, { id: undefined }), /'id'/],
  ['a number for an id', with_(CERTIFICATE, { id: 7 }), /'id'/],
  ['an empty id', with_(CERTIFICATE, { id: '' }), /'id'/],
  ['a number for the fingerprint', with_(CERTIFICATE, { sha1_fingerprint: 1234 }), /'sha1_fingerprint'/],
  ['a fingerprint that is not 40 hex digits', with_(CERTIFICATE, { sha1_fingerprint: 'zz' }), /40 hex/],
  ['a text for dns_names', with_(CERTIFICATE, { dns_names: 'example.com' }), /'dns_names'/],
  ['numbers in dns_names', with_(CERTIFICATE, { dns_names: [1, 2] }), /'dns_names'/],
  ['a number for not_after', with_(CERTIFICATE, { not_after: 1_900_000_000 }), /'not_after'/],
  ['a not_after that is no date', with_(CERTIFICATE, { not_after: 'soon' }), /'not_after'/],
  ['a number for the type', with_(CERTIFICATE, { type: 1 }), /'type'/],
  ['an object for the state', with_(CERTIFICATE, { state: {} }), /'state'/],
  ['null for a row', null, /a certificate as an object at item 1 of page 1/],
  ['a text for a row', 'web-cert-01', /a certificate as an object/],
];

describe('DigitalOcean replies: certificate rows checked field by field', () => {
  for (const [what, row, message] of CERTIFICATE_CASES) {
    it(`a listing row with ${what} is the PROTOCOL error`, async () => {
      const h = await harness();
      try {
        h.double.server.inject({
          method: 'GET',
          path: '/v2/certificates',
          fault: { kind: 'status', status: 200, body: listing('certificates', [CERTIFICATE, row]) },
        });
        const error = await rejection(h.provider.list());
        assert.equal(error.code, 'PROVIDER_PROTOCOL');
        assert.match(error.message, /^DigitalOcean: GET \/v2\/certificates answered without /);
        assert.match(error.message.replace('item 2', 'item 1'), message);
      } finally {
        await h.close();
      }
    });
  }

  it('a read-back whose certificate has no name is the PROTOCOL error', async () => {
    const h = await harness();
    try {
      const id = CERTIFICATE['id'] as string;
      h.double.server.inject({
        method: 'GET',
        path: `/v2/certificates/${id}`,
        fault: { kind: 'status', status: 200, body: { certificate: with_(CERTIFICATE, { name: null }) } },
      });
      const error = await rejection(h.provider.readBack!(id));
      assert.equal(error.code, 'PROVIDER_PROTOCOL');
      assert.match(error.message, /'name' at the reply's 'certificate'/);
    } finally {
      await h.close();
    }
  });

  it("'' and null, DigitalOcean's 'not given', are read as not given", async () => {
    const h = await harness();
    try {
      const pending = with_(CERTIFICATE, {
        sha1_fingerprint: '',
        not_after: '',
        dns_names: null,
        state: 'pending',
        type: 'lets_encrypt',
      });
      h.double.server.inject({
        method: 'GET',
        path: '/v2/certificates',
        fault: { kind: 'status', status: 200, body: listing('certificates', [pending]) },
      });
      const [listed] = await h.provider.list();
      assert.deepEqual(listed, {
        id: CERTIFICATE['id'],
        name: 'web-cert-01',
        sha1: undefined,
        notAfter: undefined,
        dnsNames: [],
        createdAt: '2025-02-08T16:02:37Z',
        state: 'pending',
        type: 'lets_encrypt',
      });
    } finally {
      await h.close();
    }
  });
});

const LOAD_BALANCER_CASES: Array<[string, unknown, RegExp]> = [
  ['no id', with_(LOAD_BALANCER, { id: undefined }), /'id'/],
  ['a number for a name', with_(LOAD_BALANCER, { name: 5 }), /'name'/],
  [
    'a text for forwarding_rules',
    with_(LOAD_BALANCER, { forwarding_rules: 'https:443' }),
    /'forwarding_rules'/,
  ],
  ['null in forwarding_rules', with_(LOAD_BALANCER, { forwarding_rules: [null] }), /'forwarding_rules' 1/],
  [
    'a number for a rule certificate_id',
    with_(LOAD_BALANCER, { forwarding_rules: [{ entry_port: 443, certificate_id: 9 }] }),
    /'certificate_id' at item 1 of page 1, 'forwarding_rules' 1/,
  ],
  [
    'an object for a domain certificate_id',
    with_(LOAD_BALANCER, { type: 'GLOBAL', domains: [{ name: 'example.com', certificate_id: {} }] }),
    /'certificate_id' at item 1 of page 1, 'domains' 1/,
  ],
  ['a text for tags', with_(LOAD_BALANCER, { tags: 'k8s:1234' }), /'tags'/],
  ['a number for the type', with_(LOAD_BALANCER, { type: 2 }), /'type'/],
];

const CDN_CASES: Array<[string, unknown, RegExp]> = [
  ['no id', with_(CDN_ENDPOINT, { id: undefined }), /'id'/],
  ['a number for certificate_id', with_(CDN_ENDPOINT, { certificate_id: 3 }), /'certificate_id'/],
  ['a list for custom_domain', with_(CDN_ENDPOINT, { custom_domain: ['a'] }), /'custom_domain'/],
  ['a text for ttl', with_(CDN_ENDPOINT, { ttl: '3600' }), /'ttl'/],
  ['a number for endpoint', with_(CDN_ENDPOINT, { endpoint: 1 }), /'endpoint'/],
];

describe('DigitalOcean replies: load balancer and CDN rows checked field by field', () => {
  for (const [what, row, message] of LOAD_BALANCER_CASES) {
    it(`a load balancer with ${what} is the PROTOCOL error`, async () => {
      const h = await harness();
      try {
        h.double.server.inject({
          method: 'GET',
          path: '/v2/load_balancers',
          fault: { kind: 'status', status: 200, body: listing('load_balancers', [row]) },
        });
        const error = await rejection(h.provider.uses!());
        assert.equal(error.code, 'PROVIDER_PROTOCOL');
        assert.match(error.message, /^DigitalOcean: GET \/v2\/load_balancers answered without /);
        assert.match(error.message, message);
      } finally {
        await h.close();
      }
    });
  }

  it('a load balancer read back before a rebind is checked the same way', async () => {
    const h = await harness();
    try {
      const old = h.double.addCertificate('old');
      const next = h.double.addCertificate('new');
      const lb = h.double.addLoadBalancer({ ...LOAD_BALANCER, id: undefined, forwarding_rules: [] });
      const use = { kind: 'load-balancer' as const, id: lb.id, name: 'lb', certificateIds: [old.id] };
      h.double.server.inject({
        method: 'GET',
        path: `/v2/load_balancers/${lb.id}`,
        fault: {
          kind: 'status',
          status: 200,
          body: { load_balancer: with_(LOAD_BALANCER, { id: lb.id, forwarding_rules: {} }) },
        },
      });
      const error = await rejection(h.provider.rebind!(use, old.id, next.id));
      assert.equal(error.code, 'PROVIDER_PROTOCOL');
      assert.match(error.message, /'forwarding_rules' at the reply's 'load_balancer'/);
      assert.equal(h.double.server.requestsTo('PUT', /load_balancers/).length, 0, 'nothing written');
    } finally {
      await h.close();
    }
  });

  for (const [what, row, message] of CDN_CASES) {
    it(`a CDN endpoint with ${what} is the PROTOCOL error`, async () => {
      const h = await harness();
      try {
        h.double.server.inject({
          method: 'GET',
          path: '/v2/cdn/endpoints',
          fault: { kind: 'status', status: 200, body: listing('endpoints', [row]) },
        });
        const error = await rejection(h.provider.uses!());
        assert.equal(error.code, 'PROVIDER_PROTOCOL');
        assert.match(error.message, /^DigitalOcean: GET \/v2\/cdn\/endpoints answered without /);
        assert.match(error.message, message);
      } finally {
        await h.close();
      }
    });
  }
});
