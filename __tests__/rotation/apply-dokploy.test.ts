/**
 * The rotation against the Dokploy double, over a real socket, in both dialects: the real one
 * (listings carry certificate data, so versions are told apart by fingerprint) and the documented
 * one (no certificate data: a version is known by the fingerprint in its name). Dokploy serves by
 * SNI, so there is nothing to rebind: a rotation is upload, confirm, remove, reload Traefik.
 */
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Agent } from 'undici';
import type { CheckedBundle } from '../../src/certs/bundle.ts';
import type { DokployOptions } from '../../src/providers/dokploy/provider.ts';
import type { Provider } from '../../src/providers/provider.ts';
import { rotationMarkdown, rotationText } from '../../src/report/rotation.ts';
import { DEFAULT_PLAN_OPTIONS } from '../../src/rotation/plan.ts';
import { type RotationLineage, type RotationOptions, rotate } from '../../src/rotation/rotate.ts';
import { type DokployDialect, DokployDouble } from '../../test/doubles/dokploy.ts';
import { Pki } from '../../test/support/pki.ts';
import { newAgent, testKey, wire } from '../providers/dokploy/fixtures.ts';
import {
  assertPlain,
  bundleOf,
  nameOf,
  only,
  picture,
  sha1Of,
  stepsOf,
  TEMPLATE,
  writes,
} from './fixtures.ts';

const LINEAGE = 'example-com';
const ORG = 'org-a';
const OTHER_ORG = 'org-b';

const APPLY: RotationOptions = { mode: 'apply', template: TEMPLATE, plan: DEFAULT_PLAN_OPTIONS };

