/**
 * The poller against a real loopback server that switches to the new certificate after a few
 * connections, as a load balancer picks an upload up; the clock is fake, so backoff costs nothing.
 */
import { servedFacts } from '../../test/support/served-facts.ts';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { fingerprint } from '../../src/certs/inspect.ts';
import { checkTarget } from '../../src/verification/handshake.ts';
import type { CheckResult } from '../../src/verification/served.ts';
import type { Target } from '../../src/verification/targets.ts';
import { waitUntilServed } from '../../src/verification/wait-until-served.ts';
import { FakeClock } from '../../test/support/fake-clock.ts';
import { type Issued, Pki } from '../../test/support/pki.ts';
import { tlsServer } from './servers.ts';

const NAME = 'app.example.test';
let pki: Pki;
let root: Issued;
let fresh: Issued;
let stale: Issued;

const sha1 = (issued: Issued): string => fingerprint(new X509Certificate(issued.certPem), 'sha1');

before(async () => {
  pki = await Pki.create();
  root = await pki.root();
  [fresh, stale] = await Promise.all([pki.leaf(root, { cn: NAME }), pki.leaf(root, { cn: NAME })]);
});
after(() => pki.cleanup());

describe('waitUntilServed', () => {
  it('re-checks with backoff until the new certificate appears', async () => {
    const server = await tlsServer('127.0.0.1', { leaf: stale, chain: [] });
    const clock = new FakeClock(0);
    let handshakes = 0;
    const target: Target = { host: NAME, port: server.port, address: '127.0.0.1', via: 'pin' };
    try {
      const [result] = await waitUntilServed([target], sha1(fresh).toUpperCase(), {
        timeoutMs: 60_000,
        initialDelayMs: 1_000,
        maxDelayMs: 5_000,
        clock,
        check: async (t) => {
          const seen = await checkTarget(t, { extraCaPems: [root.certPem] });
          // The proxy reloads after the third look.
          if (++handshakes === 3) server.serve({ leaf: fresh, chain: [] });
          return seen;
        },
      });
      assert.ok(result);
      assert.equal(result.matched, true);
      assert.equal(result.attempts, 4);
      assert.equal(result.last.served?.sha1, sha1(fresh));
      assert.equal(result.last.served?.trusted, true);
      assert.deepEqual(clock.sleeps, [1_000, 2_000, 4_000]);
      assert.equal(server.names.length, 4);
    } finally {
      await server.close();
    }
  });

  it('gives up at the timeout and names the stale address with what it last served', async () => {
    const server = await tlsServer('127.0.0.1', { leaf: stale, chain: [] });
    const other = await tlsServer('127.0.0.2', { leaf: fresh, chain: [] }, server.port);
    const clock = new FakeClock(0);
    try {
      const targets: Target[] = [
        { host: NAME, port: server.port, address: '127.0.0.1', via: 'dns' },
        { host: NAME, port: server.port, address: '127.0.0.2', via: 'dns' },
      ];
      const results = await waitUntilServed(targets, sha1(fresh), {
        timeoutMs: 10_000,
        initialDelayMs: 1_000,
        maxDelayMs: 4_000,
        clock,
        handshake: { timeoutMs: 5_000 },
      });
      assert.deepEqual(
        results.map((r) => [r.target.address, r.matched, r.last.served?.sha1, r.attempts]),
        [
          ['127.0.0.1', false, sha1(stale), 5],
          ['127.0.0.2', true, sha1(fresh), 1],
        ],
      );
      // 1 + 2 + 4 + the last pause cut to the deadline: the final look lands at it, not past it.
      assert.deepEqual(clock.sleeps, [1_000, 2_000, 4_000, 3_000]);
      assert.equal(other.names.length, 1, 'a matched address is not asked again');
    } finally {
      await Promise.all([server.close(), other.close()]);
    }
  });

  it('keeps the last failure when an address never answers, and runs no more checks at once than asked', async () => {
    const clock = new FakeClock(0);
    let running = 0;
    let most = 0;
    const targets: Target[] = Array.from({ length: 10 }, (_, i) => ({
      host: NAME,
      port: 443,
      address: `192.0.2.${i + 1}`,
      via: 'dns' as const,
    }));
    const results = await waitUntilServed(targets, 'ab'.repeat(20), {
      timeoutMs: 3_000,
      initialDelayMs: 1_000,
      maxDelayMs: 1_000,
      clock,
      concurrency: 3,
      check: async (t): Promise<CheckResult> => {
        running++;
        most = Math.max(most, running);
        await new Promise((resolve) => setImmediate(resolve));
        running--;
        return { ...t, error: { kind: 'refused', message: 'connect ECONNREFUSED' }, elapsedMs: 0 };
      },
    });
    assert.equal(most, 3);
    assert.ok(results.every((r) => !r.matched && r.last.error?.kind === 'refused' && r.attempts === 4));
    assert.deepEqual(clock.sleeps, [1_000, 1_000, 1_000]);
  });

  it('checks up to 64 addresses at once by default, so 100 take two rounds of handshakes rather than thirteen', async () => {
    // The default is measured in `npm run bench` (verify): at 100 ms round trip, 100 endpoints
    // take 13× one handshake at 8 at once and 2.5× at 64.
    let running = 0;
    let most = 0;
    const targets: Target[] = Array.from({ length: 100 }, (_, i) => ({
      host: `site-${i}.example.test`,
      port: 443,
      address: '192.0.2.1',
      via: 'pin' as const,
    }));
    const expected = 'ab'.repeat(20);
    const results = await waitUntilServed(targets, expected, {
      timeoutMs: 1_000,
      initialDelayMs: 1_000,
      maxDelayMs: 1_000,
      clock: new FakeClock(0),
      check: async (t): Promise<CheckResult> => {
        running++;
        most = Math.max(most, running);
        await new Promise((resolve) => setImmediate(resolve));
        running--;
        const served = servedFacts({ sha1: expected, subject: `CN=${t.host}` });
        return { ...t, served, elapsedMs: 0 };
      },
    });
    assert.equal(most, 64);
    assert.ok(results.every((r) => r.matched && r.attempts === 1));
  });
});
