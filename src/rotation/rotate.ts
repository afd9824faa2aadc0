/**
 * One rotation run over many lineages: the provider's inventory (and where certificates are used)
 * is read once, every lineage is planned from it, and in `apply` mode the plans are carried out a
 * few lineages at a time through the one provider, so they share its rate-limit budget. At the
 * end, if anything changed, the provider is asked to settle (Dokploy: reload Traefik), once.
 *
 * `plan` mode sends only the two listings. Nothing here throws for a lineage's trouble: each
 * result says what was done and what was not. What does throw: inputs that cannot be rotated at
 * all (checked before any request) and a listing that fails (nothing could be planned).
 */
import type { CheckedBundle, UploadTexts } from '../certs/bundle.ts';
import { type CertFacts, leafOfPem } from '../certs/inspect.ts';
import { DEFAULT_CONCURRENCY } from '../constants.ts';
import { InputError } from '../errors.ts';
import type { CertificateUse, Provider, RemoteCertificate } from '../providers/provider.ts';
import { type Applied, type LineageWork, type Placed, place, retire, rollback } from './apply.ts';
import { KeyedLock, mapLimit } from './concurrency.ts';
import type { CoveredNames } from './coverage.ts';
import {
  checkLineageName,
  checkTemplate,
  lineageIndex,
  lineageMatcher,
  type NameMatcher,
  renderName,
} from './names.ts';
import { type Desired, describeUse, holds, type LineagePlan, type PlanOptions, planLineage } from './plan.ts';
import type { LineageToVerify } from '../verification/verify-lineages.ts';
import type { LineageVerification, NamedVersion } from '../verification/verdict.ts';
import { type Endpoint, formatEndpoint, type SkippedDomain } from '../verification/endpoints.ts';
import {
  type AppliedStep,
  applyStatus,
  failure,
  type InventoryItem,
  type LineageResult,
  planStatus,
  type RotationMode,
  type RotationResult,
  type SettleOutcome,
  stepFailure,
  wrote,
} from './results.ts';

export interface RotationLineage {
  /** The lineage name (`example-com`): what every version's name starts from. */
  lineage: string;
  /** From the certificate engine: must be ok, with a leaf and upload texts. */
  bundle: CheckedBundle;
}

export interface RotationOptions {
  mode: RotationMode;
  /** The name template (names.ts), the same for every lineage of the run. */
  template: string;
  plan: PlanOptions;
  /** Lineages carried out at once; default DEFAULT_CONCURRENCY (constants.ts). */
  concurrency?: number;
  /** The live check between placing and removing; absent: nothing is checked (verify: false). */
  verify?: RotationVerify;
}

/** What rotate needs of the live check; run.ts builds it from the settings. */
export interface RotationVerify {
  /** Each lineage's endpoints (its domains on 443, and those given), for apply and for the plan. */
  endpointsOf(lineage: string): { endpoints: readonly Endpoint[]; skipped: readonly SkippedDomain[] };
  run(lineages: readonly LineageToVerify[]): Promise<LineageVerification[]>;
  onFailure: 'keep' | 'rollback';
  mode: 'auto' | 'require';
  /** Dokploy with reload-traefik: one more reload may heal a stale Traefik. */
  mayReload: boolean;
  /** The fix to print for a failed verification (worded for where the run was started). */
  fixFor(verification: LineageVerification, reload: SettleOutcome | undefined): string;
}

interface Ready {
  lineage: string;
  desired: Desired;
  matcher: NameMatcher;
  /** What the wanted version covers: a use is moved to it only if it keeps serving its names. */
  covers: CoveredNames;
  upload: UploadTexts;
}

