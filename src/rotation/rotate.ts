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
import { type Applied, applyPlan } from './apply.ts';
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
import {
  applyStatus,
  failure,
  type InventoryItem,
  type LineageResult,
  planStatus,
  type RotationMode,
  type RotationResult,
  type SettleOutcome,
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
      }),
    );
    return { mode: 'plan', lineages: results, requests: provider.requestCount() - before, inventory: listed };
  }

  const context = { provider, useLock: new KeyedLock(), uses };
  const done = await mapLimit(
    plans,
    options.concurrency ?? DEFAULT_CONCURRENCY,
    async ({ item, plan }): Promise<Done> => {
      const base = { lineage: item.lineage, plan, attention: attention(plan, uses) };
      if (plan.blocked !== undefined) {
        return { result: { ...base, status: 'blocked', steps: [] }, arrived: [] };
      }
      const upload = { name: item.desired.name, sha1: item.desired.sha1, ...item.upload };
      const { arrived, ...applied } = await applyPlan(context, { plan, matcher: item.matcher, upload });
      return { result: { ...base, status: applyStatus(applied.steps), ...applied }, arrived };
    },
  );
  const results = done.map((d) => d.result);
  const changed = results.some((result) => (result.steps ?? []).some(wrote));
  const finished = results.every(
    (r) => r.status === 'created' || r.status === 'rotated' || r.status === 'unchanged',
  );
  const settle = await settleAfter(provider, changed, finished);
  return {
    mode: 'apply',
    lineages: results,
    ...(settle === undefined ? {} : { settle }),
    requests: provider.requestCount() - before,
    inventory: inventoryAfter(listed, done),
  };
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
