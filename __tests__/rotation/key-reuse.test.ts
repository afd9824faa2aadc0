/**
 * KEY_REUSED: a new version that certifies the same public key as the superseded version it
 * replaces is reported (plan and apply), by the superseded version's name, as a warning that
 * changes no status. Dokploy's listing carries every version's certificate (and its private key,
 * which the client drops): only public keys are compared. DigitalOcean's carries no certificate:
 * nothing is said there.
 */
import assert from 'node:assert/strict';
import { createHash, X509Certificate } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Agent } from 'undici';
import type { CheckedBundle } from '../../src/certs/bundle.ts';
import { checkBundle } from '../../src/certs/validate.ts';
import type { Provider } from '../../src/providers/provider.ts';
import { buildReport, overallStatus, type RunReport } from '../../src/report/report.ts';
import { escapeMarkdown } from '../../src/report/escape.ts';
import { renderSummary } from '../../src/report/summary.ts';
import { renderText } from '../../src/report/text.ts';
import { DEFAULT_PLAN_OPTIONS } from '../../src/rotation/plan.ts';
import type { RotationResult } from '../../src/rotation/results.ts';
import { type RotationOptions, rotate } from '../../src/rotation/rotate.ts';
import { DokployDouble } from '../../test/doubles/dokploy.ts';
import { harness } from '../../test/support/digitalocean-harness.ts';
import { pemBegin } from '../../test/support/pem-markers.ts';
import { type Issued, Pki } from '../../test/support/pki.ts';
import { pemBody } from '../audit/support.ts';
import { newAgent, testKey, wire } from '../providers/dokploy/fixtures.ts';
import { nameOf, SERVED_NAMES, TEMPLATE } from './fixtures.ts';

const LINEAGE = 'example-com';
const ORG = 'org-a';

const options = (mode: 'plan' | 'apply'): RotationOptions => ({
  mode,
  template: TEMPLATE,
  plan: DEFAULT_PLAN_OPTIONS,
});

interface Version {
  leaf: Issued;
  chain: string;
  bundle: CheckedBundle;
}

/** Everything a run shows: the report output (JSON), the job summary and the terminal text. */
interface Shown {
  report: RunReport;
  json: string;
  summary: string;
  text: string;
}

function shown(version: Version, rotation: RotationResult): Shown {
  const report = buildReport({
    settings: { mode: rotation.mode, warnDays: 30, failDays: 7, inventory: true },
    checked: [
      {
        certificate: {
          name: LINEAGE,
          label: LINEAGE,
          domains: [],
          sources: [],
          keyPassphrase: undefined,
          pkcs12Password: undefined,
          requireKey: true,
          endpoints: [],
          targets: ['default'],
        },
        bundle: version.bundle,
      },
    ],
    skipped: [],
    now: new Date(),
    rotation,
  });
  return {
    report,
    json: JSON.stringify(report),
    summary: renderSummary(report),
    text: renderText(report, { color: false }),
  };
}

function keyReused(s: Shown) {
  return s.report.certificates.flatMap((c) => c.findings).filter((f) => f.code === 'KEY_REUSED');
}

/** No private key, in any form it was made in, anywhere the run shows. */
function assertNoKey(s: Shown, ...keys: Issued[]): void {
  for (const where of [s.json, s.summary, s.text]) {
    assert.ok(!where.includes(pemBegin('PRIVATE KEY')), 'a private key marker is shown');
    assert.doesNotMatch(where, /PRIVATE KEY/);
    for (const { keyPem } of keys) {
      const body = pemBody(keyPem);
      assert.ok(
        !where.includes(body.slice(0, 40)) && !where.includes(body.slice(-40)),
        'key bytes are shown',
      );
    }
  }
}

