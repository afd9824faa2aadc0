/**
 * warn-percent and fail-percent on the certificate's own checks (validate, plan, apply): a
 * short-lived leaf is judged by the share of its lifetime left, which days cannot do.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expiringSoon } from '../../src/report/report.ts';
import { run } from '../../src/run.ts';
import { parseSettings } from '../../src/settings.ts';
import { type Issued, Pki } from '../../test/support/pki.ts';

const DAY = 86_400_000;
let pki: Pki;
let sixDay: Issued;
let intermediate: Issued;

before(async () => {
  pki = await Pki.create();
  const made = await pki.chain(1, { cn: 'short.example.test' });
  intermediate = made.intermediates[0] as Issued;
  // Six days long, 1.2 days left: 20% of its lifetime.
  sixDay = await pki.leaf(intermediate, {
    cn: 'short.example.test',
    notBefore: new Date(Date.now() - 4.8 * DAY),
    notAfter: new Date(Date.now() + 1.2 * DAY),
  });
});
after(() => pki.cleanup());

async function validate(extra: Record<string, string>) {
  const settings = parseSettings({
    mode: 'validate',
    certificate: sixDay.certPem + intermediate.certPem,
    'private-key': sixDay.keyPem,
    'warn-days': '0',
    'fail-days': '0',
    ...extra,
  });
  return (await run(settings, { cwd: process.cwd(), mask: () => {}, env: {} })).report;
}

const expiry = (report: Awaited<ReturnType<typeof validate>>) =>
  report.certificates[0]?.findings.filter((f) => f.code === 'EXPIRING' || f.code === 'EXPIRES_SOON') ?? [];

describe('warn-percent and fail-percent on the certificate itself', () => {
  it('without them, days alone pass a six-day certificate with a day left (fail-days 0)', async () => {
    const report = await validate({});
    assert.deepEqual(expiry(report), []);
    assert.equal(report.ok, true);
  });

  it('under warn-percent: a warning that gives the share and its lifetime, and an entry in the expiry list', async () => {
    const report = await validate({ 'warn-percent': '33' });
    const [found] = expiry(report);
    assert.equal(found?.level, 'warning');
    assert.match(
      found?.message ?? '',
      /\((19\.\d|20(\.\d)?)% of its 6-day lifetime left\): under warn-percent \(33\)/,
    );
    assert.equal(report.ok, true);
    assert.deepEqual(
      expiringSoon(report).map((e) => e.source),
      ['checked'],
    );
  });

  it('under fail-percent: an error, and the run fails', async () => {
    const report = await validate({ 'warn-percent': '33', 'fail-percent': '25' });
    const [found] = expiry(report);
    assert.equal(found?.level, 'error');
    assert.equal(found?.code, 'EXPIRES_SOON');
    assert.match(found?.fix ?? '', /lower fail-percent/);
    assert.equal(report.ok, false);
  });

  it('the intermediate, years long, is never judged by its share', async () => {
    const report = await validate({ 'warn-percent': '100' });
    const subjects = expiry(report).map((f) => f.subject);
    assert.deepEqual(subjects, [report.certificates[0]?.leaf?.subject]);
  });
});
