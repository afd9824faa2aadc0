/**
 * Carrying out one lineage's plan, in an order where a failure leaves nothing broken:
 * create → confirm (create.ts) → rebind every user → remove what is superseded. A step runs only
 * if what it depends on succeeded: no rebind or removal without a confirmed current certificate,
 * no removal of a certificate whose users were not all moved. So a failed run leaves the old
 * certificates in place and serving, and a re-run (which plans from what is there then) finishes
 * the job.
 */
import type {
  CertificateUpload,
  CertificateUse,
  Provider,
  RemoteCertificate,
} from '../providers/provider.ts';
import type { KeyedLock } from './concurrency.ts';
import { createAndConfirm, notVerified } from './create.ts';
import type { NameMatcher } from './names.ts';
import { describeUse, type LineagePlan, type Step, UNCHECKED } from './plan.ts';
import {
  type AppliedStep,
  type CertRef,
  certRef,
  failure,
  type Outcome,
  stepFailure,
  useRef,
} from './results.ts';

export interface ApplyContext {
  provider: Provider;
  /** Held while a use is changed, so two lineages never rebind one load balancer at once. */
  useLock: KeyedLock;
  /** The uses the plans were made from: a duplicate something uses is never removed. */
  uses: readonly CertificateUse[] | undefined;
}

export interface LineageWork {
  plan: LineagePlan;
  matcher: NameMatcher;
  upload: CertificateUpload;
}

export interface Applied {
  steps: AppliedStep[];
  current?: CertRef;
  /** Certificates the provider holds because of this apply (create.ts): for the inventory after the run. */
  arrived: RemoteCertificate[];
}

/** What the first half of a lineage's apply left: the current certificate, and who was moved to it. */
export interface Placed {
  steps: AppliedStep[];
  current: RemoteCertificate | undefined;
  /** Why the steps that need a current certificate are skipped. */
  missing: string;
  /** `use id/certificate id` of every move that happened; why, for the ones that did not. */
  moved: Set<string>;
  unmoved: Map<string, string>;
  /** The moves that happened, to undo them (rollback after a failed verification). */
  rebound: { use: CertificateUse; from: RemoteCertificate }[];
  arrived: RemoteCertificate[];
}

/** The whole plan at once: place, then retire. (rotate.ts verifies in between when asked.) */
export async function applyPlan(ctx: ApplyContext, work: LineageWork): Promise<Applied> {
  return retire(ctx, work, await place(ctx, work));
}

/** create → confirm → rebind: the new certificate in place and in use; nothing removed yet. */
export async function place(ctx: ApplyContext, work: LineageWork): Promise<Placed> {
  const steps: AppliedStep[] = [];
  const arrived: RemoteCertificate[] = [];
  const { plan } = work;
  let current: RemoteCertificate | undefined;
  let missing = '';
  if (plan.current.kind === 'present') {
    const present = plan.current.certificate;
    const unusable = notVerified(present);
    steps.push({ op: 'unchanged', certificate: certRef(present), outcome: unusable ?? { status: 'done' } });
    if (unusable) missing = `${present.name} is not verified`;
    else current = present;
  } else {
    const made = await createAndConfirm(ctx, work, steps, arrived);
    if ('missing' in made) missing = made.missing;
    else current = made.current;
  }

  const moved = new Set<string>();
  const unmoved = new Map<string, string>();
  const rebound: Placed['rebound'] = [];
  for (const step of plan.steps) {
    if (step.op !== 'rebind') continue;
    const base = { op: 'rebind' as const, use: useRef(step.use), from: certRef(step.from) };
    const found = await rebind(ctx, step.use, step.from, current, missing);
    const unchecked = (plan.unchecked ?? []).some(
      (u) => u.use.id === step.use.id && u.from.id === step.from.id,
    );
    const outcome: Outcome =
      found.status === 'done' && unchecked
        ? { status: 'done', note: `names not compared: ${step.from.name} ${UNCHECKED}` }
        : found;
    const key = `${step.use.id}/${step.from.id}`;
    if (outcome.status === 'done') {
      moved.add(key);
      rebound.push({ use: step.use, from: step.from });
    } else unmoved.set(key, `the rebind of ${describeUse(step.use)} ${past(outcome)}`);
    steps.push(
      outcome.status === 'done' && current
        ? { ...base, to: certRef(current), outcome }
        : { ...base, outcome },
    );
  }

  // A refused move is a step not taken: the report shows it, and the lineage is not done.
  for (const refusal of plan.refused ?? []) {
    steps.push({
      op: 'rebind',
      use: useRef(refusal.use),
      from: certRef(refusal.from),
      outcome: { status: 'skipped', why: refusal.why, refused: true },
    });
  }
  return { steps, current, missing, moved, unmoved, rebound, arrived };
}

