/**
 * A Mermaid gantt chart of expiry: one bar per certificate, from today to its not-after, so the
 * soonest to expire stand out at a glance. GitHub renders ```mermaid blocks in job summaries,
 * comments and issues. Inside the block HTML entities are not decoded, so names are reduced to
 * characters Mermaid reads literally instead of being escaped.
 */
import type { RunReport } from './report.ts';

/** Mermaid draws hundreds of bars slowly and unreadably: the soonest this many are shown. */
export const GANTT_MAX_BARS = 40;

interface Bar {
  section: 'Checked' | 'Provider inventory';
  name: string;
  notAfter: string;
  daysRemaining: number;
}

export function renderGantt(report: RunReport): string[] {
  const bars: Bar[] = [];
  for (const c of report.certificates) {
    if (c.leaf)
      bars.push({
        section: 'Checked',
        name: c.label,
        notAfter: c.leaf.notAfter,
        daysRemaining: c.leaf.daysRemaining,
      });
  }
  for (const entry of report.inventory ?? []) {
    if (entry.notAfter !== undefined && entry.daysRemaining !== undefined) {
      bars.push({
        section: 'Provider inventory',
        name: entry.name,
        notAfter: entry.notAfter,
        daysRemaining: entry.daysRemaining,
      });
    }
  }
  if (bars.length === 0) return [];
  const shown = [...bars].sort((a, b) => a.daysRemaining - b.daysRemaining).slice(0, GANTT_MAX_BARS);
  const today = report.generatedAt.slice(0, 10);
  const out = [
    '```mermaid',
    'gantt',
    '  title Certificate expiry',
    '  dateFormat YYYY-MM-DD',
    '  axisFormat %Y-%m-%d',
  ];
  for (const section of ['Checked', 'Provider inventory'] as const) {
    const rows = shown.filter((bar) => bar.section === section);
    if (rows.length === 0) continue;
    out.push(`  section ${section}`);
    for (const bar of rows) {
      const label = `${safe(bar.name)} (${bar.daysRemaining < 0 ? 'expired' : `${bar.daysRemaining} d`})`;
      const end = bar.notAfter.slice(0, 10);
      if (bar.daysRemaining < 0) out.push(`  ${label} :crit, milestone, ${end}, 0d`);
      else out.push(`  ${label} :${tag(bar.daysRemaining, report)}${today}, ${end}`);
    }
  }
  out.push('```');
  if (bars.length > shown.length)
    out.push('', `The chart shows the ${shown.length} soonest of ${bars.length} certificates.`);
  return out;
}

function tag(days: number, report: RunReport): string {
  if (days <= report.failDays) return 'crit, ';
  if (days <= report.warnDays) return 'active, ';
  return '';
}

/**
 * Letters, digits and a few marks; anything else (`:` `;` `#` quotes, brackets, line breaks)
 * becomes a space. A wildcard's `*` is shown as `∗`, which no Markdown reader takes for emphasis.
 */
function safe(name: string): string {
  const cleaned = name
    .replace(/\*/g, '∗')
    .replace(/[^A-Za-z0-9 ._∗@+-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return (cleaned || 'unnamed').slice(0, 60);
}