export async function rotate(
  provider: Provider,
  lineages: readonly RotationLineage[],
  options: RotationOptions,
): Promise<RotationResult> {
  const template = checkTemplate(options.template);
  const ready = prepare(lineages, template);
  const before = provider.requestCount();
  const inventory = await provider.list();
  // DigitalOcean renews its own Let's Encrypt certificates: never ours to replace or remove,
  // whatever their names.
  const ours = inventory.filter((certificate) => certificate.type !== 'lets_encrypt');
  // Each certificate's lineages, found once for all lineages (names.ts: lineageIndex).
  const owners = lineageIndex(
    template,
    ready.map((item) => item.lineage),
  );
  // Names that fit a lineage: its members, and lookalikes the planner sets apart and reports.
  const members = new Map<string, RemoteCertificate[]>(ready.map((item) => [item.lineage, []]));
  const matchers = new Map(ready.map((item) => [item.lineage, item.matcher]));
  const ownersOf = new Map<RemoteCertificate, string[]>();
  for (const remote of ours) {
    const found = owners(remote.name);
    // A lineage owns a certificate only if its listed fingerprint does not contradict its name.
    ownersOf.set(
      remote,
      found.filter((lineage) => matchers.get(lineage)?.contradiction(remote) === undefined),
    );
    for (const lineage of found) members.get(lineage)?.push(remote);
  }
  // Where certificates are used matters only for superseded versions (to move their users, or
  // to keep them): a run with none (a re-run, a first upload) does not ask.
  const superseded = ready.some((item) =>
    (members.get(item.lineage) ?? []).some(
      (remote) =>
        item.matcher.contradiction(remote) === undefined && !holds(remote, item.desired, item.matcher),
    ),
  );
  const uses = provider.uses === undefined ? undefined : superseded ? await provider.uses() : [];
  const plans = ready.map((item) => {
    const plan = planLineage({
      desired: item.desired,
      matcher: item.matcher,
      inventory: ours,
      members: members.get(item.lineage) ?? [],
      uses,
      covers: item.covers,
      options: options.plan,
    });
    return { item, plan };
  });
  const overlaps = overlapping(ready, ours, owners);
  for (const entry of plans) {
    const overlap = overlaps.get(entry.item.lineage);
    if (overlap !== undefined && entry.plan.blocked === undefined) {
      entry.plan = { ...entry.plan, steps: [], blocked: overlap };
    }
  }

  const listed = inventory.map((certificate): InventoryItem => {
    const owner = ownersOf.get(certificate)?.[0];
    return owner === undefined ? { certificate } : { certificate, lineage: owner };
  });

  if (options.mode === 'plan') {
    const results = plans.map(
      ({ item, plan }): LineageResult => ({
        lineage: item.lineage,
        status: planStatus(plan),
        plan,
        attention: attention(plan, uses),
        ...(options.verify === undefined ? {} : { endpoints: planned(options.verify, item.lineage) }),
      }),
    );
    return { mode: 'plan', lineages: results, requests: provider.requestCount() - before, inventory: listed };
  }

  const context = { provider, useLock: new KeyedLock(), uses };
  const placed = await mapLimit(
    plans,
    options.concurrency ?? DEFAULT_CONCURRENCY,
    async ({ item, plan }): Promise<Placing> => {
      const own = members.get(item.lineage) ?? [];
      if (plan.blocked !== undefined) return { item, plan, members: own };
      const upload = { name: item.desired.name, sha1: item.desired.sha1, ...item.upload };
      const work = { plan, matcher: item.matcher, upload };
      return { item, plan, members: own, work, placed: await place(context, work) };
    },
  );
  const changedByPlacing = placed.some((p) => (p.placed?.steps ?? []).some(wrote));
  const inPlace = placed.every((p) => p.placed !== undefined && p.placed.current !== undefined);
  const verify = options.verify;
  // With a live check, settle (Dokploy: reload Traefik) as soon as everything is in place, so
  // the check sees what clients will be served. Without one, once at the end, as before.
  let settle = verify ? await settleAfter(provider, changedByPlacing, inPlace) : undefined;
  const checked = verify ? await verifyPlaced(provider, placed, verify) : undefined;

  const done = await mapLimit(
    placed,
    options.concurrency ?? DEFAULT_CONCURRENCY,
    async (p): Promise<Done> => {
      const base = { lineage: p.item.lineage, plan: p.plan, attention: attention(p.plan, uses) };
      if (p.work === undefined || p.placed === undefined) {
        return { result: { ...base, status: 'blocked', steps: [] }, arrived: [] };
      }
      // A lineage with nothing to check (no domains, no endpoints) shows no check at all, unless
      // that fails it (verify: require, or a check that could not be made).
      const found = checked?.verifications.get(p.item.lineage);
      const shown =
        found?.status !== 'skipped' || found.endpoints.length > 0 || found.skippedDomains.length > 0;
      const verification = found && shown ? found : undefined;
      const handover = checked?.handover.has(p.item.lineage) === true;
      const failed = verification?.status === 'failed' && !handover;
      const undone = failed && verify?.onFailure === 'rollback' ? await rollback(context, p.placed) : [];
      // A check with endpoints that reached none still shows, as done with nothing verified.
      const checks = handover || verification === undefined ? [] : [verifyStep(verification, checked?.fixes)];
      const hold = failed
        ? `the new certificate is not served everywhere yet, so the superseded versions stay${undone.length > 0 ? ' (and what was moved was moved back)' : ''}`
        : undefined;
      const withChecks = { ...p.placed, steps: [...p.placed.steps, ...checks, ...undone] };
      const { arrived, ...applied } = await retire(context, p.work, withChecks, hold);
      const result: LineageResult = { ...base, status: applyStatus(applied.steps), ...applied };
      if (verification !== undefined) result.verification = verification;
      return { result, arrived };
    },
  );
  const results = done.map((d) => d.result);
  if (!verify) {
    const changed = results.some((result) => (result.steps ?? []).some(wrote));
    const finished = results.every(
      (r) => r.status === 'created' || r.status === 'rotated' || r.status === 'unchanged',
    );
    settle = await settleAfter(provider, changed, finished);
  }
  const handedOver = checked && verify ? await finishHandover(provider, results, checked, verify) : undefined;
  const reload = checked?.reload;
  return {
    mode: 'apply',
    lineages: results,
    ...(settle === undefined ? {} : { settle }),
    ...(reload === undefined ? {} : { reload }),
    ...(handedOver === undefined ? {} : { handoverReload: handedOver }),
    requests: provider.requestCount() - before,
    inventory: inventoryAfter(listed, done),
  };
}

