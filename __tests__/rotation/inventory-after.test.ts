/**
 * The inventory an apply run reports is what the provider holds when it ends: the listing with
 * the steps carried out laid over it. Against the DigitalOcean double, over a real socket, with a
 * removal that fails, so the inventory must follow what was done rather than what was planned.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CheckedBundle } from '../../src/certs/bundle.ts';
import { buildReport, expiringSoon } from '../../src/report/report.ts';
import { renderSummary } from '../../src/report/summary.ts';
import { renderText } from '../../src/report/text.ts';
import { DEFAULT_PLAN_OPTIONS } from '../../src/rotation/plan.ts';
import { rotate } from '../../src/rotation/rotate.ts';
import { harness } from '../../test/support/digitalocean-harness.ts';
import { Pki } from '../../test/support/pki.ts';
import { bundleOf, nameOf, only, picture, TEMPLATE } from './fixtures.ts';

const LINEAGE = 'example-com';
const DAY = 86_400_000;

describe('the inventory after an apply run', () => {
  let pki: Pki;
  let v3: CheckedBundle;
  before(async () => {
    pki = await Pki.create();
    v3 = await bundleOf(pki);
  });
  after(() => pki.cleanup());

  it('has the upload in, the removed version marked removed, and the one whose removal failed as it was', async () => {
    const h = await harness();
    try {
      const soon = new Date(h.clock.now() + 3.5 * DAY).toISOString().replace(/\.\d{3}Z$/, 'Z');
      const gone = h.double.addCertificate(`${LINEAGE}-aaaaaaaaaaaa`, {
        sha1_fingerprint: 'a'.repeat(40),
        not_after: soon,
      });
      const stuck = h.double.addCertificate(`${LINEAGE}-bbbbbbbbbbbb`, {
        sha1_fingerprint: 'b'.repeat(40),
        not_after: soon,
      });
      const foreign = h.double.addCertificate('hand-made');
      h.double.server.inject({
        method: 'DELETE',
        path: `/v2/certificates/${stuck.id}`,
        times: Number.POSITIVE_INFINITY,
        fault: { kind: 'status', status: 403, body: { id: 'forbidden', message: 'not allowed' } },
      });

      const result = await rotate(h.provider, [{ lineage: LINEAGE, bundle: v3 }], {
        mode: 'apply',
        template: TEMPLATE,
        plan: DEFAULT_PLAN_OPTIONS,
      });
      const lineage = only(result);
      assert.equal(lineage.status, 'partial');
      assert.deepEqual(picture(lineage).sort(), [
        'confirm:done',
        'create:done',
        'remove:done',
        'remove:failed',
      ]);
      const uploaded = h.double.certificates.all().find((c) => c.name === nameOf(LINEAGE, v3));
      assert.ok(uploaded);

      const state = (id: string) => result.inventory.find((item) => item.certificate.id === id);
      assert.equal(state(gone.id)?.change, 'removed');
      assert.equal(state(gone.id)?.lineage, LINEAGE);
      assert.ok(state(stuck.id), 'a removal that failed leaves the certificate listed');
      assert.equal(state(stuck.id)?.change, undefined);
      assert.equal(state(foreign.id)?.change, undefined);
      assert.equal(state(foreign.id)?.lineage, undefined);
      assert.equal(state(uploaded.id)?.change, 'added');
      assert.equal(state(uploaded.id)?.lineage, LINEAGE);
      assert.equal(state(uploaded.id)?.certificate.notAfter, uploaded.not_after, 'as the provider shows it');
      assert.equal(result.inventory.length, 4);
      // Nothing was listed again to learn this: one listing before, and the confirm's read-back.
      assert.equal(h.double.server.requestsTo('GET', '/v2/certificates').length, 1);

      const report = buildReport({
        settings: { mode: 'apply', warnDays: 30, failDays: 7, inventory: true },
        checked: [],
        skipped: [],
        now: new Date(h.clock.now()),
        rotation: result,
      });
      // Without the invisible breaks escape.ts puts into runs of hex digits (names, ids).
      const md = renderSummary(report).replaceAll('<!-- -->', '');
      const row = (name: string) => md.split('\n').find((line) => line.startsWith(`| ${name} |`)) ?? '';
      assert.match(
        row(gone.name),
        /\| — \| example-com \| ➖ removed \|$/,
        'removed: no longer counted down',
      );
      assert.doesNotMatch(row(gone.name), /🔴/);
      assert.match(row(stuck.name), /🔴 3 \| example-com \| {2}\|$/, 'still there, still expiring');
      assert.match(row(uploaded.name), /🟢 \d+ \| example-com \| ➕ uploaded \|$/);
      assert.match(
        md,
        /After this run the provider holds 3 certificates \(1 uploaded by this run\); 1 removed\./,
      );
      assert.ok(!md.split('```mermaid')[1]?.includes(gone.name.replace(/-/g, ' ')), gone.name);
      assert.deepEqual(
        expiringSoon(report).map((e) => e.what),
        [stuck.name],
        'the expiry issue does not list what the run removed',
      );
      const text = renderText(report, { color: false });
      assert.match(text, /Provider inventory after this run: 3 certificates held, 1 removed/);
      assert.match(text, new RegExp(`${gone.name} \\(${gone.id}\\).*: removed by this run`));
      assert.match(
        text,
        new RegExp(`${uploaded.name} \\(${uploaded.id}\\).*days left \\[uploaded by this run\\]`),
      );
    } finally {
      await h.close();
    }
  });

  it('in plan mode is the listing as it is, nothing marked', async () => {
    const h = await harness();
    try {
      const old = h.double.addCertificate(`${LINEAGE}-aaaaaaaaaaaa`, { sha1_fingerprint: 'a'.repeat(40) });
      const result = await rotate(h.provider, [{ lineage: LINEAGE, bundle: v3 }], {
        mode: 'plan',
        template: TEMPLATE,
        plan: DEFAULT_PLAN_OPTIONS,
      });
      assert.deepEqual(
        result.inventory.map((item) => [item.certificate.id, item.lineage, item.change]),
        [[old.id, LINEAGE, undefined]],
      );
    } finally {
      await h.close();
    }
  });
});
