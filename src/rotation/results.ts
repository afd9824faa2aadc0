/**
 * What a rotation reports: plain data (JSON as it is), public facts only. Upload texts and keys
 * never enter it; certificates and the things that use them appear by id and name. Every step of
 * an applied plan says what happened to it: `done`, `adopted` (another run had uploaded the same
 * content first), `skipped` (with the step it waited on) or `failed` (with the error's code).
 */
import { CertRotateError, toError } from '../errors.ts';
import { isProviderError, type ProviderErrorCode } from '../providers/errors.ts';
import type { CertificateUse, RemoteCertificate, UseKind } from '../providers/provider.ts';
import type { LineageVerification } from '../verification/verdict.ts';
import type { LineagePlan } from './plan.ts';

export type RotationMode = 'plan' | 'apply';

/**
 * - created: uploaded (or adopted), nothing else to do;
 * - rotated: users moved and/or superseded versions removed (an upload too, or a re-run finishing one);
 * - unchanged: nothing was (or, in plan mode, would be) written;
 * - planned: plan mode, writes would happen;
 * - partial: some writes happened, some failed or were skipped: a re-run finishes the job;
 * - failed: nothing was written, or the new certificate could not be uploaded or confirmed;
 * - blocked: the plan cannot be carried out at all (a name taken by other content, say), or a
 *   use could not be moved because the new version does not cover what it serves (with nothing
 *   else written; with other writes, that is partial).
 */
export type LineageStatus =
  | 'created'
  | 'rotated'
  | 'unchanged'
  | 'planned'
  | 'partial'
  | 'failed'
  | 'blocked';

/** A ProviderError's code, or what the rotation itself found. */
export type StepErrorCode =
  | ProviderErrorCode
  /** The new certificate is not in the listing after its create, or not with its fingerprint. */
  | 'NOT_CONFIRMED'
  /** DigitalOcean: the current certificate is not `verified`, so nothing can be bound to it. */
  | 'NOT_VERIFIED'
  /** The provider handed back a certificate outside the lineage (never used as current). */
  | 'NOT_IN_LINEAGE'
  /** The plan needs a rebind this provider cannot do. */
  | 'UNSUPPORTED'
  /** Anything not a coded error: a bug, reported rather than stopping the other lineages. */
  | 'INTERNAL'
  /** An endpoint still serves something other than the new certificate when the wait ends. */
  | 'NOT_SERVED';

export type Outcome =
  | { status: 'done'; note?: string }
  | { status: 'adopted'; why: string }
  /** `refused`: not attempted because it would be wrong (coverage.ts), not because a step before it failed. */
  | { status: 'skipped'; why: string; refused?: true }
  | { status: 'failed'; code: StepErrorCode; message: string; fix?: string };

export interface CertRef {
  id: string;
  name: string;
}

export interface UseRef {
  kind: UseKind;
  id: string;
  name: string;
}

export type AppliedStep =
  | { op: 'create'; name: string; certificate?: CertRef; outcome: Outcome }
  /** The listing after the create: the certificate is there, with the fingerprint it should have. */
  | { op: 'confirm'; certificate?: CertRef; outcome: Outcome }
  | { op: 'unchanged'; certificate: CertRef; outcome: Outcome }
  /** A second upload of the same content under the same name (two runs at once): one is kept. */
  | { op: 'remove-duplicate'; certificate: CertRef; result?: RemoveResult; outcome: Outcome }
  | { op: 'rebind'; use: UseRef; from: CertRef; to?: CertRef; outcome: Outcome }
  | { op: 'remove'; certificate: CertRef; result?: RemoveResult; outcome: Outcome }
  | { op: 'keep'; certificate: CertRef; reason: string; outcome: Outcome }
  /** The live check of what clients are served (verification/), before anything is removed. */
  | { op: 'verify'; endpoints: number; outcome: Outcome }
  /** After a failed verification (on-verify-failure: rollback): a use moved back to the version it was on. */
  | { op: 'rollback'; use: UseRef; from: CertRef; to: CertRef; outcome: Outcome };

export type RemoveResult = 'removed' | 'already-gone';

