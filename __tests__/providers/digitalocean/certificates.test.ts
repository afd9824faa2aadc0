import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createDigitalOceanProvider } from '../../../src/providers/digitalocean/provider.ts';
import { Redactor } from '../../../src/secrets.ts';
import { regionalLoadBalancer } from '../../../test/doubles/digitalocean.ts';
import { LoopbackServer } from '../../../test/doubles/loopback.ts';
import { harness, uploadOf } from '../../../test/support/digitalocean-harness.ts';
import { type Issued, Pki } from '../../../test/support/pki.ts';
import { rejection } from '../../../test/support/rejection.ts';

let pki: Pki;
let leaf: Issued;
let intermediates: Issued[];
let other: Issued;

before(async () => {
  pki = await Pki.create();
  ({ leaf, intermediates } = await pki.chain(1, { dns: ['www.example.test', 'example.test'] }));
  other = await pki.leaf('self', { cn: 'other.example.test' });
});
after(() => pki.cleanup());

describe('DigitalOcean list', () => {
  for (const count of [0, 1, 200, 201, 1000]) {
    it(`reads ${count} certificates in ⌈n/200⌉ pages of 200`, async () => {
      const h = await harness();
      try {
        const seeded = h.double.addCertificates(count);
        const listed = await h.provider.list();
        assert.equal(listed.length, count);
        assert.deepEqual(new Set(listed.map((c) => c.id)), new Set(seeded.map((c) => c.id)));
        const gets = h.double.server.requestsTo('GET', '/v2/certificates');
        assert.equal(gets.length, Math.max(1, Math.ceil(count / 200)));
        for (const req of gets) assert.equal(req.query.get('per_page'), '200');
        // Pages after the first go out at once, so they may arrive in any order.
        assert.deepEqual(
          gets.map((req) => Number(req.query.get('page'))).sort((a, b) => a - b),
          gets.map((_, i) => i + 1),
        );
        assert.equal(h.provider.requestCount(), gets.length);
      } finally {
        await h.close();
      }
    });
  }

  it('asks for the pages after the first at once, and reads on when the last one names a next page', async () => {
    let inFlight = 0;
    let most = 0;
    const page = (n: number) => ({
      // Full pages, then one short page: the end.
      certificates: Array.from({ length: n < 5 ? 200 : 1 }, (_, i) => ({
        id: `c${n}-${i}`,
        name: `n${n}-${i}`,
        sha1_fingerprint: 'a'.repeat(40),
        dns_names: [],
        state: 'verified',
        type: 'custom',
      })),
      links:
        n < 5
          ? { pages: { next: `https://api.digitalocean.com/v2/certificates?page=${n + 1}&per_page=200` } }
          : {},
      // Says 4 pages; a fifth appeared meanwhile, named by page 4's link.
      meta: { total: 4 * 200 },
    });
    const server = await LoopbackServer.start(async (req) => {
      const n = Number(req.query.get('page'));
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 30));
      inFlight--;
      return { status: 200, body: page(n) };
    });
    try {
      const provider = createDigitalOceanProvider({
        token: `dop_v1_${'0'.repeat(64)}`,
        baseUrl: server.url,
        redactor: new Redactor(),
      });
      const listed = await provider.list();
      assert.equal(listed.length, 4 * 200 + 1);
      assert.ok(listed.some((c) => c.id === 'c5-0'));
      assert.equal(most, 3, 'pages 2 to 4 were in flight together');
      assert.deepEqual(
        server.requests.map((r) => r.query.get('page')),
        ['1', ...server.requests.slice(1, 4).map((r) => r.query.get('page')), '5'],
      );
    } finally {
      await server.close();
    }
  });

  it('never requests the next-page URL as given: the token would go to its host', async () => {
    const elsewhere = await LoopbackServer.start(() => ({ status: 200, body: { certificates: [] } }));
    const h = await harness({ double: { pages: { linkBase: elsewhere.url } } });
    try {
      h.double.addCertificates(450);
      assert.equal((await h.provider.list()).length, 450);
      assert.equal(elsewhere.requests.length, 0);
      assert.equal(h.double.server.requestsTo('GET', '/v2/certificates').length, 3);
    } finally {
      await h.close();
      await elsewhere.close();
    }
  });

  it('takes a single page with links {} or no links at all', async () => {
    for (const emptyLinks of ['object', 'absent'] as const) {
      const h = await harness({ double: { pages: { emptyLinks } } });
      try {
        h.double.addCertificates(3);
        assert.equal((await h.provider.list()).length, 3);
        const reply = h.double.server.requests[0]?.reply?.body as Record<string, unknown>;
        assert.equal('links' in reply, emptyLinks === 'object');
      } finally {
        await h.close();
      }
    }
  });

  it('maps a listed certificate: sha1 lowercased, empty dns names dropped', async () => {
    const h = await harness();
    try {
      const seeded = h.double.addCertificate('mapped', {
        sha1_fingerprint: 'DFCC9F57D86BF58E321C2C6C31C7A971BE244AC7',
        dns_names: ['', 'www.example.com'],
        state: 'pending',
        type: 'lets_encrypt',
      });
      const [listed] = await h.provider.list();
      assert.deepEqual(listed, {
        id: seeded.id,
        name: 'mapped',
        sha1: 'dfcc9f57d86bf58e321c2c6c31c7a971be244ac7',
        notAfter: seeded.not_after,
        dnsNames: ['www.example.com'],
        createdAt: seeded.created_at,
        state: 'pending',
        type: 'lets_encrypt',
      });
    } finally {
      await h.close();
    }
  });

  it('refuses a next-page link on a full page that does not move forward (PROTOCOL), instead of looping', async () => {
    const h = await harness();
    try {
      const full = h.double.addCertificates(200);
      h.double.server.inject({
        method: 'GET',
        path: '/v2/certificates',
        times: Infinity,
        fault: {
          kind: 'status',
          status: 200,
          body: {
            certificates: full,
            links: { pages: { next: 'https://api.digitalocean.com/v2/certificates?page=1' } },
          },
        },
      });
      assert.equal((await rejection(h.provider.list())).providerCode, 'PROTOCOL');
      assert.equal(h.double.server.requests.length, 1);
    } finally {
      await h.close();
    }
  });
});

