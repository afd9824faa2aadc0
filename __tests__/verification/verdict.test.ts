/**
 * The verdict on one lineage's live check, as data (verdict.ts): what counts as unreachable, when
 * `auto` passes and `require` fails, what a stale address is said to serve, and the words the
 * report and the step use. Pure: rows are made by hand, no sockets.
 */
import { servedFacts } from '../../test/support/served-facts.ts';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CheckErrorKind, CheckResult, ServedCertificate } from '../../src/verification/served.ts';
import {
  describeServed,
  type EndpointRow,
  judge,
  lookupRow,
  overallVerified,
  rowOf,
  servedText,
  whereAndWhat,
} from '../../src/verification/verdict.ts';

const NEW = 'a'.repeat(40);
const OLD = 'b'.repeat(40);
const ELSE = 'c'.repeat(40);
const KNOWN = new Map([[OLD, 'example-com-bbbbbbbbbbbb']]);

function served(sha1: string, subject = 'CN=app.example.test'): ServedCertificate {
  return servedFacts({ sha1, subject, notAfter: '2027-03-04T05:06:07.000Z' });
}

function result(
  address: string,
  what: { sha1?: string; subject?: string; error?: CheckErrorKind },
  host = 'app.example.test',
  port = 443,
): CheckResult {
  return {
    host,
    port,
    address,
    via: 'pin',
    elapsedMs: 1,
    ...(what.sha1 === undefined ? {} : { served: served(what.sha1, what.subject) }),
    ...(what.error === undefined
      ? {}
      : { error: { kind: what.error, message: `${what.error} at ${address}` } }),
  };
}

const row = (address: string, what: Parameters<typeof result>[1]): EndpointRow =>
  rowOf('example-com', result(address, what), NEW, KNOWN);

describe('rowOf: one address as a row of the endpoints output', () => {
  it('the new certificate matches; its facts are kept', () => {
    const r = rowOf('example-com', result('192.0.2.1', { sha1: NEW }), NEW, KNOWN, 3);
    assert.deepEqual(r, {
      lineage: 'example-com',
      host: 'app.example.test',
      port: 443,
      address: '192.0.2.1',
      matches: true,
      sha1: NEW,
      serves: 'new',
      notAfter: '2027-03-04T05:06:07.000Z',
      protocol: 'TLSv1.3',
      trusted: true,
      attempts: 3,
    });
  });

  it('refused, timeout, unreachable and connect errors are unreachable; reset and handshake are not', () => {
    const kinds: [CheckErrorKind, boolean][] = [
      ['refused', true],
      ['timeout', true],
      ['unreachable', true],
      ['connect', true],
      ['reset', false],
      ['handshake', false],
    ];
    for (const [kind, unreachable] of kinds) {
      const r = row('192.0.2.1', { error: kind });
      assert.equal(r.unreachable === true, unreachable, kind);
      assert.equal(r.matches, false);
      assert.equal(r.error, `${kind}: ${kind} at 192.0.2.1`);
    }
  });

  it('a lookup failure is an unreachable row with no address', () => {
    assert.deepEqual(lookupRow('example-com', { host: 'gone.example', port: 8443, error: 'no such name' }), {
      lineage: 'example-com',
      host: 'gone.example',
      port: 8443,
      matches: false,
      error: 'lookup: no such name',
      unreachable: true,
    });
    assert.equal('lineage' in lookupRow(undefined, { host: 'x.example', port: 443, error: 'e' }), false);
  });
});