function verifyStep(
  verification: LineageVerification,
  fixes: ReadonlyMap<string, string> | undefined,
): AppliedStep {
  return {
    op: 'verify',
    endpoints: verification.endpoints.length,
    outcome:
      verification.status === 'failed'
        ? stepFailure('NOT_SERVED', verification.summary, fixes?.get(verification.lineage))
        : verification.status === 'skipped'
          ? { status: 'done', note: `nothing verified: ${verification.summary}` }
          : { status: 'done', note: verification.summary },
  };
}

/**
 * Dokploy's handover (verifyPlaced): the superseded versions of these lineages were removed
 * because Traefik kept serving them over the new one; now Traefik is reloaded without them, and
 * what it serves is checked again. The lineage's result gets the check as its last step.
 */
async function finishHandover(
  provider: Provider,
  results: LineageResult[],
  checked: Verified,
  verify: RotationVerify,
): Promise<SettleOutcome | undefined> {
  if (checked.handover.size === 0) return undefined;
  const reload = await settleAfter(provider, true, true);
  const items = checked.items.filter((item) => checked.handover.has(item.lineage));
  const again = reload?.status === 'requested' ? await checkSafely(verify, items) : [];
  for (const result of results) {
    if (!checked.handover.has(result.lineage)) continue;
    const found = again.find((v) => v.lineage === result.lineage);
    const verification: LineageVerification = found ?? {
      ...(checked.verifications.get(result.lineage) as LineageVerification),
      status: 'failed',
      summary:
        'Traefik was not reloaded after the superseded versions were removed, so what it serves could not be checked again',
    };
    const note = `Traefik kept serving a superseded version while both were there (it picks among certificates for the same names by their folder's name, which Dokploy draws at random), so the superseded versions were removed first; then ${verification.summary}`;
    const step = verifyStep(
      { ...verification, summary: note },
      new Map([[result.lineage, verify.fixFor(verification, reload)]]),
    );
    result.steps = [...(result.steps ?? []), step];
    result.status = applyStatus(result.steps);
    result.verification = verification;
  }
  return reload;
}