/**
 * Keep what stays, remove what is superseded. `hold`: why nothing may be removed now (the new
 * certificate is not yet seen served): every removal is skipped with it.
 */
export async function retire(
  ctx: ApplyContext,
  work: LineageWork,
  placed: Placed,
  hold?: string,
): Promise<Applied> {
  const { current, missing, moved, unmoved, arrived } = placed;
  const steps = [...placed.steps];
  for (const step of work.plan.steps) {
    if (step.op === 'keep') {
      const certificate = certRef(step.certificate);
      steps.push({ op: 'keep', certificate, reason: step.reason, outcome: { status: 'done' } });
    }
    if (step.op !== 'remove') continue;
    const certificate = certRef(step.certificate);
    const blocker = current === undefined ? missing : (hold ?? removeBlocker(step, current, moved, unmoved));
    if (blocker !== undefined) {
      steps.push({ op: 'remove', certificate, outcome: { status: 'skipped', why: blocker } });
      continue;
    }
    try {
      const result = await ctx.provider.remove(step.certificate.id);
      steps.push({ op: 'remove', certificate, result, outcome: { status: 'done' } });
    } catch (thrown) {
      steps.push({ op: 'remove', certificate, outcome: failure(thrown) });
    }
  }
  return current ? { steps, current: certRef(current), arrived } : { steps, arrived };
}

/**
 * After a failed verification: every use this run moved goes back to the version it was on,
 * which is still there (nothing is removed before verification). Each move back is a step.
 */
export async function rollback(ctx: ApplyContext, placed: Placed): Promise<AppliedStep[]> {
  const { current } = placed;
  if (current === undefined) return [];
  const steps: AppliedStep[] = [];
  for (const { use, from } of placed.rebound) {
    const base = { op: 'rollback' as const, use: useRef(use), from: certRef(current), to: certRef(from) };
    const move = ctx.provider.rebind?.bind(ctx.provider);
    if (!move) continue;
    try {
      // The use now holds the current certificate in place of `from`: swap them back.
      const swap = (id: string) => (id === from.id ? current.id : id);
      const now: CertificateUse = {
        ...use,
        certificateIds: use.certificateIds.map(swap),
        ...(use.hostnames === undefined
          ? {}
          : { hostnames: use.hostnames.map((h) => ({ ...h, certificateId: swap(h.certificateId) })) }),
      };
      await ctx.useLock.run(`${use.kind}:${use.id}`, () => move(now, current.id, from.id));
      steps.push({ ...base, outcome: { status: 'done' } });
    } catch (thrown) {
      steps.push({ ...base, outcome: failure(thrown) });
    }
  }
  return steps;
}

async function rebind(
  ctx: ApplyContext,
  use: CertificateUse,
  from: RemoteCertificate,
  current: RemoteCertificate | undefined,
  missing: string,
): Promise<Outcome> {
  if (current === undefined) return { status: 'skipped', why: missing };
  const move = ctx.provider.rebind?.bind(ctx.provider);
  if (!move) {
    return stepFailure(
      'UNSUPPORTED',
      `${ctx.provider.label} cannot move ${describeUse(use)} to another certificate.`,
    );
  }
  try {
    await ctx.useLock.run(`${use.kind}:${use.id}`, () => move(use, from.id, current.id));
    return { status: 'done' };
  } catch (thrown) {
    return failure(thrown);
  }
}

/** Why a superseded certificate must stay for now, or undefined when it can go. */
function removeBlocker(
  step: Extract<Step, { op: 'remove' }>,
  current: RemoteCertificate,
  moved: ReadonlySet<string>,
  unmoved: ReadonlyMap<string, string>,
): string | undefined {
  if (step.certificate.id === current.id) return 'it is the current certificate';
  for (const useId of step.after) {
    const key = `${useId}/${step.certificate.id}`;
    if (!moved.has(key)) return unmoved.get(key) ?? `use ${useId} was not moved off it`;
  }
  return undefined;
}

function past(outcome: Outcome): string {
  return outcome.status === 'skipped' ? 'was skipped' : 'failed';
}