for (const dialect of ['trpc', 'docs'] as const satisfies DokployDialect[]) {
  describe(`rotation on Dokploy (${dialect} dialect)`, () => {
    let pki: Pki;
    let agent: Agent;
    let v1: CheckedBundle;
    let v2: CheckedBundle;
    const admin = testKey('admin');
    const outsider = testKey('outsider');
    before(async () => {
      pki = await Pki.create();
      agent = newAgent();
      [v1, v2] = await Promise.all([bundleOf(pki), bundleOf(pki)]);
    });
    after(async () => {
      await agent.close();
      await pki.cleanup();
    });

    async function start(): Promise<DokployDouble> {
      return DokployDouble.start({
        dialect,
        keys: [
          { key: admin, organizationId: ORG, role: 'admin' },
          { key: outsider, organizationId: OTHER_ORG, role: 'admin' },
        ],
      });
    }

    function provider(double: DokployDouble, extra: Partial<DokployOptions> = {}): Provider {
      return wire(double, admin, agent, { reloadTraefik: true, ...extra }).provider;
    }

    const run = (p: Provider, bundle: CheckedBundle, options: RotationOptions = APPLY) =>
      rotate(p, [{ lineage: LINEAGE, bundle }] satisfies RotationLineage[], options);

    it('first upload, then a re-run that writes nothing and does not reload', async () => {
      const double = await start();
      try {
        const p = provider(double);
        const first = await run(p, v1);
        const lineage = only(first);
        assert.equal(lineage.status, 'created');
        assert.deepEqual(picture(lineage), ['create:done', 'confirm:done']);
        const rows = double.certificates(ORG);
        assert.deepEqual(
          rows.map((r) => r.name),
          [nameOf(LINEAGE, v1)],
        );
        assert.deepEqual(lineage.current, { id: rows[0]?.certificateId, name: nameOf(LINEAGE, v1) });
        // Dokploy answers before Traefik restarts: a reload is requested, never reported done.
        assert.equal(first.settle?.status, 'requested');
        assert.equal(first.settle?.status === 'requested' && first.settle.what, 'Traefik reload');
        assert.equal(double.reloads.length, 1);
        assertPlain(first);

        const since = double.requests.length;
        const again = await run(provider(double), v1);
        assert.equal(only(again).status, 'unchanged');
        assert.deepEqual(writes(double.requests, since), []);
        assert.deepEqual(again.settle, { status: 'not-needed', why: 'nothing changed' });
        assert.equal(double.reloads.length, 1, 'no reload when nothing changed');
        const present = only(again).plan.current;
        assert.equal(present.kind, 'present');
        if (present.kind === 'present') {
          // The docs dialect lists no certificate data: the version is known by its name.
          assert.equal(present.certificate.sha1, dialect === 'trpc' ? sha1Of(v1) : undefined);
        }
      } finally {
        await double.close();
      }
    });

    it('rotation uploads the new version, removes the old one and reloads Traefik once', async () => {
      const double = await start();
      try {
        await run(provider(double), v1);
        const old = double.certificates(ORG)[0]!;
        const result = await run(provider(double), v2);
        const lineage = only(result);
        assert.equal(lineage.status, 'rotated');
        assert.deepEqual(picture(lineage), ['create:done', 'confirm:done', 'remove:done']);
        assert.equal(stepsOf(lineage, 'remove')[0]?.certificate.id, old.certificateId);
        assert.deepEqual(
          double.certificates(ORG).map((r) => r.name),
          [nameOf(LINEAGE, v2)],
        );
        assert.equal(double.reloads.length, 2, 'one reload per run that changed something');
        const reloads = double.server.requestsTo('POST', '/api/settings.reloadTraefik');
        assert.ok(
          reloads.at(-1)!.seq > double.server.requestsTo('POST', /\.remove$/).at(-1)!.seq,
          'after the removal',
        );
      } finally {
        await double.close();
      }
    });

    it('a reload that keeps failing fails the settle, saying a re-run will not reload', async () => {
      const double = await start();
      try {
        double.server.inject({
          method: 'POST',
          path: '/api/settings.reloadTraefik',
          fault: { kind: 'status', status: 500, body: { message: 'docker is down' } },
          times: Infinity,
        });
        const result = await run(provider(double), v1);
        assert.equal(only(result).status, 'created');
        assert.equal(result.settle?.status, 'failed');
        assert.match(
          result.settle?.status === 'failed' ? (result.settle.fix ?? '') : '',
          /A re-run will not/,
        );
        assert.ok(
          double.server.requestsTo('POST', '/api/settings.reloadTraefik').length > 1,
          'the reload was retried',
        );
      } finally {
        await double.close();
      }
    });

    it('the reload is reported as requested, never done, in the step, the text and the summary', async () => {
      // The restart fails in the background: Dokploy still answers 200 true, as it does.
      const double = await DokployDouble.start({
        dialect,
        keys: [{ key: admin, organizationId: ORG, role: 'admin' }],
        traefikRestartFails: true,
      });
      try {
        const result = await run(provider(double), v1);
        assert.equal(only(result).status, 'created');
        assert.equal(result.settle?.status, 'requested');
        await new Promise((resolve) => setImmediate(resolve));
        assert.match(double.serverLog.join('\n'), /failed/, 'the failure is in the server log only');
        const text = rotationText(result, { color: false }).join('\n');
        assert.match(
          text,
          /^Settle: Traefik reload requested \(not confirmed\): Dokploy restarts Traefik in the background/m,
        );
        assert.match(text, /a failure shows only in its server log/);
        const summary = rotationMarkdown(result).join('\n');
        assert.match(summary, /^> ℹ️ Traefik reload requested \(not confirmed\): Dokploy restarts Traefik/m);
        for (const out of [text, summary]) assert.doesNotMatch(out, /Settle: done|reload(ed)? done/i);
      } finally {
        await double.close();
      }
    });

    it('a key refused after it worked in the run: the rate limit named, what was done said, a re-run finishes', async () => {
      const double = await start();
      try {
        await run(provider(double), v1);
        const old = double.certificates(ORG)[0]!;
        // A key created through the API, with 4 verifications left: the listing and the upload
        // go through (two each), the confirmation's listing is refused like a wrong key.
        const limited = testKey('limited');
        double.addKey({ key: limited, organizationId: ORG, role: 'admin', rateLimit: 4 });
        const p = wire(double, limited, agent, { reloadTraefik: true }).provider;
        const result = await run(p, v2);
        const lineage = only(result);
        assert.deepEqual(picture(lineage), ['create:done', 'confirm:failed', 'remove:skipped']);
        assert.equal(lineage.status, 'failed');
        const confirm = stepsOf(lineage, 'confirm')[0]!;
        assert.equal(confirm.outcome.status, 'failed');
        if (confirm.outcome.status !== 'failed') return;
        const { code, message, fix } = confirm.outcome;
        assert.equal(code, 'AUTH');
        const uploaded = nameOf(LINEAGE, v2);
        assert.match(message, new RegExp(`^${uploaded} \\(\\S+\\) was uploaded but not confirmed: `));
        assert.match(message, /accepted the same API key earlier in this run/);
        assert.match(message, /likely cause is Dokploy's per-key rate limit/);
        assert.doesNotMatch(message, /API key is wrong/);
        assert.ok(
          message.endsWith(
            `Nothing was moved or removed: ${old.name} (${old.certificateId}) is kept and still served.`,
          ),
          message,
        );
        assert.match(fix ?? '', /"Add API key" form/);
        assert.match(fix ?? '', /rateLimitEnabled: false/);
        assert.match(fix ?? '', new RegExp(`A re-run finishes the job: it finds ${uploaded} uploaded`));
        // Exactly that: both versions are there, the old one untouched.
        assert.deepEqual(
          double
            .certificates(ORG)
            .map((r) => r.name)
            .sort(),
          [old.name, uploaded].sort(),
        );
        // The reload after it is refused the same way, and says why and what a re-run does.
        assert.equal(result.settle?.status, 'failed');
        if (result.settle?.status === 'failed') {
          assert.match(result.settle.message, /likely cause is Dokploy's per-key rate limit/);
          assert.match(
            result.settle.fix ?? '',
            /rateLimitEnabled: false.*A re-run settles only if it changes something/,
          );
        }
        assert.equal(
          double.verifications(limited),
          4,
          'two per call, until the limit; refused ones count for nothing',
        );

        // With a key that has no limit (the fix), a re-run finishes the job.
        const again = await run(provider(double), v2);
        assert.equal(only(again).status, 'rotated');
        assert.deepEqual(picture(only(again)), ['unchanged:done', 'remove:done']);
        assert.deepEqual(
          double.certificates(ORG).map((r) => r.name),
          [uploaded],
        );
      } finally {
        await double.close();
      }
    });

    it('keep-superseded keeps the versions with the latest expiry: Dokploy rows have no upload date', async () => {
      const double = await start();
      try {
        const DAY = 86_400_000;
        // Uploaded first but expiring last, then one expiring sooner: the listing's order is the upload order.
        const seeded = [];
        for (const days of [200, 100]) {
          const { leaf } = await pki.chain(1, {
            cn: 'app.example.test',
            dns: ['app.example.test'],
            notAfter: new Date(Date.now() + days * DAY),
          });
          const sha1 = new X509Certificate(leaf.certPem).fingerprint.replaceAll(':', '').toLowerCase();
          seeded.push(
            double.seed({
              name: `${LINEAGE}-${sha1.slice(0, 12)}`,
              certificateData: leaf.certPem,
              privateKey: 'not-a-key',
              organizationId: ORG,
            }),
          );
        }
        const [later, sooner] = seeded;
        const result = await run(provider(double), v1, {
          ...APPLY,
          plan: { ...DEFAULT_PLAN_OPTIONS, keepSuperseded: 1 },
        });
        const lineage = only(result);
        assert.deepEqual(picture(lineage), ['create:done', 'confirm:done', 'remove:done', 'keep:done']);
        assert.equal(
          stepsOf(lineage, 'keep')[0]?.certificate.id,
          later?.certificateId,
          'the latest expiry is kept',
        );
        assert.equal(stepsOf(lineage, 'remove')[0]?.certificate.id, sooner?.certificateId);
      } finally {
        await double.close();
      }
    });

    it('plan mode only lists, writes nothing, reloads nothing, and says what apply would do', async () => {
      const double = await start();
      try {
        await run(provider(double), v1);
        const reloads = double.reloads.length;
        const since = double.requests.length;
        const result = await run(provider(double), v2, { ...APPLY, mode: 'plan' });
        const lineage = only(result);
        assert.equal(lineage.status, 'planned');
        assert.deepEqual(
          lineage.plan.steps.map((s) => s.op),
          ['create', 'remove'],
        );
        assert.deepEqual(writes(double.requests, since), []);
        assert.equal(double.reloads.length, reloads);
        assert.equal(double.certificates(ORG).length, 1);
      } finally {
        await double.close();
      }
    });

    it('says when versions are recognised by their names alone (the documented dialect lists no certificate data)', async () => {
      const double = await start();
      try {
        await run(provider(double), v1);
        const old = double.certificates(ORG)[0]!;
        const result = await run(provider(double), v2);
        const lineage = only(result);
        assert.equal(lineage.status, 'rotated');
        const line = lineage.attention.find((l) => l.includes('by their names alone'));
        if (dialect === 'trpc') {
          assert.equal(line, undefined, 'the real dialect lists certificateData: fingerprints are checked');
        } else {
          assert.ok(line, JSON.stringify(lineage.attention));
          assert.match(line, new RegExp(`${nameOf(LINEAGE, v1)} \\(${old.certificateId}\\)`));
          assert.ok(rotationText(result, { color: false }).some((l) => l.includes('by their names alone')));
          assert.ok(rotationMarkdown(result).some((l) => l.includes('by their names alone')));
        }
      } finally {
        await double.close();
      }
    });

    it('with the reload off, nothing is reloaded', async () => {
      const double = await start();
      try {
        const result = await run(provider(double, { reloadTraefik: false }), v1);
        assert.equal(only(result).status, 'created');
        assert.equal(result.settle?.status, 'not-needed', 'no reload is claimed when it is off');
        assert.deepEqual(double.reloads, []);
      } finally {
        await double.close();
      }
    });

    it("never touches another organization's certificates, same names and content included", async () => {
      const double = await start();
      try {
        const theirs = [
          double.seed({
            name: nameOf(LINEAGE, v1),
            certificateData: v1.upload!.fullchain,
            privateKey: 'not-a-key',
            organizationId: OTHER_ORG,
          }),
          double.seed({
            name: `${LINEAGE}-0123456789ab`,
            certificateData: v1.upload!.fullchain,
            privateKey: 'not-a-key',
            organizationId: OTHER_ORG,
          }),
        ];
        await run(provider(double), v1);
        const result = await run(provider(double), v2);
        assert.equal(only(result).status, 'rotated');
        assert.equal(only(result).plan.foreign, 0, "the other organization's rows are not even listed");
        assert.deepEqual(
          double.certificates(OTHER_ORG).map((r) => r.certificateId),
          theirs.map((r) => r.certificateId),
        );
        const removes = double.server.requestsTo('POST', /\.remove$/).map((r) => JSON.stringify(r.body));
        for (const row of theirs) assert.ok(removes.every((body) => !body.includes(row.certificateId)));
        assert.deepEqual(
          double.certificates(ORG).map((r) => r.name),
          [nameOf(LINEAGE, v2)],
        );
      } finally {
        await double.close();
      }
    });

    it('two runs at once on one lineage end with exactly one current certificate', async () => {
      const double = await start();
      try {
        await run(provider(double), v1);
        double.server.latencyMs = 15;
        const [a, b] = await Promise.all([run(provider(double), v2), run(provider(double), v2)]);
        for (const result of [a, b]) {
          assert.ok(['created', 'rotated'].includes(only(result).status), JSON.stringify(only(result).steps));
        }
        // Names are not unique in Dokploy: both uploads landed, and one of them was removed again.
        assert.ok([a, b].some((result) => stepsOf(only(result), 'remove-duplicate').length > 0));
        const rows = double.certificates(ORG);
        assert.deepEqual(
          rows.map((r) => r.name),
          [nameOf(LINEAGE, v2)],
          'one copy of the new version, the old one gone',
        );
        double.server.latencyMs = 0;
        const since = double.requests.length;
        assert.equal(only(await run(provider(double), v2)).status, 'unchanged');
        assert.deepEqual(writes(double.requests, since), []);
      } finally {
        await double.close();
      }
    });
  });
}