interface Verified {
  items: LineageToVerify[];
  verifications: Map<string, LineageVerification>;
  fixes: Map<string, string>;
  /** Dokploy: lineages whose superseded versions go first (Traefik serves them over the new one). */
  handover: Set<string>;
  reload?: SettleOutcome;
}

/**
 * The certificates are in place by the time anything is checked: a check that cannot be made (too
 * many addresses after DNS, a bug) fails the lineages it was for, and so holds their removals,
 * rather than ending the run with no report of what was done.
 */
async function checkSafely(
  verify: RotationVerify,
  list: readonly LineageToVerify[],
): Promise<LineageVerification[]> {
  try {
    return await verify.run(list);
  } catch (thrown) {
    const { message, fix } = failure(thrown);
    return list.map((item) => ({
      lineage: item.lineage,
      status: 'failed',
      summary: `the check could not be made: ${message}${fix ? ` ${fix}` : ''}`,
      endpoints: [],
      skippedDomains: [...item.skippedDomains],
    }));
  }
}

/** Plan: the endpoints apply would check, and the wildcards it would pass over (and why). */
function planned(verify: RotationVerify, lineage: string): string[] {
  const { endpoints, skipped } = verify.endpointsOf(lineage);
  return [...endpoints.map(formatEndpoint), ...skipped.map((s) => `${s.domain} (not checked: ${s.reason})`)];
}

/** One lineage on its way through apply: what was planned, and what `place` did. */
interface Placing {
  item: Ready;
  plan: LineagePlan;
  /** Certificates named as versions of the lineage: what a stale endpoint may still serve. */
  members: readonly RemoteCertificate[];
  work?: LineageWork;
  placed?: Placed;
}

/**
 * The live check of every lineage that has a current certificate. On Dokploy, when an endpoint
 * still serves an old version or Traefik's default certificate and reloads are allowed: one
 * reload and one more check of the lineages that failed (Dokploy issue 4503), then the handover
 * for those where Traefik still prefers a superseded version.
 */
async function verifyPlaced(
  provider: Provider,
  placed: readonly Placing[],
  verify: RotationVerify,
): Promise<Verified> {
  const items = placed.flatMap((p): LineageToVerify[] => {
    const current = p.placed?.current;
    if (current === undefined) return [];
    const where = verify.endpointsOf(p.item.lineage);
    const known = new Map<string, string>();
    const named: NamedVersion[] = [];
    for (const member of p.members) {
      // A lookalike (other content under a fitting name) is not a version: it stays "another certificate".
      if (p.item.matcher.contradiction(member) !== undefined || member.id === current.id) continue;
      if (member.sha1 !== undefined) known.set(member.sha1, member.name);
      else {
        const fingerprint = p.item.matcher.fingerprintOf(member.name);
        if (fingerprint) named.push({ ...fingerprint, name: member.name });
      }
    }
    return [
      {
        lineage: p.item.lineage,
        expectedSha1: p.item.desired.sha1,
        endpoints: where.endpoints,
        skippedDomains: where.skipped,
        known,
        named,
      },
    ];
  });
  const verifications = new Map<string, LineageVerification>();
  const record = (list: readonly LineageVerification[]) => {
    for (const v of list) verifications.set(v.lineage, v);
  };
  record(await checkSafely(verify, items));
  let reload: SettleOutcome | undefined;
  const failing = (v: LineageVerification) =>
    v.endpoints.filter((row) => !row.matches && !(row.unreachable && verify.mode === 'auto'));
  const stale = (v: LineageVerification | undefined) =>
    v?.status === 'failed' &&
    failing(v).some((row) => row.serves === 'superseded' || row.serves === 'traefik-default');
  const healable = items.filter((item) => stale(verifications.get(item.lineage)));
  if (healable.length > 0 && verify.mayReload && provider.settle) {
    reload = await settleAfter(provider, true, true);
    if (reload?.status === 'requested') record(await checkSafely(verify, healable));
  }
  // After a reload, an endpoint that serves a superseded version (and nothing worse) shows that
  // Traefik loaded both and prefers the old one: that holds while both are there, so the
  // superseded versions go first and the check is made again after one more reload.
  const handover = new Set(
    reload?.status === 'requested'
      ? healable
          .map((item) => verifications.get(item.lineage))
          .filter(
            (v): v is LineageVerification =>
              v?.status === 'failed' && failing(v).every((row) => row.serves === 'superseded'),
          )
          .map((v) => v.lineage)
      : [],
  );
  const fixes = new Map<string, string>();
  for (const [lineage, v] of verifications) {
    if (v.status === 'failed') fixes.set(lineage, verify.fixFor(v, reload));
  }
  return { items, verifications, fixes, handover, ...(reload === undefined ? {} : { reload }) };
}

