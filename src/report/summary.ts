/**
 * The report as Markdown: the job summary, and the body of the PR comment and the expiry issue.
 * Every piece of user-influenced text (subjects, names, messages) is HTML-escaped: a
 * certificate's subject is attacker-controllable text.
 */
import { keyLabel } from '../certs/keys.ts';
import { renderGantt } from './gantt.ts';
import type { CertificateReport, InventoryEntry, RunReport } from './report.ts';
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

export function renderSummary(report: RunReport): string {
  const icon = report.ok ? '✅' : '❌';
  const out = [`## ${icon} cert-rotate ${report.mode}: ${escapeHtml(verdict(report))}`, ''];
  if (report.skipped.length > 0) {
    out.push('**Skipped**', '', ...report.skipped.map((s) => `- ⏭️ ${escapeHtml(s)}`), '');
  }
  if (report.certificates.length > 0) out.push(...certificateTable(report), '');
  for (const cert of report.certificates) out.push(...details(cert, report.certificates.length > 1));
  out.push(...findings(report));
  if (report.rotation) out.push(...rotationMarkdown(report.rotation));
  if (report.inventory) out.push(...inventoryTable(report.inventory, report), '');
  const gantt = renderGantt(report);
  if (gantt.length > 0) out.push('### Expiry', '', ...gantt, '');
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

function days(value: number, report: RunReport): string {
  return `${dayMarker(value, report.warnDays, report.failDays)} ${value < 0 ? `expired ${-value} d ago` : value}`;
}

function certificateTable(report: RunReport): string[] {
  const rows = report.certificates.map((cert) => {
    const leaf = cert.leaf;
    const cells = leaf
      ? [
          [...leaf.dnsNames, ...leaf.ipAddresses].map(escapeHtml).join(', ') || '—',
          escapeHtml(leaf.issuerCommonName ?? leaf.issuer),
          escapeHtml(keyLabel(leaf.key)),
          leaf.notAfter.slice(0, 10),
          days(leaf.daysRemaining, report),
        ]
      : ['—', '—', '—', '—', '—'];
    return `| ${escapeHtml(cert.label)} | ${cells.join(' | ')} | ${cert.outcome} |`;
  });
  return [
    '| Certificate | Domains | Issuer | Key | Not after | Days left | Result |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ];
}

/** Fingerprints and chain: folded away when there are several certificates. */
function details(cert: CertificateReport, fold: boolean): string[] {
  const lines: string[] = [];
  const leaf = cert.leaf;
  if (leaf) {
    lines.push(
      `Subject ${escapeHtml(leaf.subject)}<br>SHA-1 \`${leaf.sha1}\` · SHA-256 \`${leaf.sha256}\``,
      '',
    );
  }
  if (cert.chain.length > 1) {
    const chain = cert.chain
      .map((e) => escapeHtml(e.subject) + (e.role === 'root' ? ' (root, not uploaded)' : ''))
      .join(' → ');
    lines.push(`Chain, as served: ${chain}`, '');
  }
  if (lines.length === 0) return [];
  if (!fold) return lines;
  return [
    `<details><summary>${escapeHtml(cert.label)}: fingerprints and chain</summary>`,
    '',
    ...lines,
    '</details>',
    '',
  ];
}

function findings(report: RunReport): string[] {
  const many = report.certificates.length > 1;
  const items = report.certificates.flatMap((cert) =>
    cert.findings.map((f) => {
      const mark = f.level === 'error' ? '❌' : f.level === 'warning' ? '⚠️' : 'ℹ️';
      const whose = many ? `${escapeHtml(cert.label)}: ` : '';
      return `- ${mark} ${whose}**${f.code}**: ${escapeHtml(f.message)}<br>Fix: ${escapeHtml(f.fix)}`;
    }),
  );
  return items.length === 0 ? [] : ['### Findings', '', ...items, ''];
}

function inventoryTable(entries: readonly InventoryEntry[], report: RunReport): string[] {
  const sorted = [...entries].sort((a, b) => (a.daysRemaining ?? Infinity) - (b.daysRemaining ?? Infinity));
  const rows = sorted.map(
    (e) =>
      `| ${escapeHtml(e.name)} | ${escapeHtml(e.id)} | ${e.dnsNames.map(escapeHtml).join(', ') || '—'} | ${e.notAfter?.slice(0, 10) ?? '—'} | ${e.daysRemaining === undefined ? '—' : days(e.daysRemaining, report)} | ${e.lineage ? escapeHtml(e.lineage) : 'not managed'} |`,
  );
  return [
    `### Provider inventory (${entries.length}, as listed before this run's changes)`,
    '',
    '| Name | Id | Domains | Not after | Days left | Lineage |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
  ];
}
