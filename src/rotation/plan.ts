/**
 * The plan for one lineage: a pure function of what is wanted and what the provider holds. It
 * decides, it does nothing; apply.ts carries it out in a safe order.
 *
 * - present: a member with the wanted fingerprint exists (by listed fingerprint, or, where the
 *   listing has none, by the fingerprint in its name) → nothing is uploaded;
 * - create: otherwise the new version is uploaded under its templated name;
 * - rebind: whatever uses a superseded member moves to the current certificate;
 * - remove: superseded members, oldest first, except the newest `keepSuperseded` (rollback) and
 *   any still used by something that will not be moved;
 * - foreign certificates are never in a plan: names outside the lineage, and names that fit it
 *   but carry a fingerprint their listed fingerprint contradicts (`web-202601151200` holding
 *   another site's certificate), which the plan lists as lookalikes to report;
 * - a use moves only to a version that covers what it serves (coverage.ts); one that would lose
 *   a name stays where it is, with its old version, and the plan says why.
 */
import type { CertificateUse, RemoteCertificate } from '../providers/provider.ts';
import { type CoveredNames, coverageOf, type Refusal } from './coverage.ts';
import type { NameMatcher } from './names.ts';

export interface Desired {
  lineage: string;
  /** The templated name a new upload gets. */
  name: string;
  sha1: string;
  sha256: string;
  notAfter: string;
  /** SHA-256 of the leaf's public key (SPKI DER): compared with what superseded versions certify. */
  keySha256?: string;
}

export interface PlanOptions {
  removeSuperseded: boolean;
  keepSuperseded: number;
  rebind: boolean;
  /**
   * Let a regional load balancer move to a version that does not cover every DNS name of the one
   * it uses now (allow-dropped-names). CDN endpoints and global load balancers name what they
   * serve: those are never moved to a version that does not cover it.
   */
  allowDroppedNames: boolean;
}

export const DEFAULT_PLAN_OPTIONS: PlanOptions = {
  removeSuperseded: true,
  keepSuperseded: 0,
  rebind: true,
  allowDroppedNames: false,
};

export interface PlanInput {
  desired: Desired;
  matcher: NameMatcher;
  inventory: readonly RemoteCertificate[];
  /** The inventory's members of this lineage, when already found (many lineages at once). */
  members?: readonly RemoteCertificate[];
  /** Where certificates are used; undefined where the provider binds nothing (Dokploy: SNI). */
  uses: readonly CertificateUse[] | undefined;
  /** The names the wanted version covers (its subjectAltName): what a use may be moved to serve. */
  covers: CoveredNames;
  options: PlanOptions;
}

/** A certificate whose name fits the lineage but whose listed fingerprint says it is another. */
export interface Lookalike {
  certificate: RemoteCertificate;
  why: string;
}

export type Step =
  | { op: 'create'; name: string; reason: string }
  | { op: 'unchanged'; certificate: RemoteCertificate; reason: string }
  /** Move `use` from the superseded `from` to the current certificate. */
  | { op: 'rebind'; use: CertificateUse; from: RemoteCertificate; reason: string }
  /** `after`: ids of the uses that must be moved off it first. */
  | { op: 'remove'; certificate: RemoteCertificate; after: string[]; reason: string }
  /** A superseded member that stays, and why. */
  | { op: 'keep'; certificate: RemoteCertificate; reason: string };

export type Current = { kind: 'present'; certificate: RemoteCertificate } | { kind: 'create'; name: string };

export interface LineagePlan {
  desired: Desired;
  current: Current;
  steps: Step[];
  /** Set when the plan cannot be carried out at all; then `steps` is empty. */
  blocked?: string;
  /** Certificates in the inventory that are not part of this lineage (left alone). */
  foreign: number;
  /** Of the foreign ones: names that fit the lineage, contradicted by their listed fingerprints. */
  lookalikes?: Lookalike[];
  /** Members known by their names alone: the listing has no fingerprint to check the name against. */
  byNameAlone?: RemoteCertificate[];
  /** Moves refused because the wanted version does not cover what the use serves. */
  refused?: Refusal[];
  /** Moves whose names could not be compared: the old version lists no DNS names. */
  unchecked?: { use: CertificateUse; from: RemoteCertificate }[];
  /**
   * Superseded versions that certify the same public key as the wanted one (a renewal that kept
   * its key). Only where the listing carries the certificates (Dokploy); a warning, never a block.
   */
  keyReused?: RemoteCertificate[];
}

