/**
 * The fault matrix: for every request position of a full rotation (create + rebind + remove) on
 * each provider, and every fault a network or API really produces, inject the fault at that
 * position, run the rotation, then re-run without faults, and check what must always hold:
 *
 * - the faulted run ends in a result or a ProviderError/InputError, never anything else, and
 *   removes no foreign certificate and none a user still points at;
 * - after the clean re-run: exactly one certificate holds the new content, every user points at
 *   it (Dokploy: Traefik was reloaded after the last change), every foreign certificate is still
 *   there, the old version is gone, and a third run writes nothing.
 *
 * The request sequence is learnt from one clean rotation in a throwaway double, so the matrix
 * follows the code. Waits run on a fake clock (DigitalOcean) or a clock that does not wait
 * (Dokploy); a stall costs one short headers timeout of real time.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it, type TestContext } from 'node:test';
import type { Agent } from 'undici';
import type { CheckedBundle } from '../../src/certs/bundle.ts';
import { InputError } from '../../src/errors.ts';
import { isProviderError } from '../../src/providers/errors.ts';
import type { Provider } from '../../src/providers/provider.ts';
import { DEFAULT_PLAN_OPTIONS } from '../../src/rotation/plan.ts';
import type { RotationResult } from '../../src/rotation/results.ts';
import { type RotationOptions, rotate } from '../../src/rotation/rotate.ts';
import { regionalLoadBalancer } from '../../test/doubles/digitalocean.ts';
import { DokployDouble } from '../../test/doubles/dokploy.ts';
import type { Fault, LoopbackServer, RecordedRequest } from '../../test/doubles/loopback.ts';
import { harness } from '../../test/support/digitalocean-harness.ts';
import { Pki } from '../../test/support/pki.ts';
import { newAgent, testKey, wire } from '../providers/dokploy/fixtures.ts';
import { bundleOf, nameOf, only, sha1Of, TEMPLATE, writes } from './fixtures.ts';

const LINEAGE = 'example-com';
const APPLY: RotationOptions = { mode: 'apply', template: TEMPLATE, plan: DEFAULT_PLAN_OPTIONS };
/** A stall costs this much real time: the client's headers timeout. */
const HEADERS_TIMEOUT_MS = 250;

const FAULTS: Record<string, Fault> = {
  'status 500': { kind: 'status', status: 500, body: { id: 'server_error', message: 'boom' } },
  'status 429': { kind: 'status', status: 429, body: { id: 'too_many_requests', message: 'slow down' } },
  'status 429 retry-after': {
    kind: 'status',
    status: 429,
    headers: { 'retry-after': '2' },
    body: { id: 'too_many_requests', message: 'slow down' },
  },
  reset: { kind: 'reset' },
  'reset-after': { kind: 'reset-after' },
  stall: { kind: 'stall', ms: 10_000 },
};

/** One provider's world: seeded state, a way to run, and what must hold after. */
interface World {
  server: LoopbackServer;
  run(): Promise<RotationResult>;
  /** Holds after any run, faulted or not. */
  checkSafe(label: string): void;
  /** Holds after the clean re-run. */
  checkConverged(label: string): void;
  close(): Promise<void>;
}

/** Runs the rotation: a result, or a coded error; anything else fails the scenario. */
async function attempt(world: World, label: string): Promise<RotationResult | undefined> {
  try {
    const result = await world.run();
    for (const lineage of result.lineages) {
      for (const step of lineage.steps ?? []) {
        assert.ok(
          !(step.outcome.status === 'failed' && step.outcome.code === 'INTERNAL'),
          `${label}: ${step.op} failed with an uncoded error: ${step.outcome.status === 'failed' ? step.outcome.message : ''}`,
        );
      }
    }
    assert.ok(
      !(result.settle?.status === 'failed' && result.settle.code === 'INTERNAL'),
      `${label}: settle failed with an uncoded error`,
    );
    return result;
  } catch (thrown) {
    assert.ok(
      isProviderError(thrown) || thrown instanceof InputError,
      `${label}: threw something that is not a ProviderError/InputError: ${String(thrown)}`,
    );
    return undefined;
  }
}

function sequence(requests: readonly RecordedRequest[]): string[] {
  return requests.map((r) => `${r.seq} ${r.method} ${r.path}${r.fault ? ` [${r.fault}]` : ''}`);
}

