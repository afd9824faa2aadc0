/**
 * Dates, against an injected clock: one set of certificates, many values of `now`.
 */
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { BundleInput, CheckedBundle, CheckOptions } from '../../src/certs/bundle.ts';
import { expiryFindings } from '../../src/certs/expiry.ts';
import type { Finding, FindingCode } from '../../src/certs/findings.ts';
import { type Issued, Pki } from '../../test/support/pki.ts';
import { checkWellFormed } from '../../test/support/findings.ts';

const SECOND = 1000;
const DAY = 86_400_000;
const DATE_CODES: readonly FindingCode[] = ['EXPIRED', 'NOT_YET_VALID', 'EXPIRES_SOON', 'EXPIRING'];

/** The date findings only (the chain is complete in every test, so nothing else is expected). */
function dates(result: CheckedBundle): Finding[] {
  const rest = result.findings.filter((f) => !DATE_CODES.includes(f.code) && f.code !== 'ROOT_INCLUDED');
  assert.deepEqual(rest, [], 'no findings other than dates');
  return result.findings.filter((f) => DATE_CODES.includes(f.code));
}

function bundle(...certs: Issued[]): BundleInput {
  const key = certs[0]!.keyPem;
  return { sources: [{ role: 'bundle', name: 'bundle', data: certs.map((c) => c.certPem).join('') + key }] };
}