/** Said of a move whose old version lists no DNS names (DigitalOcean's custom certificates). */
export const UNCHECKED = 'it is listed without DNS names, so they could not be compared with the new version';

export function planLineage(input: PlanInput): LineagePlan {
  const { desired, matcher, inventory, uses, options } = input;
  const fitting = input.members ?? inventory.filter((remote) => matcher.belongs(remote.name));
  const lookalikes: Lookalike[] = [];
  const members: RemoteCertificate[] = [];
  for (const remote of fitting) {
    const why = matcher.contradiction(remote);
    if (why === undefined) members.push(remote);
    else lookalikes.push({ certificate: remote, why });
  }
  const foreign = inventory.length - members.length;
  const notes = noted({ lookalikes, byNameAlone: members.filter((m) => byName(m, desired, matcher)) });
  const isDesired = (remote: RemoteCertificate) => holds(remote, desired, matcher);

  const present = members
    .filter(isDesired)
    .sort((a, b) => Number(b.name === desired.name) - Number(a.name === desired.name))[0];
  // The desired name fits the lineage's template: a certificate holding it is a member or a lookalike.
  const clash = !present && fitting.find((remote) => remote.name === desired.name);
  if (clash) {
    return {
      desired,
      current: { kind: 'create', name: desired.name },
      steps: [],
      foreign,
      ...notes,
      blocked: `a certificate named ${desired.name} (${clash.id}) already exists with fingerprint ${clash.sha1 ?? 'unknown'}, not ${desired.sha1}: it cannot be replaced or reused.`,
    };
  }

  const steps: Step[] = [];
  const current: Current = present
    ? { kind: 'present', certificate: present }
    : { kind: 'create', name: desired.name };
  if (present) {
    steps.push({ op: 'unchanged', certificate: present, reason: 'this content is already uploaded' });
  } else {
    steps.push({
      op: 'create',
      name: desired.name,
      reason: `no version with fingerprint ${desired.sha1.slice(0, 12)}… is there`,
    });
  }

  // Other members holding the same content (an earlier name) are not superseded: same certificate.
  const superseded = members.filter((m) => m !== present && !isDesired(m)).sort(byAge);
  const rollback = new Set(options.keepSuperseded > 0 ? superseded.slice(-options.keepSuperseded) : []);
  const rebinds: Step[] = [];
  const removals: Step[] = [];
  const keeps: Step[] = [];
  const refused: Refusal[] = [];
  const unchecked: { use: CertificateUse; from: RemoteCertificate }[] = [];
  for (const old of superseded) {
    const users = (uses ?? []).filter((use) => use.certificateIds.includes(old.id));
    const stuck = users.filter((use) => !options.rebind || use.managedBy !== undefined);
    const refusedHere: Refusal[] = [];
    for (const use of users) {
      if (stuck.includes(use)) continue;
      const coverage = coverageOf(use, old, input.covers, options.allowDroppedNames);
      if (coverage.refused) {
        refusedHere.push({ use, from: old, ...coverage.refused });
        continue;
      }
      const reason = `it uses ${old.name}, which is superseded`;
      if (coverage.unknown) unchecked.push({ use, from: old });
      rebinds.push({
        op: 'rebind',
        use,
        from: old,
        reason: coverage.unknown ? `${reason} (${UNCHECKED})` : reason,
      });
    }
    for (const refusal of refusedHere) refused.push(refusal);
    if (stuck.length > 0 || refusedHere.length > 0) {
      const reasons = [
        ...(stuck.length > 0 ? [stuckReason(stuck, options.rebind)] : []),
        ...refusedHere.map((r) => `still used by ${describeUse(r.use)}: ${r.why}`),
      ];
      keeps.push({ op: 'keep', certificate: old, reason: reasons.join('; ') });
    } else if (rollback.has(old)) {
      keeps.push({
        op: 'keep',
        certificate: old,
        reason: `rollback: keep-superseded is ${options.keepSuperseded}`,
      });
    } else if (!options.removeSuperseded) {
      keeps.push({ op: 'keep', certificate: old, reason: 'remove-superseded is off' });
    } else {
      removals.push({
        op: 'remove',
        certificate: old,
        after: users.map((use) => use.id),
        reason:
          users.length > 0 ? 'superseded; nothing uses it once its users are moved' : 'superseded and unused',
      });
    }
  }
  // As many removals as the provider lists old versions: appended one by one, never spread.
  for (const step of [rebinds, removals, keeps].flat()) steps.push(step);
  const keyReused = superseded.filter((old) => sameKey(old, desired));
  return {
    desired,
    current,
    steps,
    foreign,
    ...notes,
    ...(refused.length > 0 ? { refused } : {}),
    ...(unchecked.length > 0 ? { unchecked } : {}),
    ...(keyReused.length > 0 ? { keyReused } : {}),
  };
}

