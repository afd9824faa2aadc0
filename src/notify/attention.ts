/**
 * What in a run needs someone to act, as data: certificates inside warn-days (or expired), what
 * failed (a certificate's errors, a lineage that could not be rotated, an endpoint serving the
 * wrong thing), and a failed live check. Pure: the decision (decide.ts) and both message forms
 * (slack.ts, summary.ts) read it.
 */
import { expiringSoon, type RunReport } from '../report/report.ts';
import { type LineageResult, wrote } from '../rotation/results.ts';

export type AttentionItem =
  | { kind: 'expiring'; what: string; notAfter: string; daysRemaining: number }
  /** A certificate, lineage or endpoint with errors: its status, and the codes that say what went wrong. */
  | { kind: 'failed'; what: string; status: string; codes: string[] }
  | { kind: 'verification-failed' }
  /** The provider's follow-up (Dokploy's Traefik reload) failed. */
  | { kind: 'settle-failed'; code: string }
  /** The run failed and nothing above says why (a safety net: an alert must never be lost). */
  | { kind: 'run-failed' };

/** Lineage outcomes that need a person (report/report.ts: GOOD is the rest). */
const BAD_OUTCOMES = new Set(['failed', 'blocked', 'partial', 'invalid']);

export function attentionOf(report: RunReport): AttentionItem[] {
  const items: AttentionItem[] = expiringSoon(report).map((e) => ({
    kind: 'expiring',
    what: e.what,
    notAfter: e.notAfter,
    daysRemaining: e.daysRemaining,
  }));
  // With several targets a lineage has a result on each: every failed step of any of them counts.
  const lineages = new Map<string, LineageResult[]>();
  for (const lineage of allLineages(report))
    lineages.set(lineage.lineage, [...(lineages.get(lineage.lineage) ?? []), lineage]);
  for (const cert of report.certificates) {
    const codes = new Set(cert.findings.filter((f) => f.level === 'error').map((f) => f.code as string));
    for (const lineage of cert.name === undefined ? [] : (lineages.get(cert.name) ?? []))
      for (const step of lineage.steps ?? [])
        if (step.outcome.status === 'failed') codes.add(step.outcome.code);
    if (codes.size > 0 || BAD_OUTCOMES.has(cert.outcome)) {
      items.push({ kind: 'failed', what: cert.label, status: cert.outcome, codes: [...codes] });
    }
  }
  for (const endpoint of report.served ?? []) {
    const codes = [...new Set(endpoint.findings.filter((f) => f.level === 'error').map((f) => f.code))];
    if (codes.length > 0) {
      items.push({ kind: 'failed', what: `${endpoint.host}:${endpoint.port}`, status: 'invalid', codes });
    }
  }
  for (const target of report.targets ?? []) {
    if (target.error) {
      items.push({
        kind: 'failed',
        what: `target ${target.name}`,
        status: 'failed',
        codes: [target.error.code],
      });
    }
  }
  if (report.verified === 'failed') items.push({ kind: 'verification-failed' });
  for (const settle of [report.rotation?.settle, ...(report.targets ?? []).map((t) => t.rotation?.settle)]) {
    if (settle?.status === 'failed') items.push({ kind: 'settle-failed', code: settle.code });
  }
  if (!report.ok && !items.some((i) => i.kind !== 'expiring')) items.push({ kind: 'run-failed' });
  return items;
}

/** Whether the run wrote anything at the provider: the `changed` output. */
export function changedBy(report: RunReport): boolean {
  return allLineages(report).some((l) => (l.steps ?? []).some(wrote));
}

/** Every lineage result of the run: of its one rotation, or of each target's. */
function allLineages(report: RunReport): LineageResult[] {
  return [
    ...(report.rotation?.lineages ?? []),
    ...(report.targets ?? []).flatMap((t) => t.rotation?.lineages ?? []),
  ];
}
