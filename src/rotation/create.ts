/**
 * The first half of a lineage's apply: upload the new version and make sure it is there before
 * anything is moved to it. The create is the provider's checked one (never resent blindly); then
 * the listing must show the certificate with the fingerprint it should have (by name where the
 * listing has none) and, on DigitalOcean, verified.
 *
 * Two runs at once: a create refused as NAME_TAKEN (DigitalOcean) means the other run uploaded
 * first; its certificate is adopted when it holds the same fingerprint. Where names are not
 * unique (Dokploy) both uploads land; the confirm step keeps the one with the lowest id, the
 * choice either run makes, and removes the other, so the two runs agree without talking.
 */
import { isProviderError } from '../providers/errors.ts';
import type { Provider, RemoteCertificate } from '../providers/provider.ts';
import type { ApplyContext, LineageWork } from './apply.ts';
import { holds } from './plan.ts';
import { type AppliedStep, certRef, failure, type Outcome, stepFailure } from './results.ts';

export type Made = { current: RemoteCertificate } | { missing: string };

/**
 * `arrived` collects the certificates the provider now holds because of this upload (the one
 * created or adopted, and the copy kept): the inventory after the run adds them.
 */
export async function createAndConfirm(
  ctx: ApplyContext,
  work: LineageWork,
  steps: AppliedStep[],
  arrived: RemoteCertificate[],
): Promise<Made> {
  const { upload, matcher } = work;
  const name = upload.name;
  let created: RemoteCertificate;
  let adopted: string | undefined;
  try {
    created = await ctx.provider.create(upload);
  } catch (thrown) {
    if (!isProviderError(thrown, 'NAME_TAKEN')) {
      steps.push({ op: 'create', name, outcome: failure(thrown) });
      return { missing: 'the create failed' };
    }
    const taken = await adopt(ctx.provider, work);
    if ('failed' in taken) {
      steps.push({ op: 'create', name, outcome: taken.failed });
      return { missing: 'the create failed' };
    }
    created = taken.certificate;
    adopted = `another run uploaded ${name} first (${created.id}), with the same fingerprint: it is used`;
  }
  if (created.name !== name && !matcher.belongs(created.name)) {
    // The same content under a name outside the lineage (made by hand, or another tool's): not ours to bind.
    steps.push({
      op: 'create',
      name,
      certificate: certRef(created),
      outcome: stepFailure(
        'NOT_IN_LINEAGE',
        `${ctx.provider.label} answered the upload of ${name} with ${created.name} (${created.id}), which is not part of lineage ${work.plan.desired.lineage}; it is left alone.`,
        'Run again: the next run uploads the certificate under its own name.',
      ),
    });
    return { missing: 'the create failed' };
  }
  steps.push({
    op: 'create',
    name,
    certificate: certRef(created),
    outcome: adopted ? { status: 'adopted', why: adopted } : { status: 'done' },
  });
  arrived.push(created);
  return confirm(ctx, work, created, steps, arrived);
}

/** After NAME_TAKEN: the certificate of that name, if it holds what we uploaded. */
async function adopt(
  provider: Provider,
  work: LineageWork,
): Promise<{ certificate: RemoteCertificate } | { failed: Extract<Outcome, { status: 'failed' }> }> {
  const { name } = work.upload;
  let listing: RemoteCertificate[];
  try {
    listing = await provider.list();
  } catch (thrown) {
    const failed = failure(thrown);
    return {
      failed: { ...failed, message: `${name} was taken, and looking for it failed: ${failed.message}` },
    };
  }
  const named = listing.filter((remote) => remote.name === name);
  const same = named.find((remote) => holds(remote, work.plan.desired, work.matcher));
  if (same) return { certificate: same };
  const holder = named[0];
  const what = holder
    ? `a certificate named ${name} (${holder.id}) holds fingerprint ${holder.sha1 ?? 'unknown'}, not ${work.upload.sha1}`
    : `${provider.label} said the name ${name} is taken, but no certificate of that name is listed`;
  return {
    failed: stepFailure(
      'NAME_TAKEN',
      `${what}: it is not this upload, and it is left alone.`,
      'Remove or rename that certificate if it is not wanted, or change the name template; then run again.',
    ),
  };
}

/**
 * After a create: the certificate is there, holds the fingerprint, is usable. Read back by id where
 * names are unique, else from a fresh listing (which also shows a same-named twin from a run at once).
 */
