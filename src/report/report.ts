/**
 * The run's report: what every presentation (terminal text, job summary, PR comment, expiry
 * issue, the `report` output) is made from. It holds public facts only: the upload texts, and so
 * the private key, never enter it.
 */
import type { ChainEntry } from '../certs/bundle.ts';
import type { Finding } from '../certs/findings.ts';
import { plural } from '../plural.ts';
import { type CertFacts, daysUntil } from '../certs/inspect.ts';
import { keyReuseFindings } from '../rotation/key-reuse.ts';
import type { LineageStatus, RotationResult } from '../rotation/results.ts';
import type { Checked } from '../run.ts';
import type { Mode, Settings } from '../settings.ts';
import type { CheckRun, ServedEndpoint } from '../verification/check-run.ts';
import { formatEndpoint, type SkippedDomain } from '../verification/endpoints.ts';
import { overallVerified, type VerifyStatus } from '../verification/verdict.ts';
import type { TargetOutcome } from '../fleet/run-targets.ts';
import type { MatrixEntry } from '../fleet/shards.ts';

/** What became of one certificate: its rotation status, or its check's verdict. */
export type CertificateOutcome = LineageStatus | 'valid' | 'invalid';

export interface CertificateReport {
  /** The lineage name, when given. */
  name?: string;
  /** What to call it: the name; without one, the subject (CN, else first SAN), else where it came from. */
  label: string;
  /** Names it was required to cover. */
  domains: string[];
  status: 'valid' | 'invalid';
  outcome: CertificateOutcome;
  leaf?: CertFacts;
  chain: ChainEntry[];
  orderFound: string[];
  findings: Finding[];
}

/** A certificate the provider holds when the run ends (rotation/results.ts: InventoryItem). */
export interface InventoryEntry {
  id: string;
  name: string;
  notAfter?: string;
  daysRemaining?: number;
  dnsNames: string[];
  state?: string;
  /** The run's lineage it belongs to; absent for certificates the run does not manage. */
  lineage?: string;
  /** Apply mode: uploaded by this run, or removed by it (then no longer held). */
  change?: 'added' | 'removed';
}

export interface RunReport {
  mode: Mode;
  ok: boolean;
  generatedAt: string;
  warnDays: number;
  failDays: number;
  counts: { errors: number; warnings: number; notices: number };
  certificates: CertificateReport[];
  /** What was left out and why (a pull request without secrets). */
  skipped: string[];
  /** Plan and apply: what was planned, what was done. */
  rotation?: Omit<RotationResult, 'inventory'>;
  /** With `inventory: true`: everything the provider holds after the run, and what it removed. */
  inventory?: InventoryEntry[];
  /**
   * Several targets (a manifest's `targets:`): each one's rotation and inventory, or why it could
   * not be rotated at all. `rotation` and `inventory` are then absent.
   */
  targets?: TargetReport[];
  /** Plan and validate: how the work spreads over jobs (the `matrix` output). */
  matrix?: MatrixEntry[];
  /** `shard`: the one shard this run did. */
  shard?: string;
  /** Check mode: what each endpoint address served, judged. */
  served?: ServedEndpoint[];
  /** Check mode: wildcard domains with no endpoint to check them through. */
  servedSkipped?: SkippedDomain[];
  /** Apply (and check): the live check's verdict over the run. */
  verified?: VerifyStatus;
}

export interface TargetReport {
  name: string;
  label: string;
  lineages: string[];
  rotation?: Omit<RotationResult, 'inventory'>;
  inventory?: InventoryEntry[];
  error?: { code: string; message: string; fix?: string };
}

/** Statuses of a lineage that are a success; anything else fails the run. */
const GOOD = new Set<LineageStatus>(['created', 'rotated', 'unchanged', 'planned']);

export function rotationOk(rotation: Pick<RotationResult, 'lineages' | 'settle'>): boolean {
  return rotation.lineages.every((l) => GOOD.has(l.status)) && rotation.settle?.status !== 'failed';
}

export interface ReportInput {
  settings: Pick<Settings, 'mode' | 'warnDays' | 'failDays' | 'inventory'> & Partial<Pick<Settings, 'shard'>>;
  checked: readonly Checked[];
  skipped: readonly string[];
  now: Date;
  rotation?: RotationResult;
  /** Several targets: each one's outcome (fleet/run-targets.ts). */
  targets?: readonly TargetOutcome[];
  matrix?: readonly MatrixEntry[];
  served?: CheckRun;
}

