/**
 * Where the live check sits in a rotation (rotate.ts): create, confirm, rebind, settle, verify,
 * then remove. The check is a fake RotationVerify that records what the provider held when it was
 * asked and answers as the test says; the providers are the doubles, over real sockets.
 */
import { InputError } from '../../src/errors.ts';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Agent } from 'undici';
import type { CheckedBundle } from '../../src/certs/bundle.ts';
import type { Provider } from '../../src/providers/provider.ts';
import { DEFAULT_PLAN_OPTIONS } from '../../src/rotation/plan.ts';
import type { SettleOutcome } from '../../src/rotation/results.ts';
import {
  type RotationLineage,
  type RotationOptions,
  type RotationVerify,
  rotate,
} from '../../src/rotation/rotate.ts';
import type { Endpoint, SkippedDomain } from '../../src/verification/endpoints.ts';
import type { EndpointRow, LineageVerification } from '../../src/verification/verdict.ts';
import type { LineageToVerify } from '../../src/verification/verify-lineages.ts';
import { regionalLoadBalancer } from '../../test/doubles/digitalocean.ts';
import { DokployDouble } from '../../test/doubles/dokploy.ts';
import { harness } from '../../test/support/digitalocean-harness.ts';
import { Pki } from '../../test/support/pki.ts';
import { newAgent, testKey, wire } from '../providers/dokploy/fixtures.ts';
import { bundleOf, nameOf, only, picture, sha1Of, stepsOf, TEMPLATE, writes } from './fixtures.ts';

const LINEAGE = 'example-com';
const OTHER = 'example-org';
const HOLD = 'the new certificate is not served everywhere yet, so the superseded versions stay';
const WHERE: { endpoints: Endpoint[]; skipped: SkippedDomain[] } = {
  endpoints: [
    { host: 'app.example.test', port: 443 },
    { host: '2001:db8::7', port: 8443 },
  ],
  skipped: [{ domain: '*.example.com', reason: 'a wildcard has no address' }],
};

type Verdict = 'verified' | 'failed-superseded' | 'failed-other' | 'skipped';

/** What the fake check saw each time it was asked: the lineages, and the provider at that moment. */
interface Call<T> {
  items: LineageToVerify[];
  seen: T;
}

/**
 * A RotationVerify that answers `verdicts(lineage, call)` for each lineage, and records each call
 * with `look()`, what the test wants to know of the provider at that moment.
 */
function fakeVerify<T>(
  verdicts: (lineage: string, call: number) => Verdict,
  look: () => T,
  extra: Partial<RotationVerify> = {},
): RotationVerify & { calls: Call<T>[]; fixes: (SettleOutcome | undefined)[] } {
  const calls: Call<T>[] = [];
  const fixes: (SettleOutcome | undefined)[] = [];
  return {
    calls,
    fixes,
    endpointsOf: () => WHERE,
    run: async (items) => {
      calls.push({ items: [...items], seen: look() });
      return items.map((item) => verdictOf(item, verdicts(item.lineage, calls.length)));
    },
    onFailure: 'keep',
    mode: 'auto',
    mayReload: false,
    fixFor: (_verification, reload) => {
      fixes.push(reload);
      return 'the fake fix';
    },
    ...extra,
  };
}

function verdictOf(item: LineageToVerify, verdict: Verdict): LineageVerification {
  const [old] = item.known.entries();
  const row: EndpointRow = {
    lineage: item.lineage,
    host: 'app.example.test',
    port: 443,
    address: '192.0.2.1',
    matches: verdict === 'verified',
    ...(verdict === 'verified'
      ? { sha1: item.expectedSha1, serves: 'new' as const }
      : verdict === 'failed-superseded' && old
        ? { sha1: old[0], serves: 'superseded' as const, version: old[1] }
        : verdict === 'skipped'
          ? { error: 'refused: nothing there', unreachable: true }
          : { sha1: 'f'.repeat(40), serves: 'other' as const }),
  };
  const status = verdict === 'verified' ? 'verified' : verdict === 'skipped' ? 'skipped' : 'failed';
  return { lineage: item.lineage, status, summary: `fake: ${verdict}`, endpoints: [row], skippedDomains: [] };
}

