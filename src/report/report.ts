/**
 * The run's report: what every presentation (terminal text, job summary, the `report` output)
 * is made from. It holds public facts only: the upload texts, and so the private key, never
 * enter it.
 */
import type { ChainEntry, CheckedBundle } from '../certs/bundle.ts';
import type { Finding } from '../certs/findings.ts';
import type { CertFacts } from '../certs/inspect.ts';
import type { RotationResult } from '../rotation/results.ts';
import type { Mode } from '../settings.ts';

export interface CertificateReport {
  status: 'valid' | 'invalid';
  leaf?: CertFacts;
  chain: ChainEntry[];
  orderFound: string[];
  findings: Finding[];
}

export interface RunReport {
  mode: Mode;
  ok: boolean;
  generatedAt: string;
  counts: { errors: number; warnings: number; notices: number };
  certificates: CertificateReport[];
  /** Plan and apply: what the provider holds, what was planned, what was done. */
  rotation?: RotationResult;
}

/** Statuses of a lineage that are a success; anything else fails the run. */
const GOOD = new Set(['created', 'rotated', 'unchanged', 'planned']);

export function rotationOk(rotation: RotationResult): boolean {
  return rotation.lineages.every((l) => GOOD.has(l.status)) && rotation.settle?.status !== 'failed';
}

export function buildReport(
  mode: Mode,
  bundles: readonly CheckedBundle[],
  now: Date,
  rotation?: RotationResult,
): RunReport {
  const certificates = bundles.map((bundle): CertificateReport => {
    const report: CertificateReport = {
      status: bundle.ok ? 'valid' : 'invalid',
      chain: bundle.chain,
      orderFound: bundle.orderFound,
      findings: bundle.findings,
    };
    if (bundle.leaf) report.leaf = bundle.leaf;
    return report;
  });
  const all = certificates.flatMap((c) => c.findings);
  const count = (level: Finding['level']) => all.filter((f) => f.level === level).length;
  const report: RunReport = {
    mode,
    ok: certificates.every((c) => c.status === 'valid') && (rotation === undefined || rotationOk(rotation)),
    generatedAt: now.toISOString(),
    counts: { errors: count('error'), warnings: count('warning'), notices: count('notice') },
    certificates,
  };
  if (rotation) report.rotation = rotation;
  return report;
}

export function verdict(report: RunReport): string {
  const { errors, warnings } = report.counts;
  const tally = [plural(errors, 'error'), plural(warnings, 'warning')].join(', ');
  const lineage = report.rotation?.lineages[0];
  if (lineage && report.rotation?.settle?.status === 'failed')
    return `${lineage.status}, settle failed (${tally})`;
  if (lineage) return `${lineage.status} (${tally})`;
  return report.certificates.every((c) => c.status === 'valid') ? `valid (${tally})` : `invalid (${tally})`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