describe('describeServed', () => {
  it('the new one, a superseded version by its name, Traefik’s default by subject, or another', () => {
    assert.deepEqual(describeServed(served(NEW), NEW, KNOWN), { serves: 'new' });
    assert.deepEqual(describeServed(served(OLD), NEW, KNOWN), {
      serves: 'superseded',
      version: 'example-com-bbbbbbbbbbbb',
    });
    assert.deepEqual(describeServed(served(ELSE, 'CN=TRAEFIK DEFAULT CERT'), NEW, KNOWN), {
      serves: 'traefik-default',
    });
    assert.deepEqual(describeServed(served(ELSE, 'CN=other.example'), NEW, KNOWN), { serves: 'other' });
  });

  it('a version listed without a fingerprint (Dokploy documented dialect) is known by the one in its name', () => {
    const named = [{ kind: 'sha1' as const, prefix: 'c'.repeat(12), name: 'example-com-cccccccccccc' }];
    assert.deepEqual(describeServed(served(ELSE), NEW, new Map(), named), {
      serves: 'superseded',
      version: 'example-com-cccccccccccc',
    });
    // A prefix under 8 hex digits names too many certificates to tell: not taken.
    const short = [{ kind: 'sha1' as const, prefix: 'cccc', name: 'example-com-cccc' }];
    assert.equal(describeServed(served(ELSE), NEW, new Map(), short).serves, 'other');
  });

  it('a known version wins over the subject; the new one wins over both', () => {
    assert.equal(describeServed(served(OLD, 'CN=TRAEFIK DEFAULT CERT'), NEW, KNOWN).serves, 'superseded');
    assert.equal(describeServed(served(NEW, 'CN=TRAEFIK DEFAULT CERT'), NEW, KNOWN).serves, 'new');
  });
});

describe('servedText and whereAndWhat: the words of a stale address', () => {
  it('names the superseded version, its SHA-1 and its expiry day', () => {
    assert.equal(
      whereAndWhat(row('192.0.2.1', { sha1: OLD })),
      `app.example.test:443 at 192.0.2.1: the superseded version example-com-bbbbbbbbbbbb (SHA-1 ${OLD}, expires 2027-03-04)`,
    );
  });

  it("says Traefik's default certificate means Traefik has none loaded for the name", () => {
    assert.equal(
      servedText(row('192.0.2.1', { sha1: ELSE, subject: 'CN=TRAEFIK DEFAULT CERT' })),
      `Traefik's default certificate (SHA-1 ${ELSE}): Traefik has no certificate for this name loaded`,
    );
  });

  it('another certificate, the new one, an error, or nothing', () => {
    assert.equal(
      servedText(row('192.0.2.1', { sha1: ELSE })),
      `another certificate (SHA-1 ${ELSE}, expires 2027-03-04)`,
    );
    assert.equal(servedText(row('192.0.2.1', { sha1: NEW })), 'the new certificate');
    assert.equal(servedText(row('192.0.2.1', { error: 'refused' })), 'refused: refused at 192.0.2.1');
    assert.equal(servedText({ host: 'a.example', port: 443, matches: false }), 'nothing');
  });

  it('an IPv6 address and port are written as a person types them; a lookup failure has no "at"', () => {
    const v6 = rowOf('l', result('::1', { sha1: NEW }, '2001:db8::7', 8443), NEW, KNOWN);
    assert.equal(whereAndWhat(v6), '[2001:db8::7]:8443 at ::1: the new certificate');
    const lookup = lookupRow('l', { host: 'gone.example', port: 443, error: 'no such name' });
    assert.equal(whereAndWhat(lookup), 'gone.example:443: lookup: no such name');
  });
});

