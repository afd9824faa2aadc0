/**
 * What in a run needs someone to act, as data: certificates inside warn-days (or expired), what
 * failed (a certificate's errors, a lineage that could not be rotated, an endpoint serving the
 * wrong thing), and a failed live check. Pure: the decision (decide.ts) and both message forms
 * (slack.ts, summary.ts) read it.
 */
import { expiringSoon, type RunReport } from '../report/report.ts';
import { wrote } from '../rotation/results.ts';

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
  const lineages = new Map((report.rotation?.lineages ?? []).map((l) => [l.lineage, l]));
  for (const cert of report.certificates) {
    const codes = new Set(cert.findings.filter((f) => f.level === 'error').map((f) => f.code as string));
    const lineage = cert.name === undefined ? undefined : lineages.get(cert.name);
    for (const step of lineage?.steps ?? [])
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
  if (report.verified === 'failed') items.push({ kind: 'verification-failed' });
  const settle = report.rotation?.settle;
  if (settle?.status === 'failed') items.push({ kind: 'settle-failed', code: settle.code });
  if (!report.ok && !items.some((i) => i.kind !== 'expiring')) items.push({ kind: 'run-failed' });
  return items;
}

/** Whether the run wrote anything at the provider: the `changed` output. */
export function changedBy(report: RunReport): boolean {
  return (report.rotation?.lineages ?? []).some((l) => (l.steps ?? []).some(wrote));
}