describe('KEY_REUSED: a renewal that kept its key', () => {
  let pki: Pki;
  let agent: Agent;
  let old: Version;
  let sameKey: Version;
  let newKey: Version;
  const admin = testKey('admin');

  before(async () => {
    pki = await Pki.create();
    agent = newAgent();
    const root = await pki.root();
    const intermediate = await pki.intermediate(root);
    const version = async (reuseKeyOf?: Issued): Promise<Version> => {
      const leaf = await pki.leaf(intermediate, {
        cn: SERVED_NAMES[0]!,
        dns: SERVED_NAMES,
        ...(reuseKeyOf === undefined ? {} : { reuseKeyOf }),
      });
      const bundle = checkBundle(
        {
          sources: [
            { role: 'certificate', name: 'certificate', data: leaf.certPem },
            { role: 'chain', name: 'certificate-chain', data: intermediate.certPem },
            { role: 'private-key', name: 'private-key', data: leaf.keyPem },
          ],
        },
        { trustedRoots: () => [new X509Certificate(root.certPem)] },
      );
      assert.ok(bundle.ok && bundle.upload, JSON.stringify(bundle.findings));
      return { leaf, chain: intermediate.certPem, bundle };
    };
    old = await version();
    [sameKey, newKey] = await Promise.all([version(old.leaf), version()]);
    assert.equal(sameKey.leaf.keyPem, old.leaf.keyPem);
    assert.notEqual(sameKey.bundle.leaf?.sha1, old.bundle.leaf?.sha1);
  });
  after(async () => {
    await agent.close();
    await pki.cleanup();
  });

  describe('on Dokploy (its listing carries each version with its private key)', () => {
    async function withOld(): Promise<{ double: DokployDouble; provider: Provider; oldId: string }> {
      const double = await DokployDouble.start({
        dialect: 'trpc',
        keys: [{ key: admin, organizationId: ORG, role: 'admin' }],
      });
      const row = double.seed({
        name: nameOf(LINEAGE, old.bundle),
        certificateData: old.leaf.certPem + old.chain,
        privateKey: old.leaf.keyPem,
        organizationId: ORG,
      });
      return { double, provider: wire(double, admin, agent).provider, oldId: row.certificateId };
    }

    for (const mode of ['plan', 'apply'] as const) {
      it(`${mode}: the same key as the superseded version → KEY_REUSED naming it, a warning only`, async () => {
        const { double, provider, oldId } = await withOld();
        try {
          const rotation = await rotate(
            provider,
            [{ lineage: LINEAGE, bundle: sameKey.bundle }],
            options(mode),
          );
          const s = shown(sameKey, rotation);
          const found = keyReused(s);
          assert.equal(found.length, 1);
          const [reused] = found;
          assert.equal(reused?.level, 'warning');
          const oldName = nameOf(LINEAGE, old.bundle);
          assert.ok(reused?.message.includes(`${oldName} (${oldId})`), reused?.message);
          assert.ok(reused?.message.includes(nameOf(LINEAGE, sameKey.bundle)), reused?.message);
          assert.match(reused?.fix ?? '', /new key with each renewal/);
          assert.deepEqual(
            rotation.lineages[0]?.plan.keyReused?.map((c) => c.name),
            [oldName],
          );
          // What was compared is the hash of the old certificate's public key, read from its certificate.
          const spki = new X509Certificate(old.leaf.certPem).publicKey.export({
            type: 'spki',
            format: 'der',
          });
          assert.equal(
            rotation.lineages[0]?.plan.keyReused?.[0]?.keySha256,
            createHash('sha256').update(spki).digest('hex'),
          );
          // Shown everywhere a finding is, and changing nothing: the run's status is what it was.
          assert.match(s.summary, /KEY_REUSED/);
          assert.match(s.text, /KEY_REUSED/);
          // The summary escapes what it quotes (hex runs broken up, no autolinks), as it escapes any name.
          const line = (text: string) => text.split('\n').find((l) => l.includes('KEY_REUSED')) ?? '';
          assert.ok(line(s.summary).includes(escapeMarkdown(`${oldName} (${oldId})`)), line(s.summary));
          assert.ok(line(s.text).includes(`${oldName} (${oldId})`), line(s.text));
          assert.equal(s.report.counts.warnings, 1);
          assert.equal(s.report.ok, true);
          assert.equal(overallStatus(s.report), mode === 'plan' ? 'planned' : 'rotated');
          assertNoKey(s, old.leaf, sameKey.leaf);
          // The superseded version is still removed as usual: a warning, not a hold.
          if (mode === 'apply')
            assert.deepEqual(
              double.certificates(ORG).map((r) => r.name),
              [nameOf(LINEAGE, sameKey.bundle)],
            );
        } finally {
          await double.close();
        }
      });

      it(`${mode}: a new key → no KEY_REUSED`, async () => {
        const { double, provider } = await withOld();
        try {
          const rotation = await rotate(
            provider,
            [{ lineage: LINEAGE, bundle: newKey.bundle }],
            options(mode),
          );
          const s = shown(newKey, rotation);
          assert.deepEqual(keyReused(s), []);
          assert.equal(rotation.lineages[0]?.plan.keyReused, undefined);
          assert.doesNotMatch(s.summary + s.text + s.json, /KEY_REUSED/);
          assertNoKey(s, old.leaf, newKey.leaf);
        } finally {
          await double.close();
        }
      });
    }
  });

  it('on DigitalOcean (no certificates in its listing): nothing said, plan or apply', async () => {
    const h = await harness();
    try {
      const first = await rotate(h.provider, [{ lineage: LINEAGE, bundle: old.bundle }], options('apply'));
      assert.equal(first.lineages[0]?.status, 'created');
      for (const mode of ['plan', 'apply'] as const) {
        const rotation = await rotate(
          h.provider,
          [{ lineage: LINEAGE, bundle: sameKey.bundle }],
          options(mode),
        );
        const s = shown(sameKey, rotation);
        assert.ok(
          rotation.lineages[0]?.plan.steps.some((step) => step.op === 'remove'),
          'the old version is superseded',
        );
        assert.deepEqual(keyReused(s), []);
        assert.doesNotMatch(s.summary + s.text + s.json, /KEY_REUSED/);
      }
    } finally {
      await h.close();
    }
  });
});
