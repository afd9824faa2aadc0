/**
 * The run's report: what every presentation (terminal text, job summary, the `report` output)
 * is made from. It holds public facts only: the upload texts, and so the private key, never
 * enter it.
 */
import type { ChainEntry, CheckedBundle } from '../certs/bundle.ts';
import type { Finding } from '../certs/findings.ts';
import type { CertFacts } from '../certs/inspect.ts';
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
}

export function buildReport(mode: Mode, bundles: readonly CheckedBundle[], now: Date): RunReport {
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
  return {
    mode,
    ok: certificates.every((c) => c.status === 'valid'),
    generatedAt: now.toISOString(),
    counts: { errors: count('error'), warnings: count('warning'), notices: count('notice') },
    certificates,
  };
}

export function verdict(report: RunReport): string {
  const { errors, warnings } = report.counts;
  const tally = [plural(errors, 'error'), plural(warnings, 'warning')].join(', ');
  return report.ok ? `valid (${tally})` : `invalid (${tally})`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