/**
 * Known violations, by `provider|fault|position`: reported as todo (so they show and do not break
 * CI) until src/ is fixed. Each is diagnosed in the reason.
 */
/**
 * Scenarios known to violate an invariant, as todos (none now). Found and fixed: a 500 on
 * Dokploy's Traefik reload left the new certificate unserved, because the re-run had nothing to
 * change and so did not reload; the reload is now retried on 500 (it is a restart: idempotent).
 */
const KNOWN: Record<string, string> = {};

/** Scenarios run at once (each has its own double and provider): a stall costs ~1 s of real time. */
const AT_ONCE = 4;

/**
 * Every position × this fault, each a subtest: fault the N-th request of the run, then a clean
 * re-run, then a third run that must write nothing. Returns the scenarios that ran to the end.
 */
async function matrix(
  t: TestContext,
  provider: string,
  make: () => Promise<World>,
  positions: readonly string[],
  faultName: string,
): Promise<number> {
  const fault = FAULTS[faultName]!;
  let scenarios = 0;
  const scenario = async (n: number): Promise<void> => {
    const position = positions[n - 1]!;
    const label = `${faultName} at #${n} (${position})`;
    const todo = KNOWN[`${provider}|${faultName}|${position}`];
    await t.test(`#${n} ${position}`, todo === undefined ? {} : { todo }, async (st) => {
      scenarios++;
      const world = await make();
      let first: RotationResult | undefined;
      try {
        world.server.inject({ nth: n, fault });
        first = await attempt(world, `${label}, faulted run`);
        world.checkSafe(`${label}, after the faulted run`);
        st.diagnostic(
          `faulted run: ${first ? `${only(first).status}, settle ${first.settle?.status ?? '-'}` : 'threw'}`,
        );
        world.server.clearFaults();
        const second = await attempt(world, `${label}, clean re-run`);
        assert.ok(second, `${label}: the clean re-run threw`);
        const status = only(second).status;
        assert.ok(
          ['created', 'rotated', 'unchanged'].includes(status),
          `${label}: the clean re-run ended ${status}: ${JSON.stringify(only(second).steps)}`,
        );
        world.checkSafe(`${label}, after the clean re-run`);
        world.checkConverged(label);
        const since = world.server.requests.length;
        const third = await attempt(world, `${label}, third run`);
        assert.equal(third && only(third).status, 'unchanged', `${label}: the third run is not unchanged`);
        assert.deepEqual(sequence(writes(world.server.requests, since)), [], `${label}: the third run wrote`);
      } catch (error) {
        const steps = first
          ? JSON.stringify((only(first).steps ?? []).map((s) => `${s.op}:${s.outcome.status}`))
          : 'threw';
        st.diagnostic(
          `VIOLATION ${provider} ${label}; faulted run: ${steps}, settle ${JSON.stringify(first?.settle)}; requests:\n  ${sequence(world.server.requests).join('\n  ')}`,
        );
        throw error;
      } finally {
        await world.close();
      }
    });
  };
  const all = positions.map((_, i) => i + 1);
  for (let i = 0; i < all.length; i += AT_ONCE) {
    await Promise.all(all.slice(i, i + AT_ONCE).map(scenario));
  }
  return scenarios;
}

