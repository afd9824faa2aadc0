/**
 * Check mode's part of a report: one row per endpoint address with what it serves, then each
 * finding. Served certificates are a stranger's text: everything goes through escape.ts.
 */
import { formatEndpoint } from '../verification/endpoints.ts';
import type { ServedEndpoint } from '../verification/check-run.ts';
import { escapeMarkdown, printable } from './escape.ts';
import type { RunReport } from './report.ts';

/** Rows in the summary and the terminal; every one is in the `endpoints` and `report` outputs. */
const MAX_ROWS = 256;

function mark(entry: ServedEndpoint): string {
  if (entry.findings.some((f) => f.level === 'error')) return '❌';
  if (entry.findings.some((f) => f.level === 'warning')) return '⚠️';
  return '✅';
}

function expiry(entry: ServedEndpoint): string {
  if (entry.notAfter === undefined) return '';
  return `${entry.notAfter.slice(0, 10)} (${entry.daysRemaining} d)`;
}

export function servedMarkdown(report: RunReport): string[] {
  const served = report.served ?? [];
  const out = ['### What clients are served', ''];
  out.push(
    '| | Endpoint | Address | Certificate | Expires | TLS | Chain |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const entry of served.slice(0, MAX_ROWS)) {
    const label = entry.label === undefined ? '' : ` (${escapeMarkdown(entry.label)})`;
    const cert =
      entry.subject === undefined ? escapeMarkdown(entry.error ?? '—') : escapeMarkdown(entry.subject);
    const chain = (entry.chain ?? []).length;
    out.push(
      `| ${mark(entry)} | ${escapeMarkdown(formatEndpoint(entry))}${label} | ${escapeMarkdown(entry.address ?? '')} | ${cert} | ${expiry(entry)} | ${escapeMarkdown(entry.protocol ?? '')} | ${chain === 0 ? '' : `${chain} ${entry.trusted ? 'trusted' : 'not trusted'}`} |`,
    );
  }
  if (served.length > MAX_ROWS) out.push(`| | … and ${served.length - MAX_ROWS} more | | | | | |`);
  out.push('');
  const findings = served.flatMap((entry) => entry.findings.map((f) => ({ entry, f })));
  if (findings.length > 0) {
    out.push('#### Findings', '');
    for (const { f } of findings) {
      const icon = f.level === 'error' ? '❌' : f.level === 'warning' ? '⚠️' : 'ℹ️';
      out.push(`- ${icon} **${f.code}**: ${escapeMarkdown(f.message)} *Fix:* ${escapeMarkdown(f.fix)}`);
    }
    out.push('');
  }
  for (const skipped of report.servedSkipped ?? []) {
    out.push(`> ⏭️ ${escapeMarkdown(skipped.domain)}: ${escapeMarkdown(skipped.reason)}`, '');
  }
  return out;
}

export function servedText(report: RunReport): string[] {
  const lines: string[] = [];
  for (const entry of (report.served ?? []).slice(0, MAX_ROWS)) {
    const where = `${formatEndpoint(entry)}${entry.address === undefined ? '' : ` at ${entry.address}`}`;
    const what =
      entry.subject === undefined
        ? (entry.error ?? 'nothing')
        : `${entry.subject}, expires ${expiry(entry)}, ${entry.protocol ?? ''}`;
    lines.push('', printable(`${where}${entry.label === undefined ? '' : ` (${entry.label})`}: ${what}`));
    for (const f of entry.findings)
      lines.push(`  ${f.level} ${f.code}: ${printable(f.message)} Fix: ${printable(f.fix)}`);
  }
  for (const skipped of report.servedSkipped ?? [])
    lines.push(`skipped ${printable(skipped.domain)}: ${printable(skipped.reason)}`);
  return lines;
}
