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
 * - foreign certificates (names outside the lineage) are never in a plan.
 */
import type { CertificateUse, RemoteCertificate } from '../providers/provider.ts';
import type { NameMatcher } from './names.ts';

export interface Desired {
  lineage: string;
  /** The templated name a new upload gets. */
  name: string;
  sha1: string;
  sha256: string;
  notAfter: string;
}

export interface PlanOptions {
  removeSuperseded: boolean;
  keepSuperseded: number;
  rebind: boolean;
}

export const DEFAULT_PLAN_OPTIONS: PlanOptions = { removeSuperseded: true, keepSuperseded: 0, rebind: true };

export interface PlanInput {
  desired: Desired;
  matcher: NameMatcher;
  inventory: readonly RemoteCertificate[];
  /** The inventory's members of this lineage, when already found (many lineages at once). */
  members?: readonly RemoteCertificate[];
  /** Where certificates are used; undefined where the provider binds nothing (Dokploy: SNI). */
  uses: readonly CertificateUse[] | undefined;
  options: PlanOptions;
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
}

export function planLineage(input: PlanInput): LineagePlan {
  const { desired, matcher, inventory, uses, options } = input;
  const members = input.members ?? inventory.filter((remote) => matcher.belongs(remote.name));
  const foreign = inventory.length - members.length;
  const isDesired = (remote: RemoteCertificate) => holds(remote, desired, matcher);

  const present = members
    .filter(isDesired)
    .sort((a, b) => Number(b.name === desired.name) - Number(a.name === desired.name))[0];
  // The desired name fits the lineage's template, so a certificate holding it is a member.
  const clash = !present && members.find((remote) => remote.name === desired.name);
  if (clash) {
    return {
      desired,
      current: { kind: 'create', name: desired.name },
      steps: [],
      foreign,
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
  for (const old of superseded) {
    const users = (uses ?? []).filter((use) => use.certificateIds.includes(old.id));
    const stuck = users.filter((use) => !options.rebind || use.managedBy !== undefined);
    for (const use of users) {
      if (stuck.includes(use)) continue;
      rebinds.push({ op: 'rebind', use, from: old, reason: `it uses ${old.name}, which is superseded` });
    }
    if (stuck.length > 0) {
      keeps.push({ op: 'keep', certificate: old, reason: stuckReason(stuck, options.rebind) });
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
  return { desired, current, steps, foreign };
}

/** Does `remote` hold the wanted content? By fingerprint, or by the one in its name when none is listed. */
export function holds(remote: RemoteCertificate, desired: Desired, matcher: NameMatcher): boolean {
  if (remote.sha1 !== undefined) return remote.sha1 === desired.sha1;
  const named = matcher.fingerprintOf(remote.name);
  if (!named) return false;
  return (named.kind === 'sha1' ? desired.sha1 : desired.sha256).startsWith(named.prefix);
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