/** The plan's optional lists, only when they hold something (a plan stays small to compare). */
function noted(lists: {
  lookalikes: Lookalike[];
  byNameAlone: RemoteCertificate[];
}): Pick<LineagePlan, 'lookalikes' | 'byNameAlone'> {
  return {
    ...(lists.lookalikes.length > 0 ? { lookalikes: lists.lookalikes } : {}),
    ...(lists.byNameAlone.length > 0 ? { byNameAlone: lists.byNameAlone } : {}),
  };
}

/**
 * A member taken for a version on the strength of its name: the listing has no fingerprint of a
 * kind the name carries. The bare lineage name carries none; it counts only when nothing is listed.
 */
function byName(remote: RemoteCertificate, desired: Desired, matcher: NameMatcher): boolean {
  if (remote.name === desired.lineage) return remote.sha1 === undefined && remote.sha256 === undefined;
  return !matcher.checkable(remote);
}

/** Does `remote` hold the wanted content? By fingerprint, or by the one in its name when none is listed. */
export function holds(remote: RemoteCertificate, desired: Desired, matcher: NameMatcher): boolean {
  if (remote.sha1 !== undefined) return remote.sha1 === desired.sha1;
  const named = matcher.fingerprintOf(remote.name);
  if (!named) return false;
  return (named.kind === 'sha1' ? desired.sha1 : desired.sha256).startsWith(named.prefix);
}

/** Both public keys known and equal: never a guess where the listing carries no certificate. */
function sameKey(remote: RemoteCertificate, desired: Desired): boolean {
  return desired.keySha256 !== undefined && remote.keySha256 === desired.keySha256;
}

/** Oldest first: by upload time, then by expiry, then by name (stable); unknown times sort first. */
function byAge(a: RemoteCertificate, b: RemoteCertificate): number {
  return (
    (a.createdAt ?? '').localeCompare(b.createdAt ?? '') ||
    (a.notAfter ?? '').localeCompare(b.notAfter ?? '') ||
    a.name.localeCompare(b.name)
  );
}

function stuckReason(stuck: readonly CertificateUse[], rebind: boolean): string {
  const names = stuck.map((use) => `${describeUse(use)}`).join(', ');
  const managed = stuck.find((use) => use.managedBy !== undefined);
  if (rebind && managed) {
    return `still used by ${names}, managed by ${managed.managedBy}: change it there (for DOKS, the Service annotation)`;
  }
  return `still used by ${names}, and rebind is off`;
}

export function describeUse(use: CertificateUse): string {
  const kind =
    use.kind === 'cdn-endpoint'
      ? 'CDN endpoint'
      : use.kind === 'global-load-balancer'
        ? 'global load balancer'
        : 'load balancer';
  return `${kind} ${use.name} (${use.id})`;
}
