/**
 * The report as Markdown for the job summary. Every piece of user-influenced text (subjects,
 * names, messages) is HTML-escaped: a certificate's subject is attacker-controllable text.
 */
import { keyLabel } from '../certs/keys.ts';
import type { CertificateReport, RunReport } from './report.ts';
import { verdict } from './report.ts';
import { rotationMarkdown } from './rotation.ts';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`|\\[\]*_]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function dayMarker(days: number, warnDays: number, failDays: number): string {
  if (days <= failDays) return '🔴';
  if (days <= warnDays) return '🟠';
  return '🟢';
}

export interface SummaryOptions {
  warnDays: number;
  failDays: number;
}

export function renderSummary(report: RunReport, options: SummaryOptions): string {
  const icon = report.ok ? '✅' : '❌';
  const out = [`## ${icon} cert-rotate ${report.mode}: ${escapeHtml(verdict(report))}`, ''];
  for (const cert of report.certificates) out.push(...certificateSection(cert, options), '');
  if (report.rotation) out.push(...rotationMarkdown(report.rotation));
  return `${out.join('\n')}\n`;
}

function certificateSection(cert: CertificateReport, options: SummaryOptions): string[] {
  const out: string[] = [];
  const leaf = cert.leaf;
  if (leaf) {
    const names = [...leaf.dnsNames, ...leaf.ipAddresses].map(escapeHtml).join(', ') || '—';
    out.push(
      '| Certificate | Names | Issuer | Key | Not after | Days left |',
      '| --- | --- | --- | --- | --- | --- |',
      `| ${escapeHtml(leaf.subject)} | ${names} | ${escapeHtml(leaf.issuerCommonName ?? leaf.issuer)} | ${escapeHtml(keyLabel(leaf.key))} | ${leaf.notAfter.slice(0, 10)} | ${dayMarker(leaf.daysRemaining, options.warnDays, options.failDays)} ${leaf.daysRemaining} |`,
      '',
      `SHA-1 \`${leaf.sha1}\` · SHA-256 \`${leaf.sha256}\``,
      '',
    );
  }
  if (cert.chain.length > 1) {
    out.push(
      'Chain, as served: ' +
        cert.chain
          .map((e) => escapeHtml(e.subject) + (e.role === 'root' ? ' (root, not uploaded)' : ''))
          .join(' → '),
      '',
    );
  }
  if (cert.findings.length > 0) {
    out.push('### Findings', '');
    for (const f of cert.findings) {
      const mark = f.level === 'error' ? '❌' : f.level === 'warning' ? '⚠️' : 'ℹ️';
      out.push(`- ${mark} **${f.code}**: ${escapeHtml(f.message)}<br>Fix: ${escapeHtml(f.fix)}`);
    }
  }
  return out;
}