describe('DigitalOcean create', () => {
  it('uploads leaf, key and chain; the listing shows it with the leaf DER fingerprint', async () => {
    const h = await harness();
    try {
      const upload = uploadOf('web-2025', leaf, intermediates);
      const created = await h.provider.create(upload);
      const [post] = h.double.server.requestsTo('POST', '/v2/certificates');
      assert.deepEqual(post?.body, {
        name: 'web-2025',
        type: 'custom',
        private_key: leaf.keyPem,
        leaf_certificate: leaf.certPem,
        certificate_chain: intermediates[0]?.certPem,
      });
      assert.equal(post?.reply?.status, 201);
      assert.equal(created.sha1, createHash('sha1').update(leaf.certDer).digest('hex'));
      assert.equal(created.state, 'verified');
      assert.deepEqual(created.dnsNames, []);
      const listed = await h.provider.list();
      assert.deepEqual(
        listed.map((c) => [c.id, c.sha1]),
        [[created.id, upload.sha1]],
      );
    } finally {
      await h.close();
    }
  });

  it('leaves certificate_chain out when there is none', async () => {
    const h = await harness();
    try {
      await h.provider.create(uploadOf('self-signed', other));
      const [post] = h.double.server.requestsTo('POST', '/v2/certificates');
      assert.equal(Object.hasOwn(post?.body as object, 'certificate_chain'), false);
    } finally {
      await h.close();
    }
  });

  it('waits for a pending upload to be verified', async () => {
    const h = await harness({ double: { certificates: { initialState: 'pending', verifiedAfterReads: 2 } } });
    try {
      const created = await h.provider.create(uploadOf('pending', leaf, intermediates));
      assert.equal(created.state, 'verified');
      assert.equal(h.double.server.requestsTo('GET', `/v2/certificates/${created.id}`).length, 3);
    } finally {
      await h.close();
    }
  });

  it('gives up with TIMEOUT, bounded, when an upload stays pending', async () => {
    const h = await harness({
      double: { certificates: { initialState: 'pending', verifiedAfterReads: 1_000 } },
      provider: { polling: { intervalMs: 2_000, timeoutMs: 10_000 } },
    });
    try {
      const error = await rejection(h.provider.create(uploadOf('slow', leaf, intermediates)));
      assert.equal(error.providerCode, 'TIMEOUT');
      assert.match(error.message, /still 'pending'/);
      assert.ok(h.clock.sleeps.reduce((a, b) => a + b, 0) <= 12_000, 'waited about the timeout, no more');
    } finally {
      await h.close();
    }
  });

  it("fails clearly when DigitalOcean puts the upload in state 'error'", async () => {
    const h = await harness({ double: { certificates: { initialState: 'pending', verifiedAfterReads: 5 } } });
    try {
      h.double.server.inject({
        method: 'GET',
        path: /^\/v2\/certificates\/[^/]+$/,
        fault: {
          kind: 'status',
          status: 200,
          body: { certificate: { id: 'x', name: 'broken', state: 'error' } },
        },
      });
      const error = await rejection(h.provider.create(uploadOf('broken', leaf)));
      assert.equal(error.providerCode, 'BAD_REQUEST');
      assert.match(error.message, /state 'error'/);
    } finally {
      await h.close();
    }
  });

  it('a create cut off after it landed is found by fingerprint, not sent again', async () => {
    const h = await harness();
    try {
      h.double.server.inject({ method: 'POST', path: '/v2/certificates', fault: { kind: 'reset-after' } });
      const created = await h.provider.create(uploadOf('landed', leaf, intermediates));
      assert.equal(h.double.server.requestsTo('POST', '/v2/certificates').length, 1);
      assert.equal(h.double.certificates.all().length, 1);
      assert.equal(created.id, h.double.certificates.all()[0]?.id);
      assert.ok(h.debug.some((line) => /had landed despite the error/.test(line)));
    } finally {
      await h.close();
    }
  });

  it('a create that did not land (reset, 502) is sent again once the listing shows nothing', async () => {
    for (const fault of [{ kind: 'reset' } as const, { kind: 'status', status: 502 } as const]) {
      const h = await harness();
      try {
        h.double.server.inject({ method: 'POST', path: '/v2/certificates', fault });
        const created = await h.provider.create(uploadOf('retried', leaf));
        assert.equal(h.double.server.requestsTo('POST', '/v2/certificates').length, 2);
        assert.deepEqual(
          h.double.certificates.all().map((c) => c.id),
          [created.id],
        );
      } finally {
        await h.close();
      }
    }
  });

  it('a 500 or 502 that came after the certificate was stored is ambiguous, and resolved by looking', async () => {
    for (const status of [500, 502]) {
      const h = await harness();
      try {
        h.double.server.inject({
          method: 'POST',
          path: '/v2/certificates',
          fault: {
            kind: 'status',
            status,
            afterHandling: true,
            body: { id: 'server_error', message: 'oops' },
          },
        });
        const created = await h.provider.create(uploadOf('stored', leaf));
        assert.equal(h.double.server.requestsTo('POST', '/v2/certificates').length, 1);
        assert.equal(h.double.certificates.all().length, 1);
        assert.equal(created.name, 'stored');
      } finally {
        await h.close();
      }
    }
  });

  it('a name already taken is NAME_TAKEN (422 "name is not unique")', async () => {
    const h = await harness();
    try {
      h.double.addCertificate('web');
      const error = await rejection(h.provider.create(uploadOf('web', leaf)));
      assert.equal(error.providerCode, 'NAME_TAKEN');
      assert.equal(error.status, 422);
      assert.match(error.message, /name is not unique/);
    } finally {
      await h.close();
    }
  });

  it("a key that is not the leaf's is BAD_REQUEST with DigitalOcean's words, never the key", async () => {
    const h = await harness();
    try {
      const upload = { ...uploadOf('mismatch', leaf), privateKey: other.keyPem };
      const error = await rejection(h.provider.create(upload));
      assert.equal(error.providerCode, 'BAD_REQUEST');
      assert.match(error.message, /does not match/);
      assert.ok(!error.message.includes('PRIVATE KEY'));
    } finally {
      await h.close();
    }
  });

  it('a reply that echoes the key has it masked', async () => {
    const h = await harness();
    try {
      const upload = uploadOf('echo', leaf);
      h.double.server.inject({
        method: 'POST',
        path: '/v2/certificates',
        fault: {
          kind: 'status',
          status: 422,
          body: { id: 'unprocessable_entity', message: `bad key ${upload.privateKey}` },
        },
      });
      const error = await rejection(h.provider.create(upload));
      assert.equal(error.providerCode, 'BAD_REQUEST');
      const keyBody = upload.privateKey.split('\n').filter((l) => l && !l.startsWith('-----'));
      for (const line of keyBody) assert.ok(!error.message.includes(line));
      assert.match(error.message, /got 422: the reply echoed part of what was sent and is not shown$/);
    } finally {
      await h.close();
    }
  });
});

