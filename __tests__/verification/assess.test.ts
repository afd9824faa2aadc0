/**
 * assessServed on hand-built check results: every rule alone, with a fixed clock, and what each
 * message says (the endpoint and address, the fix, remote text escaped).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding, FindingCode } from '../../src/certs/findings.ts';
import { type AssessOptions, assessServed } from '../../src/verification/assess.ts';
import type { ChainCertificate, CheckResult, ServedCertificate } from '../../src/verification/served.ts';
import { assertWellFormed } from '../../test/support/findings.ts';

const DAY = 86_400_000;
const NOW = new Date('2026-12-03T12:00:00Z');
const days = (n: number): string => new Date(NOW.getTime() + n * DAY).toISOString();
const OPTIONS: AssessOptions = { now: NOW, warnDays: 30, failDays: 7 };
const WHERE = 'app.example.test:443 at 192.0.2.7';

function cert(overrides: Partial<ChainCertificate> = {}): ChainCertificate {
  return {
    subject: 'CN=app.example.test',
    issuer: 'CN=Test Intermediate',
    notBefore: days(-10),
    notAfter: days(80),
    sha256: 'a'.repeat(64),
    selfSigned: false,
    key: { type: 'ec', bits: 256, curve: 'P-256' },
    signature: 'ecdsa-with-SHA256',
    weakSignature: false,
    ...overrides,
  };
}

const intermediate = cert({
  subject: 'CN=Test Intermediate',
  issuer: 'CN=Test Root',
  notBefore: days(-400),
  notAfter: days(1400),
});
const root = cert({
  subject: 'CN=Test Root',
  issuer: 'CN=Test Root',
  notBefore: days(-800),
  notAfter: days(3000),
  selfSigned: true,
});

function served(
  overrides: Partial<ServedCertificate> = {},
  leaf: Partial<ChainCertificate> = {},
): ServedCertificate {
  const first = cert({
    ...leaf,
    ...(overrides.notBefore === undefined ? {} : { notBefore: overrides.notBefore }),
    ...(overrides.notAfter === undefined ? {} : { notAfter: overrides.notAfter }),
    ...(overrides.key === undefined ? {} : { key: overrides.key }),
  });
  return {
    sha1: 'b'.repeat(40),
    sha256: first.sha256,
    subject: first.subject,
    notBefore: first.notBefore,
    notAfter: first.notAfter,
    key: first.key,
    names: { dns: ['app.example.test'], ip: [] },
    namesTruncated: false,
    chain: [first.subject, intermediate.subject, root.subject],
    certificates: [first, intermediate, root],
    protocol: 'TLSv1.3',
    trusted: true,
    nameMatches: true,
    ...overrides,
  };
}

function result(servedCert: ServedCertificate | undefined, error?: CheckResult['error']): CheckResult {
  return {
    host: 'app.example.test',
    port: 443,
    address: '192.0.2.7',
    via: 'dns',
    elapsedMs: 12,
    ...(servedCert === undefined ? {} : { served: servedCert }),
    ...(error === undefined ? {} : { error }),
  };
}

function assess(r: CheckResult, options: Partial<AssessOptions> = {}): Finding[] {
  const findings = assessServed(r, { ...OPTIONS, ...options });
  for (const f of findings) {
    assertWellFormed(f);
    assert.ok(
      f.message.includes(WHERE) || f.message.includes('192.0.2.7:443'),
      `names the endpoint: ${f.message}`,
    );
  }
  return findings;
}

function codes(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.code}:${f.level}`);
}

function one(findings: readonly Finding[], code: FindingCode): Finding {
  const found = findings.filter((f) => f.code === code);
  assert.equal(found.length, 1, `one ${code} in ${JSON.stringify(findings, null, 1)}`);
  return found[0]!;
}

describe('assessServed', () => {
  it('says nothing about a good endpoint', () => {
    assert.deepEqual(assess(result(served())), []);
  });

  describe('reachability', () => {
    const cases: [NonNullable<CheckResult['error']>['kind'], RegExp, RegExp][] = [
      ['refused', /refused the connection/, /listens on port 443 at 192\.0\.2\.7/],
      ['reset', /closed the connection during the TLS handshake/, /SNI/],
      ['timeout', /did not complete a TLS handshake in time/, /firewall or security group/],
      ['unreachable', /could not be reached/, /`resolve` pin/],
      ['handshake', /failed the TLS handshake/, /speaks TLS \(not plain HTTP\), offers TLS 1\.2 or 1\.3/],
      ['connect', /could not be connected to/, /is up and port 443 is open/],
    ];
    for (const [kind, message, fix] of cases) {
      it(`turns a ${kind} failure into one error saying what happened and what to do`, () => {
        const findings = assess(result(undefined, { kind, message: `some ${kind} detail` }));
        assert.deepEqual(codes(findings), ['SERVED_UNREACHABLE:error']);
        assert.match(findings[0]!.message, message);
        assert.match(findings[0]!.message, /no certificate was read/);
        assert.match(findings[0]!.fix, fix);
      });
    }

    it('quotes the error text escaped, so a line break from outside cannot forge a line', () => {
      const findings = assess(result(undefined, { kind: 'handshake', message: 'bad\nERROR: forged' }));
      assert.match(findings[0]!.message, /"bad\\nERROR: forged"/);
      assert.doesNotMatch(findings[0]!.message, /\n/);
    });

    it('names an IP endpoint once', () => {
      const r = { ...result(undefined, { kind: 'refused', message: 'x' }), host: '192.0.2.7' };
      assert.match(assessServed(r, OPTIONS)[0]!.message, /^192\.0\.2\.7:443 refused/);
    });
  });

  it('reports a leaf that does not cover the host asked, with the names it covers, escaped', () => {
    const findings = assess(
      result(
        served({
          nameMatches: false,
          names: { dns: ['other.example.test', 'evil\nx.test'], ip: ['192.0.2.9'] },
        }),
      ),
    );
    assert.deepEqual(codes(findings), ['SERVED_NAME_MISMATCH:error']);
    const f = findings[0]!;
    assert.match(f.message, /does not cover "app\.example\.test"/);
    assert.match(f.message, /it covers "other\.example\.test", "evil\\nx\.test", "192\.0\.2\.9"\./);
    assert.match(f.fix, /SNI mapping, or the default certificate/);
  });

  it('counts the names it leaves out, and says so when the handshake kept only some', () => {
    const dns = Array.from({ length: 12 }, (_, i) => `n${i}.example.test`);
    const f = one(
      assess(result(served({ nameMatches: false, names: { dns, ip: [] } }))),
      'SERVED_NAME_MISMATCH',
    );
    assert.match(f.message, /"n9\.example\.test", and 2 more\./);
    const cut = one(
      assess(
        result(served({ nameMatches: false, names: { dns: ['a.test'], ip: [] }, namesTruncated: true })),
      ),
      'SERVED_NAME_MISMATCH',
    );
    assert.match(cut.message, /"a\.test", and more\./);
    const none = one(
      assess(result(served({ nameMatches: false, names: { dns: [], ip: [] } }))),
      'SERVED_NAME_MISMATCH',
    );
    assert.match(none.message, /it lists no subjectAltName at all/);
  });

  it('reads a missing intermediate as an incomplete chain, naming the issuer to send', () => {
    const findings = assess(
      result(
        served({
          trusted: false,
          trustError: {
            code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
            meaning: 'the server sent the leaf without…',
          },
          chain: ['CN=app.example.test'],
          certificates: [cert()],
        }),
      ),
    );
    assert.deepEqual(codes(findings), ['SERVED_CHAIN_INCOMPLETE:error']);
    assert.match(findings[0]!.message, /without the intermediate that signed it \("CN=Test Intermediate"\)/);
    assert.match(findings[0]!.fix, /fullchain\.pem, not cert\.pem/);
  });

  it('reports any other verdict as untrusted, with OpenSSL code and meaning', () => {
    const findings = assess(
      result(
        served({
          trusted: false,
          trustError: {
            code: 'SELF_SIGNED_CERT_IN_CHAIN',
            meaning: 'the chain ends at a root that is not trusted',
          },
        }),
      ),
    );
    assert.deepEqual(codes(findings), ['SERVED_UNTRUSTED:error']);
    assert.match(
      findings[0]!.message,
      /OpenSSL says SELF_SIGNED_CERT_IN_CHAIN, the chain ends at a root that is not trusted/,
    );
    assert.match(findings[0]!.fix, /trusted-ca/);
  });

  describe('expiry', () => {
    it('fails an expired leaf once, without a second finding for OpenSSL verdict on the same date', () => {
      const findings = assess(
        result(
          served({
            notAfter: days(-2),
            trusted: false,
            trustError: { code: 'CERT_HAS_EXPIRED', meaning: 'a certificate in the chain has expired' },
          }),
        ),
      );
      assert.deepEqual(codes(findings), ['EXPIRED:error']);
      assert.match(findings[0]!.message, /expired on 2026-12-01T12:00:00\.000Z \(2 days ago\)/);
    });

    it('still reports CERT_HAS_EXPIRED when no date finding names it (an expired root from the trust store)', () => {
      const findings = assess(
        result(served({ trusted: false, trustError: { code: 'CERT_HAS_EXPIRED', meaning: 'expired' } })),
      );
      assert.deepEqual(codes(findings), ['SERVED_UNTRUSTED:error']);
    });

    it('fails a leaf that is not valid yet', () => {
      const findings = assess(result(served({ notBefore: days(1) })));
      assert.deepEqual(codes(findings), ['NOT_YET_VALID:error']);
    });

    it('warns within warn-days and fails within fail-days, to the exact time', () => {
      assert.deepEqual(codes(assess(result(served({ notAfter: days(20) })))), ['EXPIRING:warning']);
      assert.deepEqual(codes(assess(result(served({ notAfter: days(7) })))), ['EXPIRES_SOON:error']);
      assert.deepEqual(codes(assess(result(served({ notAfter: days(7.9) })))), ['EXPIRING:warning']);
      assert.deepEqual(codes(assess(result(served({ notAfter: days(30.5) })))), []);
    });

    it('fails a six-day certificate with one day left on percent, where days alone would only warn', () => {
      const sixDay = served({ notBefore: days(-5), notAfter: days(1) });
      const byDays = assess(result(sixDay), { warnDays: 3, failDays: 0 });
      assert.deepEqual(codes(byDays), ['EXPIRING:warning']);
      const byPercent = assess(result(sixDay), {
        warnDays: 3,
        failDays: 0,
        warnPercent: 33,
        failPercent: 20,
      });
      assert.deepEqual(codes(byPercent), ['EXPIRES_SOON:error']);
      const f = byPercent[0]!;
      assert.match(f.message, /in 1 day \(16\.6% of its 6-day lifetime left\): under fail-percent \(20\)\./);
      assert.match(f.fix, /lower fail-percent\./);
    });

    it('names every threshold crossed, and warns on percent alone', () => {
      const both = one(
        assess(result(served({ notBefore: days(-85), notAfter: days(5) })), { failPercent: 10 }),
        'EXPIRES_SOON',
      );
      assert.match(both.message, /within fail-days \(7\) and under fail-percent \(10\)\./);
      assert.match(both.fix, /lower fail-days and fail-percent\./);
      const warned = assess(result(served({ notBefore: days(-300), notAfter: days(60) })), {
        warnPercent: 20,
      });
      assert.deepEqual(codes(warned), ['EXPIRING:warning']);
      assert.match(warned[0]!.message, /16\.6% of its 360-day lifetime left\): under warn-percent \(20\)\./);
    });

    it('never reads 9.99% left as 10.0%', () => {
      const f = one(
        assess(result(served({ notBefore: days(-90.09), notAfter: days(9.999) })), {
          warnDays: 0,
          failDays: 0,
          failPercent: 10,
        }),
        'EXPIRES_SOON',
      );
      assert.match(f.message, /\(9\.9% of its 100-day lifetime left\)/);
    });

    it('judges intermediates by days (never roots), naming them', () => {
      const old = { ...intermediate, notAfter: days(3) };
      const expiredRoot = { ...root, notAfter: days(-1) };
      const findings = assess(result(served({ certificates: [cert(), old, expiredRoot] })));
      assert.deepEqual(codes(findings), ['EXPIRES_SOON:error']);
      assert.match(
        findings[0]!.message,
        /^The intermediate "CN=Test Intermediate" in the chain of app\.example\.test:443 at 192\.0\.2\.7 expires/,
      );
    });
  });

  describe('strength', () => {
    it('reuses the certificate rules for the served leaf key and signature', () => {
      const findings = assess(
        result(
          served(
            { key: { type: 'rsa', bits: 1024 } },
            { signature: 'sha1WithRSAEncryption', weakSignature: true },
          ),
        ),
      );
      assert.deepEqual(codes(findings), ['WEAK_KEY:error', 'WEAK_SIGNATURE:error']);
      assert.match(
        findings[0]!.message,
        /^The certificate "CN=app\.example\.test" that app\.example\.test:443 at 192\.0\.2\.7 serves has a 1024-bit RSA key/,
      );
    });

    it('warns on an unusual leaf key, and judges intermediates but not roots', () => {
      const weakIntermediate = {
        ...intermediate,
        key: { type: 'rsa', bits: 1024 },
        weakSignature: true,
        signature: 'sha1WithRSAEncryption',
      };
      const oldRoot = {
        ...root,
        key: { type: 'rsa', bits: 1024 },
        weakSignature: true,
        signature: 'sha1WithRSAEncryption',
      };
      const findings = assess(
        result(
          served({ key: { type: 'ed25519', bits: 256 }, certificates: [cert(), weakIntermediate, oldRoot] }),
        ),
      );
      assert.deepEqual(codes(findings), ['UNUSUAL_KEY:warning', 'WEAK_KEY:error', 'WEAK_SIGNATURE:error']);
      assert.match(findings[1]!.message, /^The intermediate "CN=Test Intermediate" in the chain of /);
    });
  });

  describe('TLS version', () => {
    for (const protocol of ['TLSv1', 'TLSv1.1']) {
      it(`fails ${protocol}: the server supports nothing newer, and clients refuse it`, () => {
        const findings = assess(result(served({ protocol })));
        assert.deepEqual(codes(findings), ['SERVED_OLD_TLS:error']);
        assert.match(
          findings[0]!.message,
          new RegExp(`negotiated ${protocol.replace('.', '\\.')} though TLS 1\\.3 was offered`),
        );
        assert.match(findings[0]!.fix, /Enable TLS 1\.2 and 1\.3/);
      });
    }
    it('accepts TLSv1.2 and TLSv1.3', () => {
      assert.deepEqual(assess(result(served({ protocol: 'TLSv1.2' }))), []);
      assert.deepEqual(assess(result(served({ protocol: 'TLSv1.3' }))), []);
    });
  });

  it('escapes a subject from the server in every message', () => {
    const findings = assess(result(served({ notAfter: days(2) }, { subject: 'CN=a\nCN=b' })));
    assert.equal(findings.length, 1);
    assert.match(findings[0]!.message, /serves "CN=a\\nCN=b", which expires/);
  });
});