describe('judge', () => {
  const modes = ['auto', 'require'] as const;

  it('every address serves the new certificate: verified in both modes', () => {
    const rows = [row('192.0.2.1', { sha1: NEW }), row('192.0.2.2', { sha1: NEW })];
    for (const mode of modes) {
      const v = judge('example-com', rows, [], mode);
      assert.equal(v.status, 'verified', mode);
      assert.equal(v.summary, '2 of 2 addresses serve the new certificate');
      assert.equal(v.endpoints.length, 2);
    }
    assert.equal(
      judge('example-com', [row('192.0.2.1', { sha1: NEW })], [], 'auto').summary,
      '1 of 1 address serves the new certificate',
    );
  });

  it('one stale address fails both modes, naming it and what it serves', () => {
    const rows = [row('192.0.2.1', { sha1: NEW }), row('192.0.2.2', { sha1: OLD })];
    for (const mode of modes) {
      const v = judge('example-com', rows, [], mode);
      assert.equal(v.status, 'failed', mode);
      assert.equal(
        v.summary,
        `not serving the new certificate: app.example.test:443 at 192.0.2.2: the superseded version example-com-bbbbbbbbbbbb (SHA-1 ${OLD}, expires 2027-03-04)`,
      );
    }
  });

  it('an unreachable address: auto passes over it (and says so), require fails on it', () => {
    const rows = [row('192.0.2.1', { sha1: NEW }), row('192.0.2.2', { error: 'refused' })];
    const auto = judge('example-com', rows, [], 'auto');
    assert.equal(auto.status, 'verified');
    assert.equal(
      auto.summary,
      '1 of 2 addresses serve the new certificate; 1 could not be reached (verify: auto passes over them)',
    );
    const require = judge('example-com', rows, [], 'require');
    assert.equal(require.status, 'failed');
    assert.match(
      require.summary,
      /^not serving the new certificate: app\.example\.test:443 at 192\.0\.2\.2: refused/,
    );
  });

  it('a lookup failure is unreachable: auto passes over it, require fails on it', () => {
    const rows = [
      row('192.0.2.1', { sha1: NEW }),
      lookupRow('example-com', { host: 'gone.example', port: 443, error: 'no such name' }),
    ];
    assert.equal(judge('example-com', rows, [], 'auto').status, 'verified');
    const require = judge('example-com', rows, [], 'require');
    assert.equal(require.status, 'failed');
    assert.match(require.summary, /gone\.example:443: lookup: no such name/);
  });

  it('a reset or a failed handshake is something answering: it fails even with auto', () => {
    for (const kind of ['reset', 'handshake'] as const) {
      const rows = [row('192.0.2.1', { sha1: NEW }), row('192.0.2.2', { error: kind })];
      assert.equal(judge('example-com', rows, [], 'auto').status, 'failed', kind);
    }
  });

  it('nothing could be reached: auto skips (nothing verified, and says where), require fails', () => {
    const rows = [row('192.0.2.1', { error: 'timeout' })];
    const auto = judge('example-com', rows, [], 'auto');
    assert.equal(auto.status, 'skipped');
    assert.equal(
      auto.summary,
      'no endpoint could be reached (app.example.test:443 at 192.0.2.1: timeout: timeout at 192.0.2.1), so nothing was verified',
    );
    assert.equal(judge('example-com', rows, [], 'require').status, 'failed');
  });

  it('no endpoint at all: auto skips, require fails, and the summary says to give domains or endpoints', () => {
    const auto = judge('example-com', [], [], 'auto');
    assert.equal(auto.status, 'skipped');
    assert.equal(auto.summary, 'no endpoint to check: give the certificate its domains, or endpoints');
    assert.equal(judge('example-com', [], [], 'require').status, 'failed');
  });

  it('a wildcard-only certificate: the skipped wildcards are named with their reason', () => {
    const skipped = [{ domain: '*.example.com', reason: 'a wildcard has no address' }];
    const auto = judge('example-com', [], skipped, 'auto');
    assert.equal(auto.status, 'skipped');
    assert.equal(auto.summary, 'no endpoint to check: *.example.com (a wildcard has no address)');
    assert.deepEqual(auto.skippedDomains, skipped);
    assert.equal(judge('example-com', [], skipped, 'require').status, 'failed');
  });

  it('many stale addresses: five are named, the rest counted', () => {
    const rows = Array.from({ length: 8 }, (_, i) => row(`192.0.2.${i + 1}`, { sha1: ELSE }));
    const v = judge('example-com', rows, [], 'auto');
    assert.equal(v.status, 'failed');
    assert.equal(v.summary.split('; ').length, 6);
    assert.match(v.summary, /192\.0\.2\.5: another certificate/);
    assert.doesNotMatch(v.summary, /192\.0\.2\.6/);
    assert.match(v.summary, /; and 3 more$/);
  });

  it('keeps the rows and the skipped domains it was given (copies, not the caller’s arrays)', () => {
    const rows = [row('192.0.2.1', { sha1: NEW })];
    const skipped = [{ domain: '*.example.com', reason: 'r' }];
    const v = judge('example-com', rows, skipped, 'auto');
    assert.deepEqual(v.endpoints, rows);
    assert.notEqual(v.endpoints, rows);
    assert.deepEqual(v.skippedDomains, skipped);
    assert.equal(v.lineage, 'example-com');
  });
});

describe('overallVerified', () => {
  it('failed if any failed, verified if any verified, skipped otherwise (and for none)', () => {
    assert.equal(
      overallVerified([{ status: 'verified' }, { status: 'failed' }, { status: 'skipped' }]),
      'failed',
    );
    assert.equal(overallVerified([{ status: 'skipped' }, { status: 'verified' }]), 'verified');
    assert.equal(overallVerified([{ status: 'skipped' }]), 'skipped');
    assert.equal(overallVerified([]), 'skipped');
  });
});