async function confirm(
  ctx: ApplyContext,
  work: LineageWork,
  created: RemoteCertificate,
  steps: AppliedStep[],
  arrived: RemoteCertificate[],
): Promise<Made> {
  let listing: RemoteCertificate[];
  try {
    const { readBack } = ctx.provider;
    if (readBack) {
      const found = await readBack.call(ctx.provider, created.id);
      listing = found === undefined ? [] : [found];
    } else listing = await ctx.provider.list();
  } catch (thrown) {
    steps.push({ op: 'confirm', certificate: certRef(created), outcome: unconfirmed(work, created, thrown) });
    return { missing: 'the new certificate could not be confirmed' };
  }
  const twins = listing
    .filter((remote) => remote.name === created.name && holds(remote, work.plan.desired, work.matcher))
    .sort((a, b) => a.id.localeCompare(b.id));
  const keeper = twins[0];
  if (!keeper) {
    const seen = listing.find((remote) => remote.id === created.id);
    const message = seen
      ? `${created.name} (${created.id}) is listed with fingerprint ${seen.sha1 ?? 'unknown'}, not ${work.upload.sha1}.`
      : `${created.name} (${created.id}) is not in ${ctx.provider.label}'s listing after its upload.`;
    steps.push({
      op: 'confirm',
      certificate: certRef(created),
      outcome: stepFailure('NOT_CONFIRMED', message, 'Run again: the next run looks afresh.'),
    });
    return { missing: 'the new certificate could not be confirmed' };
  }
  // As the listing (or read-back) shows it now: fresher than the create's answer.
  arrived.push(keeper);
  const unusable = notVerified(keeper);
  const note =
    keeper.id === created.id
      ? undefined
      : `another upload of the same content (${keeper.id}) is kept; ${created.id} is a duplicate`;
  steps.push({
    op: 'confirm',
    certificate: certRef(keeper),
    outcome: unusable ?? (note ? { status: 'done', note } : { status: 'done' }),
  });
  if (unusable) return { missing: `${keeper.name} is not verified` };

  const used = new Set((ctx.uses ?? []).flatMap((use) => use.certificateIds));
  for (const twin of twins.slice(1)) {
    if (used.has(twin.id)) continue;
    try {
      const result = await ctx.provider.remove(twin.id);
      steps.push({ op: 'remove-duplicate', certificate: certRef(twin), result, outcome: { status: 'done' } });
    } catch (thrown) {
      steps.push({ op: 'remove-duplicate', certificate: certRef(twin), outcome: failure(thrown) });
    }
  }
  return { current: keeper };
}

/**
 * The upload landed but reading it back failed (Dokploy: a rate-limited key refused after the
 * create): say exactly where that leaves things, since "failed" alone reads as nothing done.
 */
function unconfirmed(
  work: LineageWork,
  created: RemoteCertificate,
  thrown: unknown,
): Extract<Outcome, { status: 'failed' }> {
  const failed = failure(thrown);
  const olds = work.plan.steps.flatMap((step) =>
    step.op === 'remove' ? [`${step.certificate.name} (${step.certificate.id})`] : [],
  );
  const kept =
    olds.length === 0
      ? 'Nothing else was changed.'
      : `Nothing was moved or removed: ${olds.join(', ')} ${olds.length === 1 ? 'is' : 'are'} kept and still served.`;
  return {
    ...failed,
    message: `${created.name} (${created.id}) was uploaded but not confirmed: ${failed.message} ${kept}`,
    fix: `${failed.fix === undefined ? '' : `${failed.fix} `}A re-run finishes the job: it finds ${created.name} uploaded, confirms it and goes on from there.`,
  };
}

/**
 * DigitalOcean binds only a `verified` certificate: `pending` and `error` are its states that are
 * not (other providers' states, such as the Dokploy docs dialect's `active`/`expired`, say nothing
 * about whether it can be served).
 */
const UNVERIFIED = new Set(['pending', 'error']);

export function notVerified(certificate: RemoteCertificate): Outcome | undefined {
  if (certificate.state === undefined || !UNVERIFIED.has(certificate.state)) return undefined;
  return stepFailure(
    'NOT_VERIFIED',
    `${certificate.name} (${certificate.id}) is '${certificate.state}', not verified: nothing can be bound to it yet.`,
    certificate.state === 'error'
      ? 'Delete it in the control panel and run again.'
      : 'Run again once the provider has verified it.',
  );
}