const options = (verify: RotationVerify | undefined, mode: 'plan' | 'apply' = 'apply'): RotationOptions => ({
  mode,
  template: TEMPLATE,
  plan: DEFAULT_PLAN_OPTIONS,
  ...(verify === undefined ? {} : { verify }),
});

let pki: Pki;
let v1: CheckedBundle;
let v2: CheckedBundle;
let w1: CheckedBundle;
let w2: CheckedBundle;
before(async () => {
  pki = await Pki.create();
  [v1, v2, w1, w2] = await Promise.all([bundleOf(pki), bundleOf(pki), bundleOf(pki), bundleOf(pki)]);
});
after(() => pki.cleanup());

describe('DigitalOcean: verify between the rebind and the removal', () => {
  /** Version 1 uploaded and served by a regional load balancer; the second run rotates to v2. */
  async function rotated() {
    const h = await harness();
    await rotate(h.provider, [{ lineage: LINEAGE, bundle: v1 }], options(undefined));
    const old = h.double.certificates.all()[0];
    assert.ok(old);
    const lb = h.double.addLoadBalancer(regionalLoadBalancer(old.id, { name: 'web' }));
    const since = h.double.server.requests.length;
    const look = () => ({
      held: h.double.certificates.all().map((c) => c.sha1_fingerprint),
      lbOn: (h.double.loadBalancer(lb.id)?.forwarding_rules ?? []).flatMap((r) =>
        r.certificate_id ? [r.certificate_id] : [],
      ),
      writes: writes(h.double.server.requests, since).map((r) => r.method),
    });
    return { h, old, lb, look };
  }

  it('a verified check comes after the rebind, and only then is the superseded version removed', async () => {
    const { h, old, look } = await rotated();
    try {
      const verify = fakeVerify(() => 'verified', look);
      const lineage = only(await rotate(h.provider, [{ lineage: LINEAGE, bundle: v2 }], options(verify)));
      assert.deepEqual(picture(lineage), [
        'create:done',
        'confirm:done',
        'rebind:done',
        'verify:done',
        'remove:done',
      ]);
      assert.equal(lineage.status, 'rotated');
      assert.equal(verify.calls.length, 1);
      const [call] = verify.calls;
      const current = h.double.certificates.all()[0];
      // When asked: both versions there, the load balancer already on the new one, nothing deleted.
      assert.deepEqual(call?.seen.held, [sha1Of(v1), sha1Of(v2)]);
      assert.deepEqual(call?.seen.lbOn, [current?.id, current?.id]);
      assert.deepEqual(call?.seen.writes, ['POST', 'PUT']);
      // What it was asked: the new fingerprint, the endpoints, and the old version by its name.
      assert.deepEqual(call?.items, [
        {
          lineage: LINEAGE,
          expectedSha1: sha1Of(v2),
          endpoints: WHERE.endpoints,
          skippedDomains: WHERE.skipped,
          known: new Map([[sha1Of(v1), nameOf(LINEAGE, v1)]]),
          named: [],
        },
      ]);
      assert.deepEqual(
        h.double.certificates.all().map((c) => c.sha1_fingerprint),
        [sha1Of(v2)],
      );
      assert.notEqual(current?.id, old.id);
      assert.equal(lineage.verification?.status, 'verified');
      const [step] = stepsOf(lineage, 'verify');
      assert.deepEqual(step, {
        op: 'verify',
        endpoints: 1,
        outcome: { status: 'done', note: 'fake: verified' },
      });
    } finally {
      await h.close();
    }
  });

  it('a failed check holds every removal: skipped with the reason, nothing deleted, the fix on the step', async () => {
    const { h, look } = await rotated();
    try {
      const verify = fakeVerify(() => 'failed-superseded', look);
      const lineage = only(await rotate(h.provider, [{ lineage: LINEAGE, bundle: v2 }], options(verify)));
      assert.deepEqual(picture(lineage), [
        'create:done',
        'confirm:done',
        'rebind:done',
        'verify:failed',
        'remove:skipped',
      ]);
      assert.equal(lineage.status, 'partial');
      const [removal] = stepsOf(lineage, 'remove');
      assert.deepEqual(removal?.outcome, { status: 'skipped', why: HOLD });
      const [step] = stepsOf(lineage, 'verify');
      assert.equal(step?.outcome.status, 'failed');
      if (step?.outcome.status === 'failed') {
        assert.equal(step.outcome.code, 'NOT_SERVED');
        assert.equal(step.outcome.message, 'fake: failed-superseded');
        assert.equal(step.outcome.fix, 'the fake fix');
      }
      assert.deepEqual(verify.fixes, [undefined], 'no reload on DigitalOcean');
      assert.equal(h.double.certificates.all().length, 2);
      assert.deepEqual(look().writes, ['POST', 'PUT'], 'no DELETE');
    } finally {
      await h.close();
    }
  });

  it('a check that cannot be made (it throws) fails the lineage and holds the removal; the run still reports', async () => {
    const { h, look } = await rotated();
    try {
      const verify = fakeVerify(() => 'verified', look, {
        run: async () => {
          throw new InputError('The endpoints resolve to 300 addresses; at most 256.', 'Give fewer.');
        },
      });
      const lineage = only(await rotate(h.provider, [{ lineage: LINEAGE, bundle: v2 }], options(verify)));
      assert.deepEqual(picture(lineage), [
        'create:done',
        'confirm:done',
        'rebind:done',
        'verify:failed',
        'remove:skipped',
      ]);
      assert.equal(lineage.status, 'partial');
      assert.match(
        lineage.verification?.summary ?? '',
        /^the check could not be made: The endpoints resolve to 300 addresses; at most 256\. Give fewer\.$/,
      );
      assert.equal(h.double.certificates.all().length, 2);
    } finally {
      await h.close();
    }
  });

  it('verify: require with no endpoint at all fails the lineage and holds the removal', async () => {
    const { h, look } = await rotated();
    try {
      const verify = fakeVerify(() => 'verified', look, {
        run: async (items) =>
          items.map((item) => ({
            lineage: item.lineage,
            status: 'failed' as const,
            summary: 'no endpoint to check',
            endpoints: [],
            skippedDomains: [],
          })),
      });
      const lineage = only(await rotate(h.provider, [{ lineage: LINEAGE, bundle: v2 }], options(verify)));
      assert.deepEqual(picture(lineage).slice(-2), ['verify:failed', 'remove:skipped']);
      assert.equal(h.double.certificates.all().length, 2);
    } finally {
      await h.close();
    }
  });

  it('rollback: a failed check moves the load balancer back, and still removes nothing', async () => {
    const { h, old, lb, look } = await rotated();
    try {
      const verify = fakeVerify(() => 'failed-other', look, { onFailure: 'rollback' });
      const lineage = only(await rotate(h.provider, [{ lineage: LINEAGE, bundle: v2 }], options(verify)));
      assert.deepEqual(picture(lineage), [
        'create:done',
        'confirm:done',
        'rebind:done',
        'verify:failed',
        'rollback:done',
        'remove:skipped',
      ]);
      assert.deepEqual(stepsOf(lineage, 'remove')[0]?.outcome, {
        status: 'skipped',
        why: `${HOLD} (and what was moved was moved back)`,
      });
      const rules = h.double.loadBalancer(lb.id)?.forwarding_rules ?? [];
      assert.deepEqual(
        rules.flatMap((r) => (r.certificate_id ? [r.certificate_id] : [])),
        [old.id, old.id],
      );
      assert.equal(h.double.certificates.all().length, 2);
    } finally {
      await h.close();
    }
  });

  it('a check that reached nothing (skipped) does not hold the removal: nothing reachable serves the old one', async () => {
    const { h, look } = await rotated();
    try {
      const verify = fakeVerify(() => 'skipped', look);
      const lineage = only(await rotate(h.provider, [{ lineage: LINEAGE, bundle: v2 }], options(verify)));
      assert.deepEqual(picture(lineage), [
        'create:done',
        'confirm:done',
        'rebind:done',
        'verify:done',
        'remove:done',
      ]);
      const [step] = stepsOf(lineage, 'verify');
      assert.deepEqual(step?.outcome, { status: 'done', note: 'nothing verified: fake: skipped' });
    } finally {
      await h.close();
    }
  });

  it('two lineages: the one that failed keeps its superseded version, the verified one loses its own', async () => {
    const h = await harness();
    try {
      await rotate(
        h.provider,
        [
          { lineage: LINEAGE, bundle: v1 },
          { lineage: OTHER, bundle: w1 },
        ],
        options(undefined),
      );
      const look = () => h.double.certificates.all().length;
      const verify = fakeVerify((lineage) => (lineage === LINEAGE ? 'failed-superseded' : 'verified'), look);
      const result = await rotate(
        h.provider,
        [
          { lineage: LINEAGE, bundle: v2 },
          { lineage: OTHER, bundle: w2 },
        ],
        options(verify),
      );
      assert.equal(verify.calls.length, 1, 'one check for every lineage');
      assert.deepEqual(
        verify.calls[0]?.items.map((i) => [i.lineage, i.expectedSha1]),
        [
          [LINEAGE, sha1Of(v2)],
          [OTHER, sha1Of(w2)],
        ],
      );
      assert.equal(verify.calls[0]?.seen, 4, 'all four versions there when checked');
      const [failed, verified] = result.lineages;
      assert.deepEqual(failed && picture(failed), [
        'create:done',
        'confirm:done',
        'verify:failed',
        'remove:skipped',
      ]);
      assert.deepEqual(verified && picture(verified), [
        'create:done',
        'confirm:done',
        'verify:done',
        'remove:done',
      ]);
      assert.deepEqual(
        h.double.certificates
          .all()
          .map((c) => c.name)
          .sort(),
        [nameOf(LINEAGE, v1), nameOf(LINEAGE, v2), nameOf(OTHER, w2)].sort(),
      );
    } finally {
      await h.close();
    }
  });

  it('plan lists the endpoints apply would check on each lineage (wildcards as not checked), and checks nothing', async () => {
    const { h, look } = await rotated();
    try {
      const verify = fakeVerify(() => 'verified', look);
      const lineage = only(
        await rotate(h.provider, [{ lineage: LINEAGE, bundle: v2 }], options(verify, 'plan')),
      );
      assert.deepEqual(lineage.endpoints, [
        'app.example.test:443',
        '[2001:db8::7]:8443',
        '*.example.com (not checked: a wildcard has no address)',
      ]);
      assert.equal(verify.calls.length, 0);
      assert.deepEqual(look().writes, []);
      const without = only(
        await rotate(h.provider, [{ lineage: LINEAGE, bundle: v2 }], options(undefined, 'plan')),
      );
      assert.equal(without.endpoints, undefined, 'verify: false lists none');
    } finally {
      await h.close();
    }
  });
});

