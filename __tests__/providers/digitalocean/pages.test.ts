/**
 * Listings against servers that say more than their pages hold: a `meta.total` of 1e12, a next
 * link on a short or empty page, pages that never end. The listing trusts the pages, asks ahead
 * only a bounded window, and never reads more than its stated ceiling of pages.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_PAGES, PAGE_WINDOW, PER_PAGE } from '../../../src/providers/digitalocean/pages.ts';
import { createDigitalOceanProvider } from '../../../src/providers/digitalocean/provider.ts';
import { Redactor } from '../../../src/secrets.ts';
import { type Handler, LoopbackServer } from '../../../test/doubles/loopback.ts';
import { harness } from '../../../test/support/digitalocean-harness.ts';
import { FakeClock } from '../../../test/support/fake-clock.ts';
import { rejection } from '../../../test/support/rejection.ts';

const LIAR_TOTAL = 1e12;

function row(page: number, i: number): Record<string, unknown> {
  return {
    id: `p${page}-${i}`,
    name: `seeded-${page}-${i}`,
    sha1_fingerprint: 'ab'.repeat(20),
    not_after: '2030-01-01T00:00:00Z',
    created_at: '2025-01-01T00:00:00Z',
    dns_names: [''],
    state: 'verified',
    type: 'custom',
  };
}

/** A certificates page of `count` rows that always names the next page and claims `total`. */
function page(n: number, count: number, total = LIAR_TOTAL): Record<string, unknown> {
  return {
    certificates: Array.from({ length: count }, (_, i) => row(n, i)),
    links: { pages: { next: `https://api.digitalocean.com/v2/certificates?page=${n + 1}&per_page=200` } },
    meta: { total },
  };
}

/** A provider on a plain loopback server, with a fake clock so the rate limiter never waits. */
async function against(handler: Handler) {
  const server = await LoopbackServer.start(handler);
  const provider = createDigitalOceanProvider({
    token: `dop_v1_${'0'.repeat(64)}`,
    baseUrl: server.url,
    redactor: new Redactor(),
    clock: new FakeClock(),
  });
  return { server, provider, pagesAsked: () => server.requests.map((r) => Number(r.query.get('page'))) };
}

describe('DigitalOcean listings: bounded by what the pages hold', () => {
  it('meta.total 1e12 and a next link on a short page: that page is the last, one request', async () => {
    const h = await harness();
    try {
      h.double.server.inject({
        method: 'GET',
        path: '/v2/certificates',
        times: Infinity,
        fault: { kind: 'status', status: 200, body: page(1, 3) },
      });
      const listed = await h.provider.list();
      assert.equal(listed.length, 3);
      assert.equal(h.double.server.requestsTo('GET', '/v2/certificates').length, 1);
    } finally {
      await h.close();
    }
  });

  it('a short page after full ones ends the listing; pages asked for ahead of it are dropped', async () => {
    const t = await against((req) => {
      const n = Number(req.query.get('page'));
      // Pages 1 and 2 full, page 3 short: the end. Beyond it the server keeps inventing full pages.
      return { status: 200, body: page(n, n === 3 ? 17 : PER_PAGE) };
    });
    try {
      const listed = await t.provider.list();
      assert.equal(listed.length, 2 * PER_PAGE + 17);
      assert.ok(!listed.some((c) => c.id.startsWith('p4-')), 'nothing from beyond the short page');
      // Page 1, then one window ahead of it: never the 5e9 pages the total claims.
      assert.equal(t.server.requests.length, 1 + PAGE_WINDOW);
    } finally {
      await t.server.close();
    }
  });

  it('a short page is the last whatever its links say: a link going back or nowhere is not even read', async () => {
    for (const next of ['https://api.digitalocean.com/v2/certificates?page=1', 'not a link']) {
      const t = await against(() => ({
        status: 200,
        body: { ...page(1, 2), links: { pages: { next } } },
      }));
      try {
        assert.equal((await t.provider.list()).length, 2);
        assert.deepEqual(t.pagesAsked(), [1]);
      } finally {
        await t.server.close();
      }
    }
  });

  it('an empty page with a next link ends the listing', async () => {
    const t = await against((req) => {
      const n = Number(req.query.get('page'));
      return { status: 200, body: page(n, n === 1 ? PER_PAGE : 0, 0) };
    });
    try {
      assert.equal((await t.provider.list()).length, PER_PAGE);
      // No usable total: page by page, and the empty one ends it.
      assert.deepEqual(t.pagesAsked(), [1, 2]);
    } finally {
      await t.server.close();
    }
  });

  it('a failure on a page asked for ahead, past the end, does not fail the listing', async () => {
    const t = await against((req) => {
      const n = Number(req.query.get('page'));
      if (n > 2) return { status: 404, body: { id: 'not_found', message: 'no such page' } };
      return { status: 200, body: page(n, n === 1 ? PER_PAGE : 5, 3 * PER_PAGE) };
    });
    try {
      assert.equal((await t.provider.list()).length, PER_PAGE + 5);
      assert.deepEqual(
        t.pagesAsked().sort((a, b) => a - b),
        [1, 2, 3],
      );
    } finally {
      await t.server.close();
    }
  });

  it(`full pages that never end: stops after ${MAX_PAGES} pages (a tenth of the hourly budget) with a clear error`, async () => {
    const t = await against((req) => ({ status: 200, body: page(Number(req.query.get('page')), PER_PAGE) }));
    try {
      const error = await rejection(t.provider.list());
      assert.equal(error.code, 'PROVIDER_PROTOCOL');
      assert.match(error.message, /still named a next page after 500 full pages \(100,000 items\)/);
      assert.match(error.message, /a tenth of the token's 5,000 requests an hour/);
      assert.match(error.fix ?? '', /run again later/);
      assert.equal(t.server.requests.length, MAX_PAGES);
      assert.deepEqual(
        t.pagesAsked().sort((a, b) => a - b),
        Array.from({ length: MAX_PAGES }, (_, i) => i + 1),
      );
    } finally {
      await t.server.close();
    }
  });

  it('an honest account of 5,000 certificates: page 1, then the other 24 pages at once (2 round trips)', async () => {
    const h = await harness();
    try {
      h.double.addCertificates(5_000);
      assert.equal((await h.provider.list()).length, 5_000);
      const gets = h.double.server.requestsTo('GET', '/v2/certificates');
      assert.equal(gets.length, 25);
    } finally {
      await h.close();
    }
  });
});