/** One lineage's apply: its result, and what it added to the provider. */
interface Done {
  result: LineageResult;
  arrived: Applied['arrived'];
}

/**
 * What the provider holds when the run ends, from the listing and the steps that were carried
 * out, never from the plan: a removal that failed or was skipped leaves its certificate as
 * listed; one that was done (or found it already gone) marks it removed, kept in the list so the
 * reader sees what went; a certificate the run uploaded or adopted is added, as the provider
 * showed it. Nothing is listed again for this: it costs no request.
 */
function inventoryAfter(listed: readonly InventoryItem[], done: readonly Done[]): InventoryItem[] {
  const removed = new Set<string>();
  for (const { result } of done) {
    for (const step of result.steps ?? []) {
      const removal = step.op === 'remove' || step.op === 'remove-duplicate';
      if (removal && step.outcome.status === 'done') removed.add(step.certificate.id);
    }
  }
  const after = listed.map(
    (item): InventoryItem => (removed.has(item.certificate.id) ? { ...item, change: 'removed' } : item),
  );
  const known = new Set(listed.map((item) => item.certificate.id));
  // By id, the last seen wins: the confirmed copy is fresher than the create's answer.
  const added = new Map<string, InventoryItem>();
  for (const { result, arrived } of done) {
    for (const certificate of arrived) {
      if (known.has(certificate.id) || removed.has(certificate.id)) continue;
      added.set(certificate.id, { certificate, lineage: result.lineage, change: 'added' });
    }
  }
  return [...after, ...added.values()];
}

/** Every input checked before anything is sent: a run never half-starts on a bad one. */
function prepare(lineages: readonly RotationLineage[], template: string): Ready[] {
  const seen = new Set<string>();
  return lineages.map(({ lineage, bundle }) => {
    checkLineageName(lineage);
    if (seen.has(lineage)) {
      throw new InputError(
        `The name '${lineage}' is given twice.`,
        'Give every certificate a name of its own.',
      );
    }
    seen.add(lineage);
    const { leaf, upload } = bundle;
    if (!bundle.ok || leaf === undefined || upload === undefined) {
      throw new InputError(
        `The certificate for '${lineage}' cannot be uploaded: ${bundle.ok ? 'no private key was found' : 'it did not pass its checks'}.`,
        'Fix the findings reported for it (and give its private key), then run again.',
      );
    }
    return {
      lineage,
      desired: desiredOf(template, lineage, leaf, leafOfPem(upload.certificate)?.keySha256),
      matcher: lineageMatcher(template, lineage),
      covers: { dns: leaf.dnsNames, ip: leaf.ipAddresses },
      upload,
    };
  });
}

function desiredOf(
  template: string,
  lineage: string,
  leaf: CertFacts,
  keySha256: string | undefined,
): Desired {
  const version = { sha1: leaf.sha1, sha256: leaf.sha256, notAfter: leaf.notAfter };
  const key = keySha256 === undefined ? {} : { keySha256 };
  return { lineage, name: renderName(template, lineage, version), ...version, ...key };
}

/**
 * Lineages whose names overlap cannot be rotated side by side: one would take the other's
 * versions for superseded ones of its own and remove them. Checked against what is there and
 * against the names this run would upload.
 */