export interface LineageResult {
  lineage: string;
  status: LineageStatus;
  plan: LineagePlan;
  /** Apply mode: every step, in the order it was carried out (or skipped). */
  steps?: AppliedStep[];
  /** Apply mode: the certificate that is current when the run ends, if one is. */
  current?: CertRef;
  /** Superseded versions something still serves and the rotation could not move (DOKS, rebind off). */
  attention: string[];
  /** Plan: the endpoints apply would verify (`host:port`). Apply: what the live check found. */
  endpoints?: string[];
  verification?: LineageVerification;
}

export type SettleOutcome =
  /** Acknowledged, not seen done: the provider carries it out after its reply (Dokploy's reload). */
  | { status: 'requested'; what: string; note: string }
  | { status: 'not-needed'; why: string }
  | { status: 'failed'; code: StepErrorCode; message: string; fix?: string };

export interface RotationResult {
  mode: RotationMode;
  lineages: LineageResult[];
  /** Apply mode, where the provider has something to do after changes (Dokploy's Traefik reload). */
  settle?: SettleOutcome;
  /** Dokploy: the one extra Traefik reload asked for when an endpoint still served an old certificate. */
  reload?: SettleOutcome;
  /** Dokploy: the reload after superseded versions were removed because Traefik preferred them (rotate.ts). */
  handoverReload?: SettleOutcome;
  /** HTTP requests this run sent, retries included. */
  requests: number;
  /**
   * What the provider holds when the run ends, and the lineage each belongs to. Plan mode: the
   * listing. Apply mode: the listing with the steps carried out laid over it (rotate.ts).
   */
  inventory: InventoryItem[];
}

export interface InventoryItem {
  certificate: RemoteCertificate;
  /** The run's lineage it belongs to; undefined for certificates the run does not manage. */
  lineage?: string;
  /**
   * Apply mode: `added` when this run uploaded (or adopted) it, `removed` when this run removed
   * it (kept in the list so the reader sees what went). Absent: there before, and still there.
   */
  change?: 'added' | 'removed';
}

export function certRef(remote: RemoteCertificate): CertRef {
  return { id: remote.id, name: remote.name };
}

export function useRef(use: CertificateUse): UseRef {
  return { kind: use.kind, id: use.id, name: use.name };
}

/** Anything thrown, as a failed outcome: coded errors keep their code and fix. */
export function failure(thrown: unknown): Extract<Outcome, { status: 'failed' }> {
  const fix = thrown instanceof CertRotateError ? thrown.fix : undefined;
  const code: StepErrorCode = isProviderError(thrown) ? thrown.providerCode : 'INTERNAL';
  return { status: 'failed', code, message: toError(thrown).message, ...(fix === undefined ? {} : { fix }) };
}

export function stepFailure(
  code: StepErrorCode,
  message: string,
  fix?: string,
): Extract<Outcome, { status: 'failed' }> {
  return { status: 'failed', code, message, ...(fix === undefined ? {} : { fix }) };
}

const WRITES = new Set<AppliedStep['op']>(['create', 'remove-duplicate', 'rebind', 'remove', 'rollback']);

/** Did the step change anything at the provider (or find it changed by another run)? */
export function wrote(step: AppliedStep): boolean {
  return WRITES.has(step.op) && (step.outcome.status === 'done' || step.outcome.status === 'adopted');
}

export function applyStatus(steps: readonly AppliedStep[]): LineageStatus {
  const current = steps.filter((s) => s.op === 'create' || s.op === 'confirm' || s.op === 'unchanged');
  if (current.some((s) => s.outcome.status === 'failed')) return 'failed';
  const troubled = steps.filter((s) => s.outcome.status === 'failed' || s.outcome.status === 'skipped');
  const uploaded = steps.some((s) => s.op === 'create' && wrote(s));
  const moved = steps.some((s) => s.op !== 'create' && wrote(s));
  if (troubled.length > 0) {
    if (uploaded || moved) return 'partial';
    const refusedOnly = troubled.every((s) => s.outcome.status === 'skipped' && s.outcome.refused);
    return refusedOnly ? 'blocked' : 'failed';
  }
  if (moved) return 'rotated';
  return uploaded ? 'created' : 'unchanged';
}

export function planStatus(plan: LineagePlan): LineageStatus {
  // A refused move leaves a use on an old version: apply cannot finish the rotation as it stands.
  if (plan.blocked !== undefined || (plan.refused ?? []).length > 0) return 'blocked';
  return plan.steps.some((s) => s.op === 'create' || s.op === 'rebind' || s.op === 'remove')
    ? 'planned'
    : 'unchanged';
}