export function buildReport(input: ReportInput): RunReport {
  const { settings, rotation, now } = input;
  const certificates = input.checked.map(({ certificate, bundle }): CertificateReport => {
    const status = bundle.ok ? 'valid' : 'invalid';
    const lineage = rotation?.lineages.find((l) => l.lineage === certificate.name);
    const report: CertificateReport = {
      label: certificate.name ?? subjectLabel(bundle.leaf) ?? certificate.label,
      domains: certificate.domains,
      status,
      outcome: lineage?.status ?? acrossTargets(input.targets, certificate.name) ?? status,
      chain: bundle.chain,
      orderFound: bundle.orderFound,
      // What only the provider's listing shows (a reused key) joins the certificate's own findings.
      findings:
        lineage === undefined
          ? bundle.findings
          : [...bundle.findings, ...keyReuseFindings(lineage.plan, bundle.leaf?.subject)],
    };
    if (certificate.name !== undefined) report.name = certificate.name;
    if (bundle.leaf) report.leaf = bundle.leaf;
    return report;
  });
  const servedFindings = input.served?.endpoints.flatMap((e) => e.findings) ?? [];
  const all = [...certificates.flatMap((c) => c.findings), ...servedFindings];
  const count = (level: Finding['level']) => all.filter((f) => f.level === level).length;
  const report: RunReport = {
    mode: settings.mode,
    ok:
      certificates.every((c) => c.status === 'valid') &&
      (rotation === undefined || rotationOk(rotation)) &&
      (input.targets ?? []).every((t) => t.result !== undefined && rotationOk(t.result)) &&
      !servedFindings.some((f) => f.level === 'error'),
    generatedAt: now.toISOString(),
    warnDays: settings.warnDays,
    failDays: settings.failDays,
    counts: { errors: count('error'), warnings: count('warning'), notices: count('notice') },
    certificates,
    skipped: [...input.skipped],
  };
  if (rotation) {
    const { inventory, ...rest } = rotation;
    report.rotation = rest;
    if (settings.inventory) report.inventory = inventory.map((item) => inventoryEntry(item, now));
    const verifications = rotation.lineages.flatMap((l) => (l.verification ? [l.verification] : []));
    if (rotation.mode === 'apply' && verifications.length > 0)
      report.verified = overallVerified(verifications);
  }
  if (input.matrix) report.matrix = [...input.matrix];
  const shard = input.settings.shard;
  if (shard) report.shard = shard.count > 1 ? `${shard.target}/${shard.index}/${shard.count}` : shard.target;
  if (input.targets) {
    report.targets = input.targets.map((t) => targetReport(t, settings.inventory, now));
    const verifications = input.targets.flatMap((t) =>
      t.result?.mode === 'apply'
        ? t.result.lineages.flatMap((l) => (l.verification ? [l.verification] : []))
        : [],
    );
    if (verifications.length > 0) report.verified = overallVerified(verifications);
  }
  if (input.served) {
    report.served = input.served.endpoints;
    report.servedSkipped = input.served.skipped;
    report.verified = servedFindings.some((f) => f.level === 'error') ? 'failed' : 'verified';
  }
  return report;
}

/** A certificate's outcome over the targets it went to: the worst; `failed` where a target could not be rotated. */
function acrossTargets(
  targets: readonly TargetOutcome[] | undefined,
  name: string | undefined,
): CertificateOutcome | undefined {
  if (targets === undefined || name === undefined) return undefined;
  const outcomes = new Set<CertificateOutcome>();
  for (const target of targets) {
    if (!target.lineages.includes(name)) continue;
    const status = target.result?.lineages.find((l) => l.lineage === name)?.status;
    outcomes.add(target.error !== undefined ? 'failed' : (status ?? 'failed'));
  }
  return PRIORITY.find((status) => outcomes.has(status));
}

function targetReport(target: TargetOutcome, inventory: boolean, now: Date): TargetReport {
  const out: TargetReport = { name: target.name, label: target.label, lineages: [...target.lineages] };
  if (target.result) {
    const { inventory: items, ...rotation } = target.result;
    out.rotation = rotation;
    if (inventory) out.inventory = items.map((item) => inventoryEntry(item, now));
  }
  if (target.error) out.error = target.error;
  return out;
}

/** An unnamed certificate is called what it is for: its CN, else the first name it covers. */
function subjectLabel(leaf: CertFacts | undefined): string | undefined {
  if (leaf === undefined) return undefined;
  return leaf.commonName || leaf.dnsNames[0] || leaf.ipAddresses[0];
}

function inventoryEntry(item: RotationResult['inventory'][number], now: Date): InventoryEntry {
  const { certificate } = item;
  const entry: InventoryEntry = {
    id: certificate.id,
    name: certificate.name,
    dnsNames: certificate.dnsNames,
  };
  const expiry = certificate.notAfter === undefined ? undefined : new Date(certificate.notAfter);
  if (expiry !== undefined && !Number.isNaN(expiry.getTime())) {
    entry.notAfter = expiry.toISOString();
    entry.daysRemaining = daysUntil(expiry, now);
  }
  if (certificate.state !== undefined) entry.state = certificate.state;
  if (item.lineage !== undefined) entry.lineage = item.lineage;
  if (item.change !== undefined) entry.change = item.change;
  return entry;
}

/**
 * Worst first: the run's one-word status is the first of these any certificate has. The README's
 * and action.yml's `status` output describe this order (__tests__/status-docs.test.ts).
 */