describe('DigitalOcean remove', () => {
  it("204 is 'removed', 404 'already-gone'", async () => {
    const h = await harness();
    try {
      const cert = h.double.addCertificate('old');
      assert.equal(await h.provider.remove(cert.id), 'removed');
      assert.equal(h.double.certificate(cert.id), undefined);
      assert.equal(await h.provider.remove(cert.id), 'already-gone');
    } finally {
      await h.close();
    }
  });

  it('a certificate a load balancer still uses is IN_USE, naming the load balancer, at once', async () => {
    const h = await harness({
      double: { inUseMessage: 'Certificate is being used by one or more load balancers' },
    });
    try {
      const cert = h.double.addCertificate('old');
      const lb = h.double.addLoadBalancer(regionalLoadBalancer(cert.id, { name: 'web-lb' }));
      const error = await rejection(h.provider.remove(cert.id));
      assert.equal(error.providerCode, 'IN_USE');
      assert.equal(error.status, 403);
      assert.match(error.message, /being used by one or more load balancers/);
      assert.match(error.message, new RegExp(`web-lb \\(${lb.id}\\)`));
      assert.equal(h.double.server.requestsTo('DELETE', `/v2/certificates/${cert.id}`).length, 1);
      assert.deepEqual(h.clock.sleeps, []);
    } finally {
      await h.close();
    }
  });

  it('after a rebind, a delete refused while DigitalOcean catches up is tried again (2 s, 4 s, 8 s…)', async () => {
    const h = await harness({ double: { stillInUseMs: 20_000 } });
    try {
      const old = h.double.addCertificate('old');
      const next = h.double.addCertificate('new');
      const lb = h.double.addLoadBalancer(regionalLoadBalancer(old.id));
      const [use] = await h.provider.uses!();
      await h.provider.rebind!(use!, old.id, next.id);
      assert.equal(h.double.loadBalancer(lb.id)?.forwarding_rules?.[1]?.certificate_id, next.id);
      const sleepsBefore = h.clock.sleeps.length;
      assert.equal(await h.provider.remove(old.id), 'removed');
      assert.deepEqual(h.clock.sleeps.slice(sleepsBefore), [2_000, 4_000, 8_000, 16_000]);
      assert.equal(h.double.server.requestsTo('DELETE', `/v2/certificates/${old.id}`).length, 5);
    } finally {
      await h.close();
    }
  });

  it('gives up with IN_USE when the refusal outlasts the wait', async () => {
    const h = await harness({
      double: { stillInUseMs: 3_600_000 },
      provider: { inUseWait: { initialMs: 1_000, maxMs: 4_000, timeoutMs: 30_000 } },
    });
    try {
      const cert = h.double.addCertificate('old');
      h.double.releasedAt.set(cert.id, h.clock.now());
      const error = await rejection(h.provider.remove(cert.id));
      assert.equal(error.providerCode, 'IN_USE');
      assert.match(error.message, /after nothing referenced it/);
      assert.ok(h.clock.sleeps.reduce((a, b) => a + b, 0) <= 30_000);
    } finally {
      await h.close();
    }
  });
});