describe('fault matrix', () => {
  let pki: Pki;
  let v1: CheckedBundle;
  let v2: CheckedBundle;
  let agent: Agent;
  const counts: string[] = [];
  before(async () => {
    pki = await Pki.create();
    agent = newAgent();
    [v1, v2] = await Promise.all([bundleOf(pki), bundleOf(pki)]);
  });
  after(async () => {
    await agent.close();
    await pki.cleanup();
    console.log(`fault matrix scenarios:\n  ${counts.join('\n  ')}`);
  });

  /**
   * For one provider: learn the request sequence of a clean rotation, then fault every position
   * with every fault (one test per fault), and check the total is positions × faults.
   */
  function registerMatrix(provider: string, world: () => Promise<World>, minPositions: number): void {
    let tally = 0;
    let positions: string[] = [];
    before(async () => {
      const w = await world();
      try {
        const result = await w.run();
        assert.equal(only(result).status, 'rotated', JSON.stringify(only(result).steps));
        w.checkConverged('clean run');
        positions = w.server.requests.map((r) => `${r.method} ${r.path}`);
        counts.push(`${provider} clean rotation: ${positions.map((p, i) => `#${i + 1} ${p}`).join(', ')}`);
      } finally {
        await w.close();
      }
    });

    for (const faultName of Object.keys(FAULTS)) {
      it(`${faultName} at every request position`, { concurrency: AT_ONCE }, async (t) => {
        assert.ok(positions.length >= minPositions, `a full rotation: ${positions.join(', ')}`);
        const count = await matrix(t, provider, world, positions, faultName);
        assert.equal(count, positions.length);
        const line = `${provider} × ${faultName}: ${count} scenarios (${positions.length} positions)`;
        counts.push(line);
        t.diagnostic(line);
        tally += count;
      });
    }

    it('ran every position × fault', (t) => {
      const expected = positions.length * Object.keys(FAULTS).length;
      t.diagnostic(
        `${provider}: ${tally} scenarios = ${positions.length} positions × ${Object.keys(FAULTS).length} faults`,
      );
      counts.push(`${provider} total: ${tally} of ${expected}`);
      assert.equal(tally, expected);
    });
  }

  describe('DigitalOcean: a regional LB and a CDN endpoint on the old version, foreign certificates', () => {
    const PROVIDER = 'DigitalOcean';
    const MIN_POSITIONS = 6; // list, create, confirm, LB and CDN rebind, remove
    async function world(): Promise<World> {
      const h = await harness({
        double: { stillInUseMs: 8_000 },
        provider: {
          inUseWait: { initialMs: 1_000, maxMs: 4_000, timeoutMs: 30_000 },
          timeouts: { headersMs: HEADERS_TIMEOUT_MS },
        },
      });
      const d = h.double;
      const old = d.addCertificate(nameOf(LINEAGE, v1), { sha1_fingerprint: sha1Of(v1) });
      const foreign = d.addCertificate('hand-made', { sha1_fingerprint: sha1Of(v1) });
      const unusedForeign = d.addCertificate('legacy-wildcard');
      const lb = d.addLoadBalancer(regionalLoadBalancer(old.id, { name: 'regional' }));
      const foreignLb = d.addLoadBalancer(regionalLoadBalancer(foreign.id, { name: 'by-hand' }));
      const cdn = d.addCdnEndpoint({
        origin: 'static.nyc3.digitaloceanspaces.com',
        custom_domain: 'static.example.com',
        certificate_id: old.id,
      });
      const referenced = (): string[] => [
        ...(d.loadBalancer(lb.id)?.forwarding_rules ?? []).flatMap((r) =>
          r.certificate_id ? [r.certificate_id] : [],
        ),
        ...(d.loadBalancer(foreignLb.id)?.forwarding_rules ?? []).flatMap((r) =>
          r.certificate_id ? [r.certificate_id] : [],
        ),
        ...(d.cdnEndpoint(cdn.id)?.certificate_id ? [d.cdnEndpoint(cdn.id)!.certificate_id!] : []),
      ];
      return {
        server: d.server,
        run: () => rotate(h.provider, [{ lineage: LINEAGE, bundle: v2 }], APPLY),
        checkSafe(label) {
          for (const c of [foreign, unusedForeign]) {
            assert.ok(d.certificate(c.id), `${label}: foreign certificate ${c.name} was removed`);
          }
          for (const id of referenced()) {
            assert.ok(d.certificate(id), `${label}: certificate ${id} removed while a user points at it`);
          }
          assert.ok(
            (d.loadBalancer(foreignLb.id)?.forwarding_rules ?? []).some(
              (r) => r.certificate_id === foreign.id,
            ),
            `${label}: the foreign load balancer was moved`,
          );
          const current = d.certificates.all().filter((c) => c.sha1_fingerprint === sha1Of(v2));
          assert.ok(current.length <= 1, `${label}: ${current.length} copies of the new version`);
        },
        checkConverged(label) {
          const current = d.certificates.all().filter((c) => c.sha1_fingerprint === sha1Of(v2));
          assert.equal(current.length, 1, `${label}: ${current.length} certificates hold the new content`);
          const id = current[0]!.id;
          assert.equal(current[0]!.name, nameOf(LINEAGE, v2), `${label}: the new version's name`);
          const rules = (d.loadBalancer(lb.id)?.forwarding_rules ?? []).flatMap((r) =>
            r.certificate_id ? [r.certificate_id] : [],
          );
          assert.deepEqual(rules, [id, id], `${label}: the load balancer's rules`);
          assert.equal(d.cdnEndpoint(cdn.id)?.certificate_id, id, `${label}: the CDN endpoint`);
          assert.equal(d.certificate(old.id), undefined, `${label}: the old version is still there`);
          assert.deepEqual(
            d.certificates
              .all()
              .map((c) => c.id)
              .sort(),
            [id, foreign.id, unusedForeign.id].sort(),
            `${label}: what is left`,
          );
        },
        close: () => h.close(),
      };
    }

    registerMatrix(PROVIDER, world, MIN_POSITIONS);
  });

  describe('Dokploy (real dialect): an old version and foreign certificates', () => {
    const PROVIDER = 'Dokploy';
    const MIN_POSITIONS = 4; // list, create, confirm, remove
    const ORG = 'org-a';
    const OTHER_ORG = 'org-b';
    const admin = testKey('admin');

    async function world(): Promise<World> {
      const d = await DokployDouble.start({
        dialect: 'trpc',
        keys: [{ key: admin, organizationId: ORG, role: 'admin' }],
      });
      const old = d.seed({
        name: nameOf(LINEAGE, v1),
        certificateData: v1.upload!.fullchain,
        privateKey: v1.upload!.privateKey,
        organizationId: ORG,
      });
      const foreign = [
        d.seed({
          name: 'hand-made',
          certificateData: v1.upload!.fullchain,
          privateKey: v1.upload!.privateKey,
          organizationId: ORG,
        }),
        d.seed({
          name: nameOf(LINEAGE, v1),
          certificateData: v1.upload!.fullchain,
          privateKey: 'not-a-key',
          organizationId: OTHER_ORG,
        }),
      ];
      const provider: Provider = wire(d, admin, agent, {
        reloadTraefik: true,
        timeouts: { headersMs: HEADERS_TIMEOUT_MS },
      }).provider;
      const isNew = (row: { certificateData: string }): boolean =>
        row.certificateData.startsWith(v2.upload!.certificate.trim());
      /** Requests that changed something, answered with success. */
      const landed = (path: RegExp): RecordedRequest[] =>
        d.server
          .requestsTo('POST', path)
          .filter((r) => r.fault === 'reset-after' || (r.fault === undefined && r.reply?.status === 200));
      return {
        server: d.server,
        run: () => rotate(provider, [{ lineage: LINEAGE, bundle: v2 }], APPLY),
        checkSafe(label) {
          for (const row of foreign) {
            assert.ok(
              d.certificates().some((r) => r.certificateId === row.certificateId),
              `${label}: foreign certificate ${row.name} (${row.organizationId}) was removed`,
            );
          }
          const current = d.certificates(ORG).filter(isNew);
          assert.ok(current.length <= 1, `${label}: ${current.length} copies of the new version`);
        },
        checkConverged(label) {
          const current = d.certificates(ORG).filter(isNew);
          assert.equal(current.length, 1, `${label}: ${current.length} rows hold the new content`);
          assert.equal(current[0]!.name, nameOf(LINEAGE, v2), `${label}: the new version's name`);
          assert.ok(
            !d.certificates().some((r) => r.certificateId === old.certificateId),
            `${label}: the old version is still there`,
          );
          assert.deepEqual(
            d
              .certificates()
              .map((r) => r.certificateId)
              .sort(),
            [current[0]!.certificateId, ...foreign.map((r) => r.certificateId)].sort(),
            `${label}: what is left`,
          );
          // Live: Traefik was reloaded after the last change that landed.
          const lastChange = landed(/\.(create|remove)$/).at(-1)?.seq ?? 0;
          const lastReload = landed(/^\/api\/settings\.reloadTraefik$/).at(-1)?.seq ?? 0;
          assert.ok(
            lastReload > lastChange,
            `${label}: Traefik was not reloaded after the last change (#${lastChange}; last reload #${lastReload})`,
          );
        },
        close: () => d.close(),
      };
    }

    registerMatrix(PROVIDER, world, MIN_POSITIONS);
  });
});