describe('certs/expiry', () => {
  let pki: Pki;
  /** The fixed clock everything is made around (whole seconds: X.509 times have no milliseconds). */
  let base: Date;
  let at: (ms: number) => Date;
  let root: Issued;
  let int: Issued;
  let leaf: Issued;
  let notBefore: Date;
  let notAfter: Date;
  let options: (now: Date, extra?: CheckOptions) => CheckOptions;

  before(async () => {
    pki = await Pki.create();
    const baseMs = Math.floor(Date.now() / SECOND) * SECOND;
    base = new Date(baseMs);
    at = (ms) => new Date(baseMs + ms);
    root = await pki.root({ cn: 'Expiry Root', notBefore: at(-400 * DAY), notAfter: at(3650 * DAY) });
    int = await pki.intermediate(root, {
      cn: 'Expiry Intermediate',
      notBefore: at(-300 * DAY),
      notAfter: at(1800 * DAY),
    });
    notBefore = at(-10 * DAY);
    notAfter = at(60 * DAY);
    leaf = await pki.leaf(int, { cn: 'dates.example.com', notBefore, notAfter });
    options = (now, extra = {}) => ({
      ...extra,
      now,
      trustedRoots: () => [new X509Certificate(root.certPem)],
    });
  });
  after(async () => {
    await pki?.cleanup();
  });

  const run = (now: Date, extra?: CheckOptions) => checkWellFormed(bundle(leaf, int), options(now, extra));

  it('is fine well inside the validity: no date finding, daysRemaining counted', () => {
    const r = run(base);
    assert.deepEqual(dates(r), []);
    assert.ok(r.ok);
    assert.equal(r.leaf?.daysRemaining, 60);
    assert.equal(r.leaf?.notAfter, notAfter.toISOString());
    assert.equal(r.leaf?.notBefore, notBefore.toISOString());
    // Whole days, rounded down.
    assert.equal(run(new Date(base.getTime() + 12 * 3_600_000)).leaf?.daysRemaining, 59);
    assert.equal(run(new Date(notAfter.getTime() - DAY + SECOND)).leaf?.daysRemaining, 0);
  });

  it('expired: EXPIRED error, negative daysRemaining, no upload', () => {
    const r = run(new Date(notAfter.getTime() + 30 * DAY));
    const [f, ...more] = dates(r);
    assert.deepEqual(more, []);
    assert.equal(f?.code, 'EXPIRED');
    assert.equal(f?.level, 'error');
    assert.equal(f?.subject, 'CN=dates.example.com');
    assert.ok(f?.message.includes(notAfter.toISOString()), f?.message);
    assert.match(f?.message ?? '', /\b30 days ago/);
    assert.equal(r.leaf?.daysRemaining, -30);
    assert.equal(r.ok, false);
    assert.equal(r.upload, undefined);
  });

  it('one second past not-after is expired; at not-after itself it is still valid (expires today)', () => {
    const late = run(new Date(notAfter.getTime() + SECOND));
    assert.deepEqual(
      dates(late).map((f) => f.code),
      ['EXPIRED'],
    );
    assert.equal(late.leaf?.daysRemaining, -1);
    const last = run(notAfter);
    assert.deepEqual(
      dates(last).map((f) => f.code),
      ['EXPIRES_SOON'],
    );
    assert.equal(last.leaf?.daysRemaining, 0);
  });

  it('not yet valid: NOT_YET_VALID error naming the start; valid from not-before on', () => {
    const early = run(new Date(notBefore.getTime() - SECOND));
    const [f, ...more] = dates(early);
    assert.deepEqual(more, []);
    assert.equal(f?.code, 'NOT_YET_VALID');
    assert.equal(f?.level, 'error');
    assert.equal(f?.subject, 'CN=dates.example.com');
    assert.ok(f?.message.includes(notBefore.toISOString()), f?.message);
    assert.equal(early.ok, false);
    assert.equal(early.upload, undefined);
    assert.deepEqual(dates(run(notBefore)), []);
  });

  it('within fail-days: EXPIRES_SOON error with the days left', () => {
    const r = run(new Date(notAfter.getTime() - 3 * DAY));
    const [f, ...more] = dates(r);
    assert.deepEqual(more, []);
    assert.equal(f?.code, 'EXPIRES_SOON');
    assert.equal(f?.level, 'error');
    assert.match(f?.message ?? '', /in 3 days: within fail-days \(7\)/);
    assert.equal(r.leaf?.daysRemaining, 3);
    assert.equal(r.ok, false);
    assert.equal(r.upload, undefined);
  });

  it('counts one day as "1 day", before and after not-after', () => {
    const [soon] = dates(run(new Date(notAfter.getTime() - DAY)));
    assert.match(soon?.message ?? '', /, in 1 day: within fail-days/);
    const [gone] = dates(run(new Date(notAfter.getTime() + DAY)));
    assert.match(gone?.message ?? '', /\(1 day ago\)/);
  });

  it('fail-days boundary: exactly 7 days left is EXPIRES_SOON, 8 is only EXPIRING', () => {
    const seven = run(new Date(notAfter.getTime() - 7 * DAY));
    assert.equal(seven.leaf?.daysRemaining, 7);
    assert.deepEqual(
      dates(seven).map((f) => [f.code, f.level]),
      [['EXPIRES_SOON', 'error']],
    );
    const eight = run(new Date(notAfter.getTime() - 8 * DAY));
    assert.equal(eight.leaf?.daysRemaining, 8);
    assert.deepEqual(
      dates(eight).map((f) => [f.code, f.level]),
      [['EXPIRING', 'warning']],
    );
  });

  it('"within 7 days" is exact time: 7 days and 1 second left is not EXPIRES_SOON', () => {
    const justOver = run(new Date(notAfter.getTime() - 7 * DAY - SECOND));
    assert.equal(justOver.leaf?.daysRemaining, 7, 'days are still counted whole');
    assert.deepEqual(
      dates(justOver).map((f) => [f.code, f.level]),
      [['EXPIRING', 'warning']],
    );
    const nearlyEight = run(new Date(notAfter.getTime() - 8 * DAY + SECOND));
    assert.deepEqual(
      dates(nearlyEight).map((f) => f.code),
      ['EXPIRING'],
    );
  });

  it('within warn-days: EXPIRING warning, still ok and uploaded; boundary 30 in, 31 out', () => {
    const r = run(new Date(notAfter.getTime() - 20 * DAY));
    const [f, ...more] = dates(r);
    assert.deepEqual(more, []);
    assert.equal(f?.code, 'EXPIRING');
    assert.equal(f?.level, 'warning');
    assert.match(f?.message ?? '', /in 20 days: within warn-days \(30\)/);
    assert.ok(r.ok);
    assert.ok(r.upload);
    assert.deepEqual(
      dates(run(new Date(notAfter.getTime() - 30 * DAY))).map((x) => x.code),
      ['EXPIRING'],
    );
    assert.deepEqual(dates(run(new Date(notAfter.getTime() - 31 * DAY))), []);
  });

  it('honours warnDays and failDays', () => {
    assert.deepEqual(
      dates(run(base, { warnDays: 60 })).map((f) => f.code),
      ['EXPIRING'],
    );
    assert.deepEqual(dates(run(base, { warnDays: 59 })), []);
    assert.deepEqual(
      dates(run(base, { warnDays: 90, failDays: 60 })).map((f) => f.code),
      ['EXPIRES_SOON'],
    );
    const threeLeft = new Date(notAfter.getTime() - 3 * DAY);
    assert.deepEqual(
      dates(run(threeLeft, { failDays: 2 })).map((f) => f.code),
      ['EXPIRING'],
    );
    assert.deepEqual(dates(run(threeLeft, { failDays: 0, warnDays: 0 })), []);
  });

  describe('intermediates', () => {
    let expiredInt: Issued;
    let underExpired: Issued;
    let expiringInt: Issued;
    let underExpiring: Issued;
    let futureInt: Issued;
    let underFuture: Issued;

    before(async () => {
      [expiredInt, expiringInt, futureInt] = await Promise.all([
        pki.intermediate(root, {
          cn: 'Expired Intermediate',
          notBefore: at(-300 * DAY),
          notAfter: at(-2 * DAY),
        }),
        pki.intermediate(root, {
          cn: 'Expiring Intermediate',
          notBefore: at(-300 * DAY),
          notAfter: at(20 * DAY),
        }),
        pki.intermediate(root, {
          cn: 'Future Intermediate',
          notBefore: at(5 * DAY),
          notAfter: at(900 * DAY),
        }),
      ]);
      [underExpired, underExpiring, underFuture] = await Promise.all([
        pki.leaf(expiredInt, { cn: 'a.example.com', notBefore: at(-10 * DAY), notAfter: at(80 * DAY) }),
        pki.leaf(expiringInt, { cn: 'b.example.com', notBefore: at(-10 * DAY), notAfter: at(80 * DAY) }),
        pki.leaf(futureInt, { cn: 'c.example.com', notBefore: at(-10 * DAY), notAfter: at(80 * DAY) }),
      ]);
    });

    it('an expired intermediate is an EXPIRED error with its subject', () => {
      const r = checkWellFormed(bundle(underExpired, expiredInt), options(base));
      const [f, ...more] = dates(r);
      assert.deepEqual(more, []);
      assert.equal(f?.code, 'EXPIRED');
      assert.equal(f?.level, 'error');
      assert.equal(f?.subject, 'CN=Expired Intermediate');
      assert.match(f?.message ?? '', /intermediate certificate "CN=Expired Intermediate" expired on/);
      assert.equal(r.leaf?.daysRemaining, 80, 'daysRemaining is the leaf’s');
      assert.equal(r.ok, false);
    });

    it('an expiring intermediate is an EXPIRING warning with its subject', () => {
      const r = checkWellFormed(bundle(underExpiring, expiringInt), options(base));
      assert.deepEqual(
        dates(r).map((f) => [f.code, f.level, f.subject]),
        [['EXPIRING', 'warning', 'CN=Expiring Intermediate']],
      );
    });

    it('a not-yet-valid intermediate is NOT_YET_VALID with its subject', () => {
      const r = checkWellFormed(bundle(underFuture, futureInt), options(base));
      assert.deepEqual(
        dates(r).map((f) => [f.code, f.subject]),
        [['NOT_YET_VALID', 'CN=Future Intermediate']],
      );
    });

    it('leaf and intermediate both expired: one EXPIRED each', () => {
      const r = checkWellFormed(bundle(underExpired, expiredInt), options(at(81 * DAY)));
      assert.deepEqual(
        dates(r)
          .map((f) => [f.code, f.subject])
          .sort(),
        [
          ['EXPIRED', 'CN=Expired Intermediate'],
          ['EXPIRED', 'CN=a.example.com'],
        ],
      );
    });

    it('an expired root that is included is not served, so not a date finding', async () => {
      const oldRoot = await pki.root({ cn: 'Old Root', notBefore: at(-900 * DAY), notAfter: at(-DAY) });
      const mid = await pki.intermediate(oldRoot, { notBefore: at(-300 * DAY), notAfter: at(300 * DAY) });
      const end = await pki.leaf(mid, { notBefore: at(-10 * DAY), notAfter: at(80 * DAY) });
      const r = checkWellFormed(bundle(end, mid, oldRoot), options(base));
      assert.deepEqual(dates(r), []);
      assert.deepEqual(
        r.findings.map((f) => f.code),
        ['ROOT_INCLUDED'],
      );
    });
  });

  it('expiryFindings on its own: the leaf and intermediate wording', () => {
    const cert = new X509Certificate(leaf.certPem);
    const window = { now: new Date(notAfter.getTime() + DAY), warnDays: 30, failDays: 7 };
    const [asLeaf] = expiryFindings(cert, 'leaf', window);
    const [asInt] = expiryFindings(cert, 'intermediate', window);
    assert.match(asLeaf?.message ?? '', /^The certificate "CN=dates.example.com" expired on/);
    assert.match(asInt?.message ?? '', /^The intermediate certificate "CN=dates.example.com" expired on/);
    assert.notEqual(asLeaf?.fix, asInt?.fix);
  });
});