describe('Dokploy: the reload comes before the check, and the removal after it', () => {
  const ORG = 'org-a';
  const admin = testKey('admin');
  let agent: Agent;
  before(() => {
    agent = newAgent();
  });
  after(() => agent.close());

  async function start() {
    const double = await DokployDouble.start({ keys: [{ key: admin, organizationId: ORG, role: 'admin' }] });
    const provider = (): Provider => wire(double, admin, agent, { reloadTraefik: true }).provider;
    await rotate(
      provider(),
      [{ lineage: LINEAGE, bundle: v1 }] satisfies RotationLineage[],
      options(undefined),
    );
    assert.equal(double.reloads.length, 1);
    const seqOf = (path: RegExp) => double.server.requestsTo('POST', path).map((r) => r.seq);
    const look = () => ({ reloads: double.reloads.length, rows: double.certificates(ORG).length });
    return { double, provider, seqOf, look };
  }

  it('without a check (verify: false): the reload comes once, after the removal, as before', async () => {
    const { double, provider, seqOf } = await start();
    try {
      const result = await rotate(provider(), [{ lineage: LINEAGE, bundle: v2 }], options(undefined));
      assert.deepEqual(picture(only(result)), ['create:done', 'confirm:done', 'remove:done']);
      assert.equal(result.settle?.status, 'requested');
      const [reload] = seqOf(/reloadTraefik$/).slice(1);
      const [removal] = seqOf(/\.remove$/);
      assert.ok(reload !== undefined && removal !== undefined && reload > removal, 'reload after removal');
      assert.equal(double.reloads.length, 2);
    } finally {
      await double.close();
    }
  });

  it('with a check: reload once everything is in place, check, then remove (and no second reload)', async () => {
    const { double, provider, seqOf, look } = await start();
    try {
      const verify = fakeVerify(() => 'verified', look, { mayReload: true });
      const result = await rotate(provider(), [{ lineage: LINEAGE, bundle: v2 }], options(verify));
      assert.deepEqual(picture(only(result)), ['create:done', 'confirm:done', 'verify:done', 'remove:done']);
      assert.deepEqual(
        verify.calls[0]?.seen,
        { reloads: 2, rows: 2 },
        'checked after the reload, before the removal',
      );
      const [reload] = seqOf(/reloadTraefik$/).slice(1);
      const [removal] = seqOf(/\.remove$/);
      assert.ok(reload !== undefined && removal !== undefined && reload < removal, 'reload before removal');
      assert.equal(double.reloads.length, 2);
      assert.equal(result.settle?.status, 'requested');
      assert.equal(result.reload, undefined, 'no extra reload was needed');
    } finally {
      await double.close();
    }
  });

  it('a stale Traefik with reloads allowed: one more reload, one more check, then the removal', async () => {
    const { double, provider, look } = await start();
    try {
      const verify = fakeVerify((_, call) => (call === 1 ? 'failed-superseded' : 'verified'), look, {
        mayReload: true,
      });
      const result = await rotate(provider(), [{ lineage: LINEAGE, bundle: v2 }], options(verify));
      assert.deepEqual(picture(only(result)), ['create:done', 'confirm:done', 'verify:done', 'remove:done']);
      assert.deepEqual(
        verify.calls.map((c) => c.seen),
        [
          { reloads: 2, rows: 2 },
          { reloads: 3, rows: 2 },
        ],
      );
      assert.equal(result.reload?.status, 'requested');
      assert.equal(double.certificates(ORG).length, 1);
    } finally {
      await double.close();
    }
  });

  it('a stale Traefik without reloads allowed: no reload to heal it, the step fails, both versions stay', async () => {
    const { double, provider, look } = await start();
    try {
      const verify = fakeVerify(() => 'failed-superseded', look, { mayReload: false });
      const result = await rotate(provider(), [{ lineage: LINEAGE, bundle: v2 }], options(verify));
      assert.deepEqual(picture(only(result)), [
        'create:done',
        'confirm:done',
        'verify:failed',
        'remove:skipped',
      ]);
      assert.equal(verify.calls.length, 1);
      assert.deepEqual(verify.fixes, [undefined]);
      assert.equal(double.reloads.length, 2, 'the reload after placing only');
      assert.equal(double.certificates(ORG).length, 2);
    } finally {
      await double.close();
    }
  });

  it('another certificate served (not ours, not the default): no reload would heal it, so none is made', async () => {
    const { double, provider, look } = await start();
    try {
      const verify = fakeVerify(() => 'failed-other', look, { mayReload: true });
      const result = await rotate(provider(), [{ lineage: LINEAGE, bundle: v2 }], options(verify));
      assert.deepEqual(picture(only(result)), [
        'create:done',
        'confirm:done',
        'verify:failed',
        'remove:skipped',
      ]);
      assert.equal(verify.calls.length, 1);
      assert.equal(double.reloads.length, 2);
    } finally {
      await double.close();
    }
  });
});
