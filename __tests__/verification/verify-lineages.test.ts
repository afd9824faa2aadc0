/**
 * verifyLineages: many lineages' endpoints checked in one shared wait, each address against its
 * own lineage's new certificate; lookups that fail become rows; the number of targets is bounded
 * before any handshake. The handshake and DNS are injected (no sockets) and the clock is fake.
 */
import { servedFacts } from '../../test/support/served-facts.ts';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError } from '../../src/errors.ts';
import type { Endpoint } from '../../src/verification/endpoints.ts';
import type { CheckResult } from '../../src/verification/served.ts';
import type { Lookup, Target } from '../../src/verification/targets.ts';
import { type LineageToVerify, verifyLineages } from '../../src/verification/verify-lineages.ts';
import { FakeClock } from '../../test/support/fake-clock.ts';

const A_NEW = 'a'.repeat(40);
const A_OLD = 'a0'.repeat(20);
const B_NEW = 'b'.repeat(40);

function servedBy(target: Target, sha1: string): CheckResult {
  return {
    ...target,
    elapsedMs: 1,
    served: servedFacts({ sha1, subject: `CN=${target.host}`, notAfter: '2027-01-02T00:00:00.000Z' }),
  };
}

function lineage(
  name: string,
  expectedSha1: string,
  endpoints: Endpoint[],
  known = new Map<string, string>(),
) {
  return { lineage: name, expectedSha1, endpoints, skippedDomains: [], known } satisfies LineageToVerify;
}

/** A check that serves what `serve` says for the address on its nth look, and counts the looks. */
function scripted(serve: (target: Target, look: number) => CheckResult) {
  const looks = new Map<string, number>();
  const check = async (target: Target): Promise<CheckResult> => {
    const key = `${target.host}:${target.port}@${target.address}`;
    const look = (looks.get(key) ?? 0) + 1;
    looks.set(key, look);
    return serve(target, look);
  };
  return { check, looks };
}

const noDns: Lookup = async (host) => {
  throw new Error(`${host} is not in the test's DNS`);
};

const pins = new Map([
  ['a.example.com:443', ['192.0.2.1', '192.0.2.2']],
  ['b.example.com:8443', ['192.0.2.3']],
]);