function overlapping(
  ready: readonly Ready[],
  inventory: readonly RemoteCertificate[],
  owners: (name: string) => string[],
): Map<string, string> {
  const blocked = new Map<string, string>();
  const order = new Map(ready.map((r, i) => [r.lineage, i]));
  const names = [
    ...inventory.map((remote) => ({ name: remote.name, of: undefined })),
    ...ready.map((r) => ({ name: r.desired.name, of: r.lineage })),
  ];
  for (const { name, of } of names) {
    const claimants = [...new Set([...(of === undefined ? [] : [of]), ...owners(name)])].sort(
      (a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0),
    );
    if (claimants.length < 2) continue;
    for (const lineage of claimants) {
      blocked.set(
        lineage,
        `the certificate name ${name} fits lineages ${claimants.join(' and ')}: give them names that do not overlap.`,
      );
    }
  }
  return blocked;
}

/**
 * What the reader must know about a lineage beyond its steps: superseded versions that stay
 * because something still serves them and could not be moved; certificates whose names fit the
 * lineage but which hold other content (left alone); and versions known by their names alone.
 * (A move whose names could not be compared says so on its own step.)
 */
function attention(plan: LineagePlan, uses: readonly CertificateUse[] | undefined): string[] {
  const moving = new Set(plan.steps.flatMap((s) => (s.op === 'rebind' ? [`${s.use.id}/${s.from.id}`] : [])));
  const stuck = plan.steps.flatMap((step) => {
    if (step.op !== 'keep') return [];
    const id = step.certificate.id;
    const served = (uses ?? []).some(
      (use) => use.certificateIds.includes(id) && !moving.has(`${use.id}/${id}`),
    );
    return served ? [`${step.certificate.name} (${id}) is still served: ${step.reason}`] : [];
  });
  const fixes = (plan.refused ?? []).map((r) => `To move ${describeUse(r.use)}: ${r.fix}`);
  const lookalikes = (plan.lookalikes ?? []).map(({ certificate, why }) => {
    const users = (uses ?? []).filter((use) => use.certificateIds.includes(certificate.id));
    const served = users.length > 0 ? `, used by ${users.map(describeUse).join(', ')}` : '';
    return `${certificate.name} (${certificate.id}) is not a version of ${plan.desired.lineage}: ${why}. It is another certificate${served}, and is left alone (never moved, never removed); rename it, or change name-template, so that its name no longer looks like a version.`;
  });
  const byName = plan.byNameAlone ?? [];
  const named =
    byName.length === 0
      ? []
      : [
          `Recognised as versions of ${plan.desired.lineage} by their names alone (the provider's listing carries no fingerprint to check a name against): ${byName.map((c) => `${c.name} (${c.id})`).join(', ')}.`,
        ];
  return [...stuck, ...fixes, ...lookalikes, ...named];
}

async function settleAfter(
  provider: Provider,
  changed: boolean,
  finished: boolean,
): Promise<SettleOutcome | undefined> {
  if (!provider.settle) return undefined;
  if (!changed) return { status: 'not-needed', why: 'nothing changed' };
  try {
    const settled = await provider.settle();
    return settled.status === 'requested'
      ? { status: 'requested', what: settled.what, note: settled.note }
      : { status: 'not-needed', why: 'the provider has nothing to do (Traefik reload off)' };
  } catch (thrown) {
    // When every lineage is done, a re-run finds nothing to change and will not settle: say so,
    // and what to do instead. The provider's own fix (a key that may reload, say) comes first.
    const failed = failure(thrown);
    const then = finished
      ? 'The certificates are in place, but the provider did not settle (Dokploy: Traefik was not reloaded, so it may still serve the old certificate). A re-run will not retry this, as nothing is left to change: reload Traefik in Dokploy (Settings, Web Server, Reload Traefik), or fix the cause shown above and reload then.'
      : 'The provider did not settle (Dokploy: Traefik was not reloaded). A re-run settles only if it changes something: if it reports nothing to change, reload Traefik in Dokploy (Settings, Web Server, Reload Traefik).';
    return { ...failed, fix: failed.fix === undefined ? then : `${failed.fix} ${then}` };
  }
}
