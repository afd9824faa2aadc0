/**
 * The report as Markdown: the job summary, and the body of the PR comment and the expiry issue.
 * Every piece of user-influenced text (subjects, names, ids, messages) goes through
 * escapeMarkdown (escape.ts): a certificate's subject is attacker-controllable text.
 */
import { keyLabel } from '../certs/keys.ts';
import { plural } from '../plural.ts';
import { escapeMarkdown } from './escape.ts';
import { renderGantt } from './gantt.ts';
import type { CertificateReport, RunReport } from './report.ts';
import { held, rotationOk, type TargetReport, verdict } from './report.ts';
import { rotationMarkdown } from './rotation.ts';
import { servedMarkdown } from './served.ts';

export function dayMarker(days: number, warnDays: number, failDays: number): string {
  if (days <= failDays) return '🔴';
  if (days <= warnDays) return '🟠';
  return '🟢';
}

export function renderSummary(report: RunReport): string {
  const icon = report.ok ? '✅' : '❌';
  const shard = report.shard === undefined ? '' : ` (shard ${escapeMarkdown(report.shard)})`;
  const out = [`## ${icon} cert-rotate ${report.mode}${shard}: ${escapeMarkdown(verdict(report))}`, ''];
  if (report.skipped.length > 0) {
    out.push('**Skipped**', '', ...report.skipped.map((s) => `- ⏭️ ${escapeMarkdown(s)}`), '');
  }
  // Sections of a line per certificate, finding, step or inventory entry: appended, never spread.
  if (report.certificates.length > 0) append(out, certificateTable(report), '');
  for (const cert of report.certificates) append(out, details(cert, report.certificates.length > 1));
  append(out, findings(report));
  if (report.rotation) append(out, rotationMarkdown(report.rotation));
  for (const target of report.targets ?? []) append(out, targetSection(report, target), '');
  if (report.served) append(out, servedMarkdown(report));
  // No heading right under another: with nothing above it (an inventory-only run), the verdict
  // heading already names the inventory, so it goes without its own.
  if (report.inventory) append(out, inventorySection(report, out.length > 2), '');
  const gantt = renderGantt(report);
  if (gantt.length > 0) append(out, ['### Expiry', ''].concat(gantt), '');
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

/** One target of several: its rotation (or why it could not be rotated) and its inventory. */
function targetSection(report: RunReport, target: TargetReport): string[] {
  const ok = target.rotation !== undefined && rotationOk(target.rotation);
  const out = [
    `## ${ok ? '✅' : '❌'} Target ${escapeMarkdown(target.name)}: ${escapeMarkdown(target.label)}`,
    '',
  ];
  if (target.error) {
    out.push(
      `> ❌ **Not rotated** (${escapeMarkdown(target.error.code)}): ${escapeMarkdown(target.error.message)}${target.error.fix ? ` *Fix:* ${escapeMarkdown(target.error.fix)}` : ''}`,
      '',
      `Its certificates stay as they were there: ${target.lineages.map(escapeMarkdown).join(', ')}.`,
      '',
    );
  }
  if (target.rotation) append(out, rotationMarkdown(target.rotation));
  if (target.inventory) append(out, inventorySection({ ...report, inventory: target.inventory }, true));
  return out;
}

/** `out.push(...lines)` overflows the stack past some 100,000 lines. */
function append(out: string[], lines: readonly string[], ...more: string[]): void {
  for (const line of lines) out.push(line);
  for (const line of more) out.push(line);
}

function days(value: number, report: RunReport): string {
  return `${dayMarker(value, report.warnDays, report.failDays)} ${value < 0 ? `expired ${-value} d ago` : value}`;
}

function certificateTable(report: RunReport): string[] {
  const rows = report.certificates.map((cert) => {
    const leaf = cert.leaf;
    const cells = leaf
      ? [
          [...leaf.dnsNames, ...leaf.ipAddresses].map(escapeMarkdown).join(', ') || '—',
          escapeMarkdown(leaf.issuerCommonName ?? leaf.issuer),
          escapeMarkdown(keyLabel(leaf.key)),
          leaf.notAfter.slice(0, 10),
          days(leaf.daysRemaining, report),
        ]
      : ['—', '—', '—', '—', '—'];
    return `| ${escapeMarkdown(cert.label)} | ${cells.join(' | ')} | ${cert.outcome} |`;
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
      `Subject ${escapeMarkdown(leaf.subject)}<br>SHA-1 \`${leaf.sha1}\` · SHA-256 \`${leaf.sha256}\``,
      '',
    );
  }
  if (cert.chain.length > 1) {
    const chain = cert.chain
      .map((e) => escapeMarkdown(e.subject) + (e.role === 'root' ? ' (root, not uploaded)' : ''))
      .join(' → ');
    lines.push(`Chain, as served: ${chain}`, '');
  }
  if (lines.length === 0) return [];
  if (!fold) return lines;
  return [
    `<details><summary>${escapeMarkdown(cert.label)}: fingerprints and chain</summary>`,
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
      const whose = many ? `${escapeMarkdown(cert.label)}: ` : '';
      return `- ${mark} ${whose}**${f.code}**: ${escapeMarkdown(f.message)}<br>Fix: ${escapeMarkdown(f.fix)}`;
    }),
  );
  return items.length === 0 ? [] : ['### Findings', '', ...items, ''];
}

/**
 * What the provider holds when the run ends, soonest to expire first; in apply mode what this
 * run uploaded is marked, and what it removed is listed last, marked removed, with no days left
 * to count (it expires nowhere now).
 */
function inventorySection(report: RunReport, withHeading: boolean): string[] {
  const entries = report.inventory ?? [];
  const applied = report.mode === 'apply';
  const kept = held(entries);
  const removed = entries.length - kept.length;
  const added = kept.filter((e) => e.change === 'added').length;
  const byExpiry = (list: typeof entries) =>
    [...list].sort((a, b) => (a.daysRemaining ?? Infinity) - (b.daysRemaining ?? Infinity));
  const sorted = [...byExpiry(kept), ...byExpiry(entries.filter((e) => e.change === 'removed'))];
  const rows = sorted.map((e) => {
    const left =
      e.change === 'removed' || e.daysRemaining === undefined ? '—' : days(e.daysRemaining, report);
    const cells = [
      escapeMarkdown(e.name),
      escapeMarkdown(e.id),
      e.dnsNames.map(escapeMarkdown).join(', ') || '—',
      e.notAfter?.slice(0, 10) ?? '—',
      left,
      e.lineage ? escapeMarkdown(e.lineage) : 'not managed',
    ];
    if (applied)
      cells.push(e.change === 'added' ? '➕ uploaded' : e.change === 'removed' ? '➖ removed' : '');
    return `| ${cells.join(' | ')} |`;
  });
  const caption = applied
    ? `After this run the provider holds ${plural(kept.length, 'certificate')} (${added} uploaded by this run); ${removed} removed.`
    : `The provider holds ${plural(kept.length, 'certificate')}.`;
  const columns = [
    'Name',
    'Id',
    'Domains',
    'Not after',
    'Days left',
    'Lineage',
    ...(applied ? ['This run'] : []),
  ];
  return [
    ...(withHeading ? ['### Provider inventory', ''] : []),
    caption,
    '',
    `| ${columns.join(' | ')} |`,
    `| ${columns.map(() => '---').join(' | ')} |`,
    ...rows,
  ];
}