describe('verifyLineages', () => {
  it('checks every lineage in one wait, each address against its own lineage’s new certificate', async () => {
    const clock = new FakeClock(0);
    // The second address of a. switches on its third look; b. serves its new certificate at once.
    const { check, looks } = scripted((target, look) =>
      target.host === 'b.example.com'
        ? servedBy(target, B_NEW)
        : servedBy(target, target.address === '192.0.2.2' && look < 3 ? A_OLD : A_NEW),
    );
    const [a, b] = await verifyLineages(
      [
        lineage('a-com', A_NEW, [{ host: 'a.example.com', port: 443 }]),
        lineage('b-com', B_NEW, [{ host: 'b.example.com', port: 8443 }]),
      ],
      {
        mode: 'auto',
        timeoutMs: 60_000,
        pins,
        lookup: noDns,
        check,
        clock,
        initialDelayMs: 1_000,
        maxDelayMs: 8_000,
      },
    );
    assert.equal(a?.status, 'verified');
    assert.equal(b?.status, 'verified');
    assert.deepEqual(
      a?.endpoints.map((r) => [r.lineage, r.address, r.matches, r.attempts]),
      [
        ['a-com', '192.0.2.1', true, 1],
        ['a-com', '192.0.2.2', true, 3],
      ],
    );
    assert.deepEqual(
      b?.endpoints.map((r) => [r.lineage, r.host, r.port, r.address, r.attempts]),
      [['b-com', 'b.example.com', 8443, '192.0.2.3', 1]],
    );
    // One backoff for all: two pauses, not one series per lineage; done addresses not re-checked.
    assert.deepEqual(clock.sleeps, [1_000, 2_000]);
    assert.deepEqual([...looks.values()], [1, 3, 1]);
  });

  it('an address serving another lineage’s new certificate fails its own lineage', async () => {
    const { check } = scripted((target) => servedBy(target, A_NEW));
    const [a, b] = await verifyLineages(
      [
        lineage('a-com', A_NEW, [{ host: 'a.example.com', port: 443 }]),
        lineage('b-com', B_NEW, [{ host: 'b.example.com', port: 8443 }]),
      ],
      { mode: 'auto', timeoutMs: 0, pins, lookup: noDns, check, clock: new FakeClock(0) },
    );
    assert.equal(a?.status, 'verified');
    assert.equal(b?.status, 'failed');
    assert.equal(b?.endpoints[0]?.serves, 'other');
    assert.match(b?.summary ?? '', /b\.example\.com:8443 at 192\.0\.2\.3: another certificate \(SHA-1 a{40}/);
  });

  it('an address that stays stale is checked until the time is up, then named with the version it serves', async () => {
    const clock = new FakeClock(0);
    const { check } = scripted((target) => servedBy(target, target.address === '192.0.2.2' ? A_OLD : A_NEW));
    const [a] = await verifyLineages(
      [
        lineage(
          'a-com',
          A_NEW,
          [{ host: 'a.example.com', port: 443 }],
          new Map([[A_OLD, 'a-com-a0a0a0a0a0a0']]),
        ),
      ],
      {
        mode: 'auto',
        timeoutMs: 10_000,
        pins,
        lookup: noDns,
        check,
        clock,
        initialDelayMs: 1_000,
        maxDelayMs: 4_000,
      },
    );
    assert.equal(a?.status, 'failed');
    // The last pause is cut to the deadline.
    assert.deepEqual(clock.sleeps, [1_000, 2_000, 4_000, 3_000]);
    assert.deepEqual(
      a?.endpoints.map((r) => [r.address, r.serves, r.version, r.attempts]),
      [
        ['192.0.2.1', 'new', undefined, 1],
        ['192.0.2.2', 'superseded', 'a-com-a0a0a0a0a0a0', 5],
      ],
    );
    assert.match(
      a?.summary ?? '',
      /at 192\.0\.2\.2: the superseded version a-com-a0a0a0a0a0a0 \(SHA-1 (a0){20}, expires 2027-01-02\)/,
    );
  });

  it('a name that cannot be resolved becomes an unreachable row of its lineage, never a handshake', async () => {
    const { check, looks } = scripted((target) => servedBy(target, A_NEW));
    const lookup: Lookup = async (host) => {
      if (host === 'dns.example.com') return [{ address: '192.0.2.9', family: 4 }];
      throw new Error(`queryA ENOTFOUND ${host}`);
    };
    const run = (mode: 'auto' | 'require') =>
      verifyLineages(
        [
          lineage('a-com', A_NEW, [
            { host: 'dns.example.com', port: 443 },
            { host: 'gone.example.com', port: 443 },
          ]),
        ],
        { mode, timeoutMs: 0, lookup, check, clock: new FakeClock(0) },
      );
    const [auto] = await run('auto');
    assert.equal(auto?.status, 'verified');
    assert.deepEqual(auto?.endpoints.at(-1), {
      lineage: 'a-com',
      host: 'gone.example.com',
      port: 443,
      matches: false,
      error: 'lookup: queryA ENOTFOUND gone.example.com',
      unreachable: true,
    });
    assert.match(auto?.summary ?? '', /1 of 2 addresses serve the new certificate; 1 could not be reached/);
    const [require] = await run('require');
    assert.equal(require?.status, 'failed');
    assert.match(
      require?.summary ?? '',
      /gone\.example\.com:443: lookup: queryA ENOTFOUND gone\.example\.com/,
    );
    assert.deepEqual([...looks.keys()], ['dns.example.com:443@192.0.2.9']);
  });

  it('a lineage with no endpoint is judged without a handshake (skipped with auto)', async () => {
    const { check, looks } = scripted((target) => servedBy(target, A_NEW));
    const [a] = await verifyLineages(
      [
        {
          ...lineage('a-com', A_NEW, []),
          skippedDomains: [{ domain: '*.example.com', reason: 'a wildcard' }],
        },
      ],
      { mode: 'auto', timeoutMs: 0, lookup: noDns, check, clock: new FakeClock(0) },
    );
    assert.equal(a?.status, 'skipped');
    assert.equal(a?.summary, 'no endpoint to check: *.example.com (a wildcard)');
    assert.equal(looks.size, 0);
  });

  it('more than 256 endpoints across the lineages: refused before any lookup or handshake', async () => {
    let lookups = 0;
    const { check, looks } = scripted((target) => servedBy(target, A_NEW));
    const many = (prefix: string, count: number): Endpoint[] =>
      Array.from({ length: count }, (_, i) => ({ host: `${prefix}${i}.example.com`, port: 443 }));
    await assert.rejects(
      verifyLineages([lineage('a-com', A_NEW, many('a', 200)), lineage('b-com', B_NEW, many('b', 57))], {
        mode: 'auto',
        timeoutMs: 0,
        lookup: async () => {
          lookups++;
          return [{ address: '192.0.2.1', family: 4 }];
        },
        check,
        clock: new FakeClock(0),
      }),
      (error: unknown) =>
        error instanceof InputError &&
        error.message ===
          'The certificates have 257 endpoints to verify; at most 256 are checked in one run.',
    );
    assert.equal(lookups, 0);
    assert.equal(looks.size, 0);
  });

  it('256 endpoints or fewer that resolve to more than 256 addresses: refused before any handshake', async () => {
    const { check, looks } = scripted((target) => servedBy(target, A_NEW));
    const many = (prefix: string): Endpoint[] =>
      Array.from({ length: 100 }, (_, i) => ({ host: `${prefix}${i}.example.com`, port: 443 }));
    const twoEach: Lookup = async () => [
      { address: '192.0.2.1', family: 4 },
      { address: '2001:db8::1', family: 6 },
    ];
    await assert.rejects(
      verifyLineages([lineage('a-com', A_NEW, many('a')), lineage('b-com', B_NEW, many('b'))], {
        mode: 'auto',
        timeoutMs: 0,
        lookup: twoEach,
        check,
        clock: new FakeClock(0),
      }),
      (error: unknown) =>
        error instanceof InputError &&
        error.message ===
          'The endpoints to verify resolve to 400 addresses; at most 256 are checked in one run.',
    );
    assert.equal(looks.size, 0);
    // 256 addresses in all is still fine.
    const fits = await verifyLineages(
      [lineage('a-com', A_NEW, many('a').slice(0, 64)), lineage('b-com', A_NEW, many('b').slice(0, 64))],
      { mode: 'auto', timeoutMs: 0, lookup: twoEach, check, clock: new FakeClock(0) },
    );
    assert.equal(
      fits.reduce((sum, v) => sum + v.endpoints.length, 0),
      256,
    );
  });
});
