import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { harness } from '../../../test/support/digitalocean-harness.ts';

describe('DigitalOcean rate limits', () => {
  it('waits out a burst 429 for its retry-after and carries on', async () => {
    const h = await harness({ double: { limits: { burst: { requests: 3, windowMs: 60_000 } } } });
    try {
      h.double.addCertificates(1000);
      const listed = await h.provider.list();
      assert.equal(listed.length, 1000);
      const limited = h.double.server.requests.filter((r) => r.reply?.status === 429);
      assert.equal(limited.length, 1);
      const reply = limited[0]?.reply;
      assert.ok(reply);
      const { id, message } = reply.body as { id: string; message: string };
      assert.deepEqual({ id, message }, { id: 'too_many_requests', message: 'API rate limit exceeded.' });
      const retryAfter = Number(reply.headers?.['retry-after']);
      assert.equal(retryAfter, 60);
      assert.ok(h.clock.sleeps.includes(retryAfter * 1000));
      assert.equal(h.double.server.requestsTo('GET', '/v2/certificates').length, 6);
    } finally {
      await h.close();
    }
  });

  it('an injected 429 with retry-after: 2 is retried after 2 s', async () => {
    const h = await harness();
    try {
      h.double.server.inject({
        path: '/v2/certificates',
        fault: {
          kind: 'status',
          status: 429,
          headers: { 'retry-after': '2', 'ratelimit-remaining': '0' },
          body: { id: 'too_many_requests', message: 'API rate limit exceeded.' },
        },
      });
      assert.deepEqual(await h.provider.list(), []);
      assert.deepEqual(h.clock.sleeps, [2_000]);
    } finally {
      await h.close();
    }
  });

  it('every reply carries ratelimit-limit, -remaining and -reset', async () => {
    const h = await harness();
    try {
      const cert = h.double.addCertificate('a');
      await h.provider.list();
      await h.provider.remove(cert.id);
      await h.provider.remove(cert.id);
      await h.provider.uses!();
      assert.ok(h.double.server.requests.length >= 5);
      for (const req of h.double.server.requests) {
        const headers = Object.fromEntries(
          Object.entries(req.reply?.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
        );
        assert.equal(headers['ratelimit-limit'], '5000');
        assert.match(headers['ratelimit-remaining'] ?? '', /^\d+$/);
        assert.match(headers['ratelimit-reset'] ?? '', /^\d{10}$/);
      }
    } finally {
      await h.close();
    }
  });
});