export const PRIORITY: readonly CertificateOutcome[] = [
  'failed',
  'blocked',
  'partial',
  'invalid',
  'rotated',
  'created',
  'planned',
  'unchanged',
  'valid',
];

export type RunStatus = CertificateOutcome | 'skipped' | 'none';

/**
 * The run's status in one word (the `status` output): the worst outcome among its certificates;
 * `skipped` when a pull request could check none (their secrets are not passed), `none` when
 * there were none to check (an inventory-only run).
 */
export function overallStatus(report: RunReport): RunStatus {
  if (report.served !== undefined) {
    if (report.served.length === 0) return 'none';
    return report.served.some((e) => e.findings.some((f) => f.level === 'error')) ? 'invalid' : 'valid';
  }
  const outcomes = new Set(report.certificates.map((c) => c.outcome));
  const worst = PRIORITY.find((status) => outcomes.has(status));
  if (worst !== undefined) return worst;
  return report.skipped.length > 0 ? 'skipped' : 'none';
}

export function verdict(report: RunReport): string {
  const { errors, warnings } = report.counts;
  const tally = `(${[plural(errors, 'error'), plural(warnings, 'warning')].join(', ')})`;
  const settleFailed = report.rotation?.settle?.status === 'failed' ? ', settle failed' : '';
  const { certificates } = report;
  if (report.served !== undefined) {
    const bad = report.served.filter((e) => e.findings.some((f) => f.level === 'error')).length;
    return `${plural(report.served.length, 'endpoint address', 'endpoint addresses')} checked${bad > 0 ? `, ${bad} with errors` : ''} ${tally}`;
  }
  if (certificates.length === 1) return `${certificates[0]?.outcome}${settleFailed} ${tally}`;
  if (certificates.length === 0) {
    if (report.inventory) return `inventory of ${plural(held(report.inventory).length, 'certificate')}`;
    return report.skipped.length > 0 ? 'skipped: nothing could be checked' : 'no certificates';
  }
  const tallies = new Map<string, number>();
  for (const c of certificates) tallies.set(c.outcome, (tallies.get(c.outcome) ?? 0) + 1);
  const parts = PRIORITY.filter((s) => tallies.has(s)).map((s) => `${tallies.get(s)} ${s}`);
  return `${plural(certificates.length, 'certificate')}: ${parts.join(', ')}${settleFailed} ${tally}`;
}

/** What the provider still holds: the inventory without what this run removed. */
export function held(inventory: readonly InventoryEntry[]): InventoryEntry[] {
  return inventory.filter((entry) => entry.change !== 'removed');
}

export interface Expiring {
  /** The name or label of a checked certificate, or the provider's name for an inventory one. */
  what: string;
  notAfter: string;
  daysRemaining: number;
  source: 'checked' | 'inventory' | 'served';
}

/** Everything inside warn-days (or expired): what an expiry issue lists, soonest first. */
export function expiringSoon(report: RunReport): Expiring[] {
  const out: Expiring[] = [];
  for (const c of report.certificates) {
    // Inside warn-days, or (warn-percent) a leaf's expiry finding said by its share of its lifetime.
    const byShare = c.findings.some(
      (f) => (f.code === 'EXPIRING' || f.code === 'EXPIRES_SOON') && f.subject === c.leaf?.subject,
    );
    if (c.leaf && (c.leaf.daysRemaining <= report.warnDays || byShare)) {
      out.push({
        what: c.label,
        notAfter: c.leaf.notAfter,
        daysRemaining: c.leaf.daysRemaining,
        source: 'checked',
      });
    }
  }
  const inventories = [
    ...(report.inventory ?? []),
    ...(report.targets ?? []).flatMap((t) =>
      (t.inventory ?? []).map((e) => ({ ...e, name: `${e.name} (${t.name})` })),
    ),
  ];
  for (const entry of held(inventories)) {
    if (
      entry.daysRemaining !== undefined &&
      entry.notAfter !== undefined &&
      entry.daysRemaining <= report.warnDays
    ) {
      out.push({
        what: entry.name,
        notAfter: entry.notAfter,
        daysRemaining: entry.daysRemaining,
        source: 'inventory',
      });
    }
  }
  for (const entry of report.served ?? []) {
    if (entry.daysRemaining === undefined || entry.notAfter === undefined) continue;
    // Inside warn-days, or under warn-percent of its lifetime (assess.ts says either as EXPIRING/EXPIRES_SOON).
    const late = entry.findings.some((f) => ['EXPIRED', 'EXPIRES_SOON', 'EXPIRING'].includes(f.code));
    if (entry.daysRemaining <= report.warnDays || late) {
      out.push({
        what: `${formatEndpoint(entry)}${entry.address === undefined ? '' : ` at ${entry.address}`}`,
        notAfter: entry.notAfter,
        daysRemaining: entry.daysRemaining,
        source: 'served',
      });
    }
  }
  return out.sort((a, b) => a.daysRemaining - b.daysRemaining);
}
